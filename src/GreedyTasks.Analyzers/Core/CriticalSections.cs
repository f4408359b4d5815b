using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Recognises a lock taken by hand the way a <c>lock</c> statement takes it: an <c>Enter</c> call
/// (<c>Monitor.Enter</c>, <c>Lock.Enter</c>, <c>ReaderWriterLockSlim.Enter…Lock</c>) right before, or as the first
/// statement of, a <c>try</c> whose <c>finally</c> calls the matching <c>Exit</c>, with no <c>await</c> in between.
/// That is a short synchronous critical section, which GT0006 leaves alone as it leaves <c>lock</c> alone. With an
/// <c>await</c> inside, it is reported: the thread blocks and <c>Exit</c> may run on another thread, where it throws.
/// </summary>
internal static class CriticalSections
{
    public static bool IsEnterOfAwaitFreeSection(IInvocationOperation enter)
    {
        var exitName = ExitNameFor(enter.TargetMethod.Name);
        if (exitName is null || enter.Parent is not IExpressionStatementOperation statement || statement.Parent is not IBlockOperation block)
        {
            return false;
        }

        // Enter(); try { … } finally { Exit(); }
        var index = block.Operations.IndexOf(statement);
        if (index >= 0 && index + 1 < block.Operations.Length && block.Operations[index + 1] is ITryOperation next)
        {
            return IsAwaitFreeSection(next, enter, exitName);
        }

        // bool taken = false; try { Monitor.Enter(o, ref taken); … } finally { if (taken) Monitor.Exit(o); }
        return index == 0 && block.Parent is ITryOperation enclosing && ReferenceEquals(enclosing.Body, block) && IsAwaitFreeSection(enclosing, enter, exitName);
    }

    private static string? ExitNameFor(string enterName) => enterName switch
    {
        "Enter" => "Exit",
        "EnterReadLock" => "ExitReadLock",
        "EnterWriteLock" => "ExitWriteLock",
        "EnterUpgradeableReadLock" => "ExitUpgradeableReadLock",
        _ => null,
    };

    private static bool IsAwaitFreeSection(ITryOperation section, IInvocationOperation enter, string exitName)
    {
        if (section.Finally is null || !ExitsTheSameLock(section.Finally, enter, exitName))
        {
            return false;
        }

        foreach (var operation in section.Body.DescendantsInSameFunction())
        {
            if (operation is IAwaitOperation or IUsingOperation { IsAsynchronous: true } or IUsingDeclarationOperation { IsAsynchronous: true }
                or IForEachLoopOperation { IsAsynchronous: true })
            {
                return false;
            }
        }

        return true;
    }

    private static bool ExitsTheSameLock(IBlockOperation finallyBlock, IInvocationOperation enter, string exitName)
    {
        var enterLock = LockOf(enter);
        foreach (var operation in finallyBlock.DescendantsInSameFunction())
        {
            if (operation is IInvocationOperation exit && exit.TargetMethod.Name == exitName
                && SymbolEqualityComparer.Default.Equals(exit.TargetMethod.ContainingType, enter.TargetMethod.ContainingType)
                && SameReference(LockOf(exit), enterLock))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lock object: the receiver of an instance call, the first argument of <c>Monitor</c>'s static ones.</summary>
    private static IOperation? LockOf(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.Arguments.IsEmpty ? null : invocation.Arguments[0].Value);

    private static bool SameReference(IOperation? a, IOperation? b)
    {
        a = a?.WalkDownConversion();
        b = b?.WalkDownConversion();
        return (a, b) switch
        {
            (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
            (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
            (IFieldReferenceOperation x, IFieldReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Field, y.Field) && (x.Field.IsStatic || SameReference(x.Instance, y.Instance)),
            (IPropertyReferenceOperation x, IPropertyReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Property, y.Property) && (x.Property.IsStatic || SameReference(x.Instance, y.Instance)),
            (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
            _ => false,
        };
    }
}

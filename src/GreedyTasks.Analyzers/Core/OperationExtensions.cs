using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>Small, allocation-free helpers over the operation tree shared by the rules.</summary>
internal static class OperationExtensions
{
    /// <summary>Skips implicit and explicit conversions and parentheses around an expression.</summary>
    public static IOperation WalkDownConversion(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The local or parameter an expression reads, or null when it reads anything else.</summary>
    public static ISymbol? ReferencedLocalOrParameter(this IOperation? operation)
    {
        return operation?.WalkDownConversion() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }

    /// <summary>
    /// True when <paramref name="operation"/> writes the local or parameter <paramref name="variable"/>: assigns it
    /// (plainly, compound or <c>??=</c>), alone or as an element of a deconstruction, increments it, or passes it by
    /// <c>ref</c>/<c>out</c>. The one write test of the completion check (GT0001) and the counted-loop check (GT0004).
    /// </summary>
    public static bool Writes(this IOperation operation, ISymbol variable) => WriteTargetOf(operation) is { } target && IsWriteTo(target, variable);

    private static IOperation? WriteTargetOf(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation assignment => assignment.Target,
        ICompoundAssignmentOperation compound => compound.Target,
        ICoalesceAssignmentOperation coalesce => coalesce.Target,
        IDeconstructionAssignmentOperation deconstruction => deconstruction.Target,
        IIncrementOrDecrementOperation increment => increment.Target,
        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
        _ => null,
    };

    private static bool IsWriteTo(IOperation target, ISymbol variable)
    {
        switch (target)
        {
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    if (IsWriteTo(element, variable))
                    {
                        return true;
                    }
                }

                return false;
            case IDeclarationExpressionOperation declaration:
                return IsWriteTo(declaration.Expression, variable);
            default:
                return SymbolEqualityComparer.Default.Equals(target.ReferencedLocalOrParameter(), variable);
        }
    }

    /// <summary>The top of the operation tree <paramref name="operation"/> is in: the member's body, initializer or top-level statements.</summary>
    public static IOperation Root(this IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root;
    }

    /// <summary>True when the value of <paramref name="operation"/> is discarded (it is a whole expression statement).</summary>
    public static bool IsResultUnused(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IExpressionStatementOperation;
    }

    /// <summary>True when the argument was written at the call site (not a default value or an implicit params array).</summary>
    public static bool IsExplicit(this IArgumentOperation argument) => argument.ArgumentKind == ArgumentKind.Explicit || (argument.ArgumentKind == ArgumentKind.ParamArray && !argument.IsImplicit);

    /// <summary>
    /// The elements of a task collection written at the call site: <c>new[] { a, b }</c>, the array the compiler builds
    /// for <c>params Task[]</c>, or the collection it builds for <c>params ReadOnlySpan&lt;Task&gt;</c> (.NET 9, C# 13)
    /// and collection expressions, whose element operations are the collection's children (the interface for them is
    /// newer than the Roslyn this assembly compiles against). Null when the argument is not such a collection.
    /// </summary>
    public static IEnumerable<IOperation>? WrittenCollectionElements(this IArgumentOperation argument)
    {
        var value = argument.Value.WalkDownConversion();
        if (value is IArrayCreationOperation array)
        {
            return array.Initializer?.ElementValues;
        }

        var isWrittenCollection = value.IsImplicit
            ? argument.ArgumentKind != ArgumentKind.Explicit && argument.ArgumentKind != ArgumentKind.DefaultValue
            : value.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax;
        return isWrittenCollection ? value.ChildOperations : null;
    }

    /// <summary>The task under <c>t.ConfigureAwait(…)</c>, or the operation itself when it is not such a call.</summary>
    public static IOperation WithoutConfigureAwait(this IOperation operation)
    {
        var value = operation.WalkDownConversion();
        return value is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task } ? task : value;
    }

    /// <summary>True when any argument of the call is passed by name (<c>f(x: 1)</c>).</summary>
    public static bool HasNamedArgument(this Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.NameColon is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operation and the operations under it that run as part of the same function (nested functions skipped).</summary>
    public static IEnumerable<IOperation> DescendantsInSameFunction(this IOperation root)
    {
        // Pre-order, in source order, the root included (a loop body may be a single statement, even another loop):
        // callers that accumulate facts (a local computed from another) rely on it.
        var pending = new Stack<IOperation>();
        if (root is IAnonymousFunctionOperation or ILocalFunctionOperation)
        {
            PushChildren(pending, root);
        }
        else
        {
            pending.Push(root);
        }

        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            PushChildren(pending, current);
        }
    }

    private static void PushChildren(Stack<IOperation> pending, IOperation operation)
    {
        // Last child first, so that they pop in source order. Reverse() walks the children in place: this runs for every
        // node of every walk (GT0004 and GT0005 walk each loop several times), so it must not allocate a list per node.
        foreach (var child in operation.ChildOperations.Reverse())
        {
            if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
            {
                pending.Push(child);
            }
        }
    }
}

using System.Collections.Immutable;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers;

/// <summary>
/// GT0001: finds code that blocks on a task in async code: <c>.Result</c> on <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>,
/// <c>Task.Wait(…)</c>, <c>.GetAwaiter().GetResult()</c> (configured awaiters included), <c>Task.WaitAll</c> and
/// <c>Task.WaitAny</c>. Zero-timeout probes and tasks that are provably complete are not reported.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class BlockingWaitAnalyzer : GreedyTasksAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BlockingWait);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        context.RegisterOperationAction(c => AnalyzePropertyReference(c, symbols, options), OperationKind.PropertyReference);
        context.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, options), OperationKind.Invocation);
    }

    private static void AnalyzePropertyReference(OperationAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        var property = reference.Property;
        if (property.Name != "Result" || reference.Instance is null)
        {
            return;
        }

        var owner = property.ContainingType.OriginalDefinition;
        if (!SymbolEqualityComparer.Default.Equals(owner, symbols.TaskOfT) && !SymbolEqualityComparer.Default.Equals(owner, symbols.ValueTaskOfT))
        {
            return;
        }

        var asyncCode = AsyncCodeContext.Of(reference, context.ContainingSymbol, options);
        if (!asyncCode.IsAsyncCode || CompletedTaskAnalysis.IsProvablyComplete(reference.Instance, reference, asyncCode, symbols, context.GetControlFlowGraph))
        {
            return;
        }

        // A conditional access (t?.Result) has no awaitable receiver to rewrite.
        var canFix = reference.Syntax is MemberAccessExpressionSyntax && AwaitPlacement.CanInsertAwait(reference, asyncCode)
            && !IsValueTaskAwaitedElsewhere(reference.Instance, reference, asyncCode, symbols);
        Report(context, symbols, reference.Syntax, property, "Result", canFix ? DiagnosticProperties.FixKindAwait : null);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Wait" when !method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Task):
                AnalyzeTaskWait(context, invocation, symbols, options);
                break;
            case "GetResult" when symbols.IsTaskAwaiter(method.ContainingType):
                AnalyzeGetResult(context, invocation, symbols, options);
                break;
            case "WaitAll" or "WaitAny" when method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Task):
                AnalyzeWaitAllOrAny(context, invocation, symbols, options);
                break;
        }
    }

    private static void AnalyzeTaskWait(OperationAnalysisContext context, IInvocationOperation invocation, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        if (invocation.Instance is null || TimeoutArguments.HasZeroTimeout(invocation, symbols))
        {
            return;
        }

        var asyncCode = AsyncCodeContext.Of(invocation, context.ContainingSymbol, options);
        if (!asyncCode.IsAsyncCode || CompletedTaskAnalysis.IsProvablyComplete(invocation.Instance, invocation, asyncCode, symbols, context.GetControlFlowGraph))
        {
            return;
        }

        string? fixKind = null;
        var timeoutInMilliseconds = false;
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } waitSyntax && AwaitPlacement.CanInsertAwait(invocation, asyncCode))
        {
            var hasTimeout = TimeoutArguments.TryGetTimeoutParameter(invocation.TargetMethod, symbols, out var timeoutParameter);
            var hasToken = HasCancellationTokenParameter(invocation.TargetMethod, symbols);
            timeoutInMilliseconds = hasTimeout && timeoutParameter!.Type.SpecialType == SpecialType.System_Int32;
            fixKind = (hasTimeout, hasToken) switch
            {
                (false, false) => DiagnosticProperties.FixKindAwait,
                // WaitAsync names its parameters differently from Wait, so a call with named arguments is left alone.
                _ when waitSyntax.HasNamedArgument() => null,
                (false, true) when symbols.TaskWaitAsyncWithCancellation is not null => DiagnosticProperties.FixKindWaitAsync,

                // Wait(timeout) returns false on a timeout where WaitAsync throws: only rewrite when the bool is unused (RULES.md, "Fix semantics").
                (true, false) when symbols.TaskWaitAsyncWithTimeout is not null && invocation.IsResultUnused() => DiagnosticProperties.FixKindWaitAsync,
                (true, true) when symbols.TaskWaitAsyncWithTimeoutAndCancellation is not null && invocation.IsResultUnused() => DiagnosticProperties.FixKindWaitAsync,
                _ => null,
            };
        }

        Report(context, symbols, invocation.Syntax, invocation.TargetMethod, "Wait", fixKind, timeoutInMilliseconds ? DiagnosticProperties.TimeoutInMilliseconds : null);
    }

    private static void AnalyzeGetResult(OperationAnalysisContext context, IInvocationOperation invocation, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        // The awaitable is the receiver of GetAwaiter(): t.GetAwaiter().GetResult() or t.ConfigureAwait(false).GetAwaiter().GetResult().
        var awaitable = invocation.Instance?.WalkDownConversion() is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } receiver } ? receiver : null;

        var asyncCode = AsyncCodeContext.Of(invocation, context.ContainingSymbol, options);
        if (!asyncCode.IsAsyncCode)
        {
            return;
        }

        if (awaitable is not null)
        {
            var task = awaitable.WithoutConfigureAwait();
            if (CompletedTaskAnalysis.IsProvablyComplete(task, invocation, asyncCode, symbols, context.GetControlFlowGraph))
            {
                return;
            }
        }

        var canFix = awaitable is not null && AwaitPlacement.CanInsertAwait(invocation, asyncCode)
            && !IsValueTaskAwaitedElsewhere(awaitable, invocation, asyncCode, symbols);
        Report(context, symbols, invocation.Syntax, invocation.TargetMethod, "GetResult", canFix ? DiagnosticProperties.FixKindAwait : null);
    }

    private static void AnalyzeWaitAllOrAny(OperationAnalysisContext context, IInvocationOperation invocation, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        if (TimeoutArguments.HasZeroTimeout(invocation, symbols))
        {
            return;
        }

        var asyncCode = AsyncCodeContext.Of(invocation, context.ContainingSymbol, options);
        if (!asyncCode.IsAsyncCode)
        {
            return;
        }

        var isWaitAll = invocation.TargetMethod.Name == "WaitAll";
        string? fixKind = null;
        string? tasksAsParams = null;
        if (OnlyTasksArePassed(invocation, symbols) && AwaitPlacement.CanInsertAwait(invocation, asyncCode))
        {
            if (isWaitAll)
            {
                fixKind = DiagnosticProperties.FixKindWhenAll;
            }
            else if (invocation.IsResultUnused())
            {
                fixKind = DiagnosticProperties.FixKindWhenAny;
            }
            else if (TasksCanBeReadTwice(invocation, out var asParams))
            {
                // The index is used: Array.IndexOf(tasks, await Task.WhenAny(tasks)) reads the tasks twice, so they must be plain variables.
                fixKind = DiagnosticProperties.FixKindWhenAnyIndex;
                tasksAsParams = asParams ? DiagnosticProperties.TasksAsParams : null;
            }
        }

        Report(context, symbols, invocation.Syntax, invocation.TargetMethod, invocation.TargetMethod.Name, fixKind, tasksAsParams);
    }

    /// <summary>True when every parameter that got an explicit argument takes tasks: no timeout, no explicit token, which WhenAll/WhenAny cannot take.</summary>
    private static bool OnlyTasksArePassed(IInvocationOperation invocation, WellKnownSymbols symbols)
    {
        foreach (var argument in invocation.Arguments)
        {
            var type = argument.Parameter?.Type;
            if (type is null)
            {
                return false;
            }

            var isTasks = type is IArrayTypeSymbol array
                ? symbols.IsTaskLike(array.ElementType)
                : type is INamedTypeSymbol { TypeArguments.Length: 1 } named && symbols.IsTaskLike(named.TypeArguments[0]);
            if (!isTasks && argument.IsExplicit())
            {
                return false;
            }
        }

        return true;
    }

    private static bool TasksCanBeReadTwice(IInvocationOperation invocation, out bool asParams)
    {
        asParams = false;
        if (invocation.Arguments.Length != 1)
        {
            return false;
        }

        var argument = invocation.Arguments[0];
        if (argument.ArgumentKind != ArgumentKind.Explicit && argument.WrittenCollectionElements() is { } elements)
        {
            asParams = true;
            var count = 0;
            foreach (var element in elements)
            {
                count++;
                if (!IsVariableRead(element))
                {
                    return false;
                }
            }

            return count > 0;
        }

        return argument.Value.Type is IArrayTypeSymbol && IsVariableRead(argument.Value);
    }

    private static bool IsVariableRead(IOperation operation)
    {
        var value = operation.WalkDownConversion();
        return value.ReferencedLocalOrParameter() is not null
            || value is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation };
    }

    /// <summary>
    /// A ValueTask may be consumed once: where the function also awaits the same ValueTask variable, rewriting this
    /// read into another await would consume it twice, so no fix is offered (the diagnostic stays).
    /// </summary>
    private static bool IsValueTaskAwaitedElsewhere(IOperation awaitable, IOperation use, in AsyncCodeContext asyncCode, WellKnownSymbols symbols)
    {
        var task = awaitable.WithoutConfigureAwait();
        var symbol = task.ReferencedLocalOrParameter();
        if (symbol is null || !symbols.IsValueTask(task.WalkDownConversion().Type))
        {
            return false;
        }

        var body = asyncCode.FunctionBody(use);

        foreach (var descendant in body.Descendants())
        {
            if (descendant is IAwaitOperation await && SymbolEqualityComparer.Default.Equals(await.Operation.WithoutConfigureAwait().ReferencedLocalOrParameter(), symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCancellationTokenParameter(IMethodSymbol method, WellKnownSymbols symbols)
    {
        foreach (var parameter in method.Parameters)
        {
            if (symbols.IsCancellationToken(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(OperationAnalysisContext context, WellKnownSymbols symbols, SyntaxNode syntax, ISymbol member, string memberName, string? fixKind, string? flag = null)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Member, memberName);
        if (fixKind is not null)
        {
            properties.Add(DiagnosticProperties.FixKind, fixKind);
        }

        if (flag is not null)
        {
            properties.Add(flag, "true");
        }

        context.ReportInHandWrittenCode(symbols, Diagnostic.Create(
            Descriptors.BlockingWait,
            syntax.GetLocation(),
            properties.ToImmutable(),
            member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
    }
}

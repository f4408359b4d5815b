using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Benchmarks;

/// <summary>
/// An analyzer that registers one action which does nothing (<c>--floors</c>): what the driver costs any analyzer of that
/// kind before its first line of code runs. The operation kind pays for the IOperation tree of every member the driver
/// analyzes and for walking it; the syntax kind only for dispatching syntax nodes. The difference between the two is the
/// least an operation-based analyzer (GreedyTasks, NetAnalyzers, Meziantou) can cost more than a syntax-based one (Sonar).
/// The third floor does the least a rule that looks at calls must do: read the called method's name and compare it,
/// as GT0002's first check does. Against the no-op operation floor it shows what touching one symbol per call costs, and
/// how that grows with the size of the compilation (its heap), apart from anything GreedyTasks does.
/// </summary>
internal sealed class DriverFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "FLOOR0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private readonly FloorKind _kind;

    private DriverFloorAnalyzer(FloorKind kind) => _kind = kind;

    private enum FloorKind
    {
        NoOpOperation,
        NoOpSyntax,
        CalledMethodName,
    }

    /// <summary>One no-op operation action on invocations, the kind GT0001, GT0002, GT0003, GT0005 and GT0006 register.</summary>
    public static DriverFloorAnalyzer OperationAction() => new(FloorKind.NoOpOperation);

    /// <summary>One no-op syntax node action on invocation expressions.</summary>
    public static DriverFloorAnalyzer SyntaxAction() => new(FloorKind.NoOpSyntax);

    /// <summary>One operation action on invocations that compares the called method's name with a name no call in the corpora has.</summary>
    public static DriverFloorAnalyzer CalledMethodNameAction() => new(FloorKind.CalledMethodName);

    public string Name => _kind switch
    {
        FloorKind.NoOpOperation => "one no-op operation action",
        FloorKind.NoOpSyntax => "one no-op syntax action",
        _ => "one operation action reading the called method's name",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        // The same declarations as the GreedyTasks rules, so only the kind of action differs.
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        switch (_kind)
        {
            case FloorKind.NoOpOperation:
                context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
                break;
            case FloorKind.NoOpSyntax:
                context.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.InvocationExpression);
                break;
            default:
                context.RegisterOperationAction(ReadCalledMethodName, OperationKind.Invocation);
                break;
        }
    }

    private static void ReadCalledMethodName(OperationAnalysisContext context)
    {
        // Never true: the comparison only makes the read happen, as in a rule that leaves at its first check.
        if (((IInvocationOperation)context.Operation).TargetMethod.Name == "FloorNeverCalled")
        {
            context.ReportDiagnostic(Diagnostic.Create(Never, context.Operation.Syntax.GetLocation()));
        }
    }
}

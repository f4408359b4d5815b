using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Benchmarks;

/// <summary>
/// An analyzer that registers one action which does nothing (<c>--floors</c>): what the driver costs any analyzer of that
/// kind before its first line of code runs. The operation kind pays for the IOperation tree of every member the driver
/// analyzes and for walking it; the syntax kind only for dispatching syntax nodes. The difference between the two is the
/// least an operation-based analyzer (GreedyTasks, NetAnalyzers, Meziantou) can cost more than a syntax-based one (Sonar).
/// </summary>
internal sealed class DriverFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "FLOOR0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private readonly bool _operations;

    private DriverFloorAnalyzer(bool operations) => _operations = operations;

    /// <summary>One no-op operation action on invocations, the kind GT0001, GT0002, GT0003, GT0005 and GT0006 register.</summary>
    public static DriverFloorAnalyzer OperationAction() => new(operations: true);

    /// <summary>One no-op syntax node action on invocation expressions.</summary>
    public static DriverFloorAnalyzer SyntaxAction() => new(operations: false);

    public string Name => _operations ? "one no-op operation action" : "one no-op syntax action";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        // The same declarations as the GreedyTasks rules, so only the kind of action differs.
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        if (_operations)
        {
            context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
        }
        else
        {
            context.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.InvocationExpression);
        }
    }
}

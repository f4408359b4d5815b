using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Benchmarks;

/// <summary>
/// Runs an analyzer unchanged except for the <see cref="GeneratedCodeAnalysisFlags"/> it declares, so that the cost of
/// that one setting is measured side by side in the same process (<c>--gt-generated-code-none</c>). Registrations go
/// straight to the driver's context: no callback is wrapped, so the variant pays nothing the real analyzer does not.
/// </summary>
internal sealed class GeneratedCodeFlagsOverride : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;
    private readonly GeneratedCodeAnalysisFlags _flags;

    public GeneratedCodeFlagsOverride(DiagnosticAnalyzer inner, GeneratedCodeAnalysisFlags flags)
    {
        _inner = inner;
        _flags = flags;
    }

    public string InnerName => _inner.GetType().Name;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context, _flags));

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _context;
        private readonly GeneratedCodeAnalysisFlags _flags;

        public Context(AnalysisContext context, GeneratedCodeAnalysisFlags flags)
        {
            _context = context;
            _flags = flags;
        }

        public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(_flags);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => _context.RegisterCompilationStartAction(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationAction(action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _context.RegisterSemanticModelAction(action);

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _context.RegisterSymbolAction(action, symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _context.RegisterCodeBlockStartAction(action);

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(action);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _context.RegisterSyntaxTreeAction(action);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _context.RegisterSyntaxNodeAction(action, syntaxKinds);
    }
}

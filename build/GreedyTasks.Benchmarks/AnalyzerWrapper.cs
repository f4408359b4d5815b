using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Benchmarks;

/// <summary>
/// Runs an analyzer through the driver with one thing changed, for a measurement: the <see cref="GeneratedCodeAnalysisFlags"/>
/// it declares (<c>--gt-generated-code-none</c>), or the cost of each of its callbacks recorded in <see cref="Costs"/>
/// (<c>--gt-callback-costs</c>). Without <see cref="Costs"/> every registration goes straight to the driver's context, so
/// the wrapped analyzer pays nothing the real one does not. With it, only the registrations GreedyTasks uses are
/// measured (compilation start, compilation, operation and compilation end actions); any other one throws, so a new
/// registration cannot go unmeasured silently.
/// </summary>
internal sealed class AnalyzerWrapper : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;
    private readonly GeneratedCodeAnalysisFlags? _generatedCode;

    private AnalyzerWrapper(DiagnosticAnalyzer inner, GeneratedCodeAnalysisFlags? generatedCode, bool measure)
    {
        _inner = inner;
        _generatedCode = generatedCode;
        Costs = measure ? new CallbackCosts(Name) : null;
    }

    public static AnalyzerWrapper Measured(DiagnosticAnalyzer inner) => new(inner, generatedCode: null, measure: true);

    public static AnalyzerWrapper WithGeneratedCodeFlags(DiagnosticAnalyzer inner, GeneratedCodeAnalysisFlags flags) => new(inner, flags, measure: false);

    /// <summary>The wrapped analyzer's type name (through any further wrapper).</summary>
    public string Name => _inner is AnalyzerWrapper wrapper ? wrapper.Name : _inner.GetType().Name;

    public CallbackCosts? Costs { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context, this));

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _context;
        private readonly AnalyzerWrapper _wrapper;

        public Context(AnalysisContext context, AnalyzerWrapper wrapper)
        {
            _context = context;
            _wrapper = wrapper;
        }

        private CallbackCosts? Costs => _wrapper.Costs;

        public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(_wrapper._generatedCode ?? analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
        {
            if (Costs is { } costs)
            {
                _context.RegisterCompilationStartAction(start => costs.Measure(a => action(new StartContext(a, costs)), start));
            }
            else
            {
                _context.RegisterCompilationStartAction(action);
            }
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
        {
            if (Costs is { } costs)
            {
                _context.RegisterCompilationAction(c => costs.Measure(action, c));
            }
            else
            {
                _context.RegisterCompilationAction(action);
            }
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Unmeasured(() => _context.RegisterSemanticModelAction(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Unmeasured(() => _context.RegisterSymbolAction(action, symbolKinds));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Unmeasured(() => _context.RegisterCodeBlockStartAction(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Unmeasured(() => _context.RegisterCodeBlockAction(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Unmeasured(() => _context.RegisterSyntaxTreeAction(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Unmeasured(() => _context.RegisterSyntaxNodeAction(action, syntaxKinds));

        private void Unmeasured(Action register)
        {
            if (Costs is not null)
            {
                throw new NotSupportedException($"{_wrapper.Name} registers an action --gt-callback-costs does not measure");
            }

            register();
        }
    }

    /// <summary>The compilation-start context of a measured analyzer: its operation and compilation-end actions are timed.</summary>
    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _context;
        private readonly CallbackCosts _costs;

        public StartContext(CompilationStartAnalysisContext context, CallbackCosts costs)
            : base(context.Compilation, context.Options, context.CancellationToken)
        {
            _context = context;
            _costs = costs;
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _context.RegisterOperationAction(c => _costs.Measure(action, c), operationKinds);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationEndAction(c => _costs.Measure(action, c));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unmeasured();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unmeasured();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unmeasured();

        private NotSupportedException Unmeasured() => new($"{_costs.Name} registers an action --gt-callback-costs does not measure");
    }
}

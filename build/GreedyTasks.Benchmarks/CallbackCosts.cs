using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Benchmarks;

/// <summary>What one analyzer's callbacks cost, split into wall time, GC pauses inside them, and bytes they allocated.</summary>
internal sealed class CallbackCosts
{
    private long _ticks;
    private long _pauseTicks;
    private long _bytes;
    private long _calls;

    public string Name { get; }

    public CallbackCosts(string name) => Name = name;

    public double Milliseconds => _ticks * 1000.0 / Stopwatch.Frequency;

    public double GcPauseMilliseconds => TimeSpan.FromTicks(_pauseTicks).TotalMilliseconds;

    public long Bytes => _bytes;

    public long Calls => _calls;

    public void Reset()
    {
        _ticks = _pauseTicks = _bytes = _calls = 0;
    }

    public void Measure<T>(Action<T> action, T argument)
    {
        var pause = GC.GetTotalPauseDuration();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
            Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - bytes);
            Interlocked.Add(ref _pauseTicks, (GC.GetTotalPauseDuration() - pause).Ticks);
            Interlocked.Increment(ref _calls);
        }
    }
}

/// <summary>
/// Passes an analyzer's registrations through, timing each callback with <see cref="CallbackCosts"/>. Only the
/// registrations GreedyTasks uses are measured (compilation start, operation and compilation end actions); any other
/// registration throws, so a new one cannot go unmeasured silently.
/// </summary>
internal sealed class MeasuredAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;

    public MeasuredAnalyzer(DiagnosticAnalyzer inner)
    {
        _inner = inner;
        Costs = new CallbackCosts(inner.GetType().Name);
    }

    public CallbackCosts Costs { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context, Costs));

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _context;
        private readonly CallbackCosts _costs;

        public Context(AnalysisContext context, CallbackCosts costs)
        {
            _context = context;
            _costs = costs;
        }

        public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _context.RegisterCompilationStartAction(start => _costs.Measure(a => action(new StartContext(a, _costs)), start));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationAction(c => _costs.Measure(action, c));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
    }

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

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
    }
}

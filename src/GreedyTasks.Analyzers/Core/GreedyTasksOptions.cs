using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The one options reader every rule uses, created once per compilation by <see cref="GreedyTasksAnalyzer"/>: the
/// per-tree .editorconfig / .globalconfig values (<c>greedy_tasks.loop_iteration_threshold</c>,
/// <c>greedy_tasks.task_returning_methods</c>, <c>greedy_tasks.excluded_methods</c>) and the
/// <c>GreedyTasks.ExcludedMethods.txt</c> AdditionalFiles, read once per compilation and only when a rule first
/// needs them. Invalid values fall back to the defaults here and are reported by GT0100, never thrown.
/// </summary>
/// <remarks>
/// Thread-safe: the only mutable state is the per-tree cache, a <see cref="ConcurrentDictionary{TKey, TValue}"/>
/// that lives as long as the compilation's analysis, and the lazily built exclusion list.
/// </remarks>
internal sealed class GreedyTasksOptions
{
    private readonly AnalyzerOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly ConcurrentDictionary<SyntaxTree, TreeOptions> _byTree = new();
    private ExclusionSettings? _exclusions;

    public GreedyTasksOptions(WellKnownSymbols symbols, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        Symbols = symbols;
        _options = options;
        _cancellationToken = cancellationToken;
    }

    public WellKnownSymbols Symbols { get; }

    /// <summary>The scalar options for <paramref name="tree"/>, parsed once per tree.</summary>
    public TreeOptions For(SyntaxTree tree)
    {
        return _byTree.TryGetValue(tree, out var cached) ? cached : _byTree.GetOrAdd(tree, Read(_options.AnalyzerConfigOptionsProvider.GetOptions(tree)));
    }

    /// <summary>The methods and types never reported in <paramref name="tree"/>: the defaults, the AdditionalFiles and the tree's <c>greedy_tasks.excluded_methods</c>.</summary>
    public MethodExclusions ExclusionsFor(SyntaxTree tree)
    {
        var exclusions = Volatile.Read(ref _exclusions);
        if (exclusions is null)
        {
            // Two threads may both read the files; one result wins, and both are equal.
            Interlocked.CompareExchange(ref _exclusions, new ExclusionSettings(_options, _cancellationToken), null);
            exclusions = _exclusions!;
        }

        return exclusions.For(tree);
    }

    /// <summary>
    /// True when <paramref name="function"/>, which is not <c>async</c>, counts as async code because
    /// <c>greedy_tasks.task_returning_methods</c> is on: an ordinary method, local function, lambda or anonymous method
    /// that returns <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>. Accessors,
    /// operators and constructors cannot become <c>async</c>, so they never count.
    /// </summary>
    public bool IsTaskReturningFunction(IMethodSymbol function, SyntaxTree tree)
    {
        return function.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.ExplicitInterfaceImplementation
            && !function.ReturnsVoid
            && !function.ReturnsByRef
            && !function.ReturnsByRefReadonly
            && Symbols.IsTaskOrValueTask(function.ReturnType)
            && For(tree).TaskReturningMethods;
    }

    private static TreeOptions Read(AnalyzerConfigOptions options)
    {
        var threshold = options.TryGetValue(OptionKeys.LoopIterationThreshold, out var thresholdValue) && OptionValues.TryParseThreshold(thresholdValue, out var parsedThreshold)
            ? parsedThreshold
            : OptionKeys.DefaultLoopIterationThreshold;
        var taskReturning = OptionValues.ReadBoolean(options, OptionKeys.TaskReturningMethods, OptionKeys.DefaultTaskReturningMethods);
        return threshold == OptionKeys.DefaultLoopIterationThreshold && taskReturning == OptionKeys.DefaultTaskReturningMethods
            ? TreeOptions.Default
            : new TreeOptions(threshold, taskReturning);
    }
}

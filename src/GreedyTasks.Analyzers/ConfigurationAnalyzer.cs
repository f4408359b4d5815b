using System.Collections.Generic;
using System.Collections.Immutable;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Analyzers;

/// <summary>
/// GT0100: reports, once per compilation, GreedyTasks configuration that cannot be read: malformed entries in
/// <c>greedy_tasks.excluded_methods</c> (.editorconfig / .globalconfig) and in <c>GreedyTasks.ExcludedMethods.txt</c>
/// files, a <c>greedy_tasks.loop_iteration_threshold</c> that is not a positive whole number, and a
/// <c>greedy_tasks.task_returning_methods</c> or <c>greedy_tasks.suppress_duplicate_peer_diagnostics</c> that is not
/// <c>true</c> or <c>false</c>. Each message names the key, the value
/// and where it was set. The rules read the same values through <see cref="Core.GreedyTasksOptions"/>, which skips
/// such entries and uses the defaults, so bad configuration never throws.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidConfiguration);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(ReportInvalidConfiguration);
    }

    private static void ReportInvalidConfiguration(CompilationAnalysisContext context)
    {
        foreach (var file in context.Options.AdditionalFiles)
        {
            if (ExclusionSettings.IsExclusionFile(file) && file.GetText(context.CancellationToken) is { } text)
            {
                ReportMalformedLines(context, file.Path, text);
            }
        }

        // The same value usually applies to every tree: report each bad entry once.
        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        ReportMalformedOptionValue(context, provider.GlobalOptions, provider.GlobalOptions, tree: null, reported);
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            ReportMalformedOptionValue(context, provider.GetOptions(tree), provider.GlobalOptions, tree, reported);
        }
    }

    private static void ReportMalformedLines(CompilationAnalysisContext context, string path, SourceText text)
    {
        foreach (var line in text.Lines)
        {
            var entry = line.ToString().Trim();
            if (entry.Length == 0 || entry[0] == '#' || MethodExclusions.IsWellFormed(entry))
            {
                continue;
            }

            var location = Location.Create(path, line.Span, text.Lines.GetLinePositionSpan(line.Span));
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.InvalidConfiguration,
                location,
                $"'{entry}' in {System.IO.Path.GetFileName(path)} is not a documentation comment ID such as 'T:Namespace.Type' or 'M:Namespace.Type.Method'; it is ignored"));
        }
    }

    private static void ReportMalformedOptionValue(CompilationAnalysisContext context, AnalyzerConfigOptions options, AnalyzerConfigOptions globalOptions, SyntaxTree? tree, HashSet<string> reported)
    {
        if (options.TryGetValue(OptionKeys.LoopIterationThreshold, out var threshold) && !OptionValues.TryParseThreshold(threshold, out _)
            && reported.Add(OptionKeys.LoopIterationThreshold + "=" + threshold))
        {
            Report(context, $"'{threshold}' is not a valid {OptionKeys.LoopIterationThreshold} (a positive whole number) in {SourceOf(OptionKeys.LoopIterationThreshold, threshold, globalOptions, tree)}; the default {OptionKeys.DefaultLoopIterationThreshold} is used");
        }

        ReportMalformedBoolean(context, options, globalOptions, tree, reported, OptionKeys.TaskReturningMethods, OptionKeys.DefaultTaskReturningMethods);
        ReportMalformedBoolean(context, options, globalOptions, tree, reported, OptionKeys.SuppressDuplicatePeerDiagnostics, OptionKeys.DefaultSuppressDuplicatePeerDiagnostics);

        if (!options.TryGetValue(OptionKeys.ExcludedMethods, out var value))
        {
            return;
        }

        foreach (var entry in MethodExclusions.Split(value, '|'))
        {
            if (!MethodExclusions.IsWellFormed(entry) && reported.Add(entry))
            {
                Report(context, $"'{entry}' in {OptionKeys.ExcludedMethods} ({SourceOf(OptionKeys.ExcludedMethods, value, globalOptions, tree)}) is not a documentation comment ID such as 'T:Namespace.Type' or 'M:Namespace.Type.Method'; it is ignored");
            }
        }
    }

    /// <summary>A switch that is neither true nor false; an empty value is the same as no value and is not reported.</summary>
    private static void ReportMalformedBoolean(CompilationAnalysisContext context, AnalyzerConfigOptions options, AnalyzerConfigOptions globalOptions, SyntaxTree? tree, HashSet<string> reported, string key, bool defaultValue)
    {
        if (options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) && !OptionValues.TryParseBoolean(value, out _)
            && reported.Add(key + "=" + value))
        {
            Report(context, $"'{value}' is not a valid {key} (true or false) in {SourceOf(key, value, globalOptions, tree)}; the default {(defaultValue ? "true" : "false")} is used");
        }
    }

    /// <summary>
    /// Where a value comes from, as precisely as the compiler tells: it does not say which .editorconfig file set a
    /// value, so an .editorconfig value is named by the first source file it applies to.
    /// </summary>
    private static string SourceOf(string key, string value, AnalyzerConfigOptions globalOptions, SyntaxTree? tree)
    {
        if (tree is null || (globalOptions.TryGetValue(key, out var globalValue) && globalValue == value))
        {
            return "a .globalconfig";
        }

        var path = tree.FilePath;
        return string.IsNullOrEmpty(path) ? "an .editorconfig" : $"the .editorconfig for '{System.IO.Path.GetFileName(path)}'";
    }

    private static void Report(CompilationAnalysisContext context, string message)
    {
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidConfiguration, Location.None, message));
    }
}

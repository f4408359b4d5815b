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
/// files, and a <c>greedy_tasks.loop_iteration_threshold</c> that is not a positive whole number. The rules themselves skip such entries and use their defaults, so bad configuration never throws.
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
        ReportMalformedOptionValue(context, provider.GlobalOptions, reported);
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            ReportMalformedOptionValue(context, provider.GetOptions(tree), reported);
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

    private static void ReportMalformedOptionValue(CompilationAnalysisContext context, AnalyzerConfigOptions options, HashSet<string> reported)
    {
        if (options.TryGetValue(OptionKeys.LoopIterationThreshold, out var threshold) && !LoopOptions.TryParseThreshold(threshold, out _)
            && reported.Add(OptionKeys.LoopIterationThreshold + "=" + threshold))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.InvalidConfiguration,
                Location.None,
                $"'{threshold}' is not a valid {OptionKeys.LoopIterationThreshold} (a positive whole number); the default {OptionKeys.DefaultLoopIterationThreshold} is used"));
        }

        if (!options.TryGetValue(OptionKeys.ExcludedMethods, out var value))
        {
            return;
        }

        foreach (var entry in MethodExclusions.Split(value, '|'))
        {
            if (!MethodExclusions.IsWellFormed(entry) && reported.Add(entry))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.InvalidConfiguration,
                    Location.None,
                    $"'{entry}' in {OptionKeys.ExcludedMethods} is not a documentation comment ID such as 'T:Namespace.Type' or 'M:Namespace.Type.Method'; it is ignored"));
            }
        }
    }
}

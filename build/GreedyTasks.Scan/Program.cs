using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Scan;

/// <summary>
/// Runs every GreedyTasks analyzer over folders of real C# code, to calibrate the rules' precision on code
/// nobody here wrote. See README.md in this folder.
/// </summary>
internal static class Program
{
    private const int ExitOk = 0;
    private const int ExitNoReferences = 1;
    private const int ExitBadArguments = 2;
    private const int ExitAnalyzerThrew = 3;
    private const int ExitFixAddedErrors = 4;

    /// <summary>
    /// The symbols of a Release build for net8.0, the oldest current .NET most libraries still target:
    /// NET, NETCOREAPP, RELEASE and the *_OR_GREATER symbols up to NET8_0_OR_GREATER.
    /// </summary>
    private static readonly string[] PreprocessorSymbols =
    {
        "NET", "NETCOREAPP", "RELEASE",
        "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
        "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
        "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER",
    };

    public static async Task<int> Main(string[] args)
    {
        if (!ScanOptions.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine($"error: {error}");
            Console.Error.WriteLine();
            Console.Error.WriteLine(ScanOptions.Usage);
            return ExitBadArguments;
        }

        if (options.Help)
        {
            Console.WriteLine(ScanOptions.Usage);
            return ExitOk;
        }

        var analyzers = LoadAnalyzers();
        var descriptors = analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var ruleIds = descriptors.Select(d => d.Id).ToList();
        var unknown = options.Ids.Where(id => !ruleIds.Contains(id, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"error: unknown rule {string.Join(", ", unknown)}; the analyzers report {string.Join(", ", ruleIds)}");
            return ExitBadArguments;
        }

        if (!TryGetSeverities(options, descriptors, out var severities, out error))
        {
            Console.Error.WriteLine($"error: {error}");
            return ExitBadArguments;
        }

        var dotnetRoot = ReferencePacks.FindDotnetRoot();
        var packs = ReferencePacks.Find(dotnetRoot);
        if (packs.Count == 0 || packs[0].Name != "Microsoft.NETCore.App.Ref")
        {
            Console.Error.WriteLine($"error: no packs/Microsoft.NETCore.App.Ref/<version>/ref/net*/ under the dotnet root {dotnetRoot} (set DOTNET_ROOT)");
            return ExitNoReferences;
        }

        var references = packs.SelectMany(p => p.Assemblies).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
        var symbols = PreprocessorSymbols.Concat(options.Defines).Distinct(StringComparer.Ordinal).ToArray();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Parse, SourceCodeKind.Regular, symbols);
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(options.EditorConfig));
        var failures = new ConcurrentQueue<AnalyzerFailure>();
        var scanner = new FolderScanner(parseOptions, references, analyzers, severities, analyzerOptions, options.ImplicitUsings, failures);

        var fixChecker = options.CheckFixes
            ? new FixChecker(analyzers, LoadCodeFixProviders(), analyzerOptions, options.Ids.Count > 0 ? options.Ids : ruleIds.ToHashSet(StringComparer.Ordinal))
            : null;
        var total = Stopwatch.StartNew();
        var results = new List<FolderResult>();
        var fixResults = new List<FixCheckResult>();
        foreach (var folder in options.Folders)
        {
            var result = await scanner.ScanAsync(folder, Console.Error, CancellationToken.None).ConfigureAwait(false);
            results.Add(result);
            if (fixChecker is not null)
            {
                Console.Error.WriteLine($"[{folder}] checking the fixes of {string.Join(", ", fixChecker.FixableIds)}...");
                var watch = Stopwatch.StartNew();
                var fixResult = await fixChecker.CheckAsync(result, result.Compilation!, Console.Error, CancellationToken.None).ConfigureAwait(false);
                fixResult.Time = watch.Elapsed;
                fixResults.Add(fixResult);
            }

            // Free the bound compilation before the next folder.
            result.Compilation = null;
        }

        total.Stop();

        var header = new List<string>
        {
            "command: GreedyTasks.Scan " + string.Join(" ", args.Select(QuoteIfNeeded)),
            "analyzers: " + string.Join(", ", analyzers.Select(a => $"{a.GetType().Name} ({string.Join(", ", a.SupportedDiagnostics.Select(d => d.Id))})"))
                + $" from {Version(typeof(GreedyTasks.Analyzers.DiagnosticIds).Assembly)}",
            $"host: {Version(typeof(CSharpCompilation).Assembly)}, LanguageVersion.Preview, one compilation per folder (library, unsafe allowed, nullable enabled)",
            "preprocessor symbols: " + string.Join(" ", symbols),
        };
        header.AddRange(packs.Select(p => $"references: {p.Name} {p.Version} ({p.Assemblies.Count} assemblies in {p.Folder})"));
        header.Add("analyzer options: " + (options.EditorConfig.Count == 0 ? "(none)" : string.Join(", ", options.EditorConfig.Select(kv => $"{kv.Key} = {kv.Value}"))));
        header.Add($"total time: {total.Elapsed.TotalSeconds:0.0} s");

        var settings = new ReportSettings(header, ruleIds, options.Ids, options.Context, options.NoList, options.Sample, options.Seed);
        var report = new Report(settings, results, failures.ToList(), options.CheckFixes ? fixResults : null);
        report.Write(Console.Out, markdown: false);
        if (options.OutPath is not null)
        {
            using var file = new StreamWriter(options.OutPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            report.Write(file, markdown: true);
            Console.Error.WriteLine($"Markdown report written to {Path.GetFullPath(options.OutPath)}");
        }

        var threw = !failures.IsEmpty || results.Any(r => r.OtherAnalyzerDiagnostics.Count > 0);
        if (threw)
        {
            Console.Error.WriteLine("An analyzer threw an exception: see 'Analyzer exceptions' in the report.");
        }

        var fixAddedErrors = fixResults.Any(r => r.Rules.Values.Any(c => c.ActionsWithErrors > 0 || c.FixAllWithErrors > 0));
        if (fixAddedErrors)
        {
            Console.Error.WriteLine("A code fix added a compiler error: see 'Fix check' in the report.");
        }

        return threw ? ExitAnalyzerThrew : fixAddedErrors ? ExitFixAddedErrors : ExitOk;
    }

    /// <summary>Every non-abstract <see cref="CodeFixProvider"/> in the GreedyTasks.CodeFixes assembly, by type name.</summary>
    private static ImmutableArray<CodeFixProvider> LoadCodeFixProviders() => CreateAll<CodeFixProvider>(typeof(GreedyTasks.CodeFixes.GreedyTasksCodeFixProvider).Assembly);

    /// <summary>Every non-abstract <see cref="DiagnosticAnalyzer"/> in the GreedyTasks.Analyzers assembly, by type name.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers() => CreateAll<DiagnosticAnalyzer>(typeof(GreedyTasks.Analyzers.DiagnosticIds).Assembly);

    /// <summary>An instance of every non-abstract <typeparamref name="T"/> in <paramref name="assembly"/>, ordered by type name, so a new rule or fix is picked up without touching the tool.</summary>
    private static ImmutableArray<T> CreateAll<T>(Assembly assembly)
        where T : class
    {
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    /// <summary>
    /// Rule severities for the compilation: rules that are off by default are turned on as warnings (a calibration
    /// run wants to see them), and <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> options apply as in .editorconfig.
    /// </summary>
    private static bool TryGetSeverities(ScanOptions options, IReadOnlyList<DiagnosticDescriptor> descriptors, out ImmutableDictionary<string, ReportDiagnostic> severities, out string? error)
    {
        error = null;
        var builder = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in descriptors.Where(d => !d.IsEnabledByDefault))
        {
            builder[descriptor.Id] = ReportDiagnostic.Warn;
        }

        foreach (var (key, value) in options.EditorConfig)
        {
            var parts = key.Split('.');
            if (parts.Length != 3 || !parts[0].Equals("dotnet_diagnostic", StringComparison.OrdinalIgnoreCase) || !parts[2].Equals("severity", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            ReportDiagnostic? severity = value.ToLowerInvariant() switch
            {
                "none" => ReportDiagnostic.Suppress,
                "silent" or "refactoring" => ReportDiagnostic.Hidden,
                "suggestion" => ReportDiagnostic.Info,
                "warning" => ReportDiagnostic.Warn,
                "error" => ReportDiagnostic.Error,
                "default" => ReportDiagnostic.Default,
                _ => null,
            };
            if (severity is null)
            {
                error = $"{key} expects none, silent, suggestion, warning, error or default, not '{value}'";
                severities = ImmutableDictionary<string, ReportDiagnostic>.Empty;
                return false;
            }

            builder[parts[1].ToUpperInvariant()] = severity.Value;
        }

        severities = builder.ToImmutable();
        return true;
    }

    private static string Version(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? assembly.GetName().Version?.ToString() ?? "?";
        var plus = version.IndexOf('+');
        return $"{assembly.GetName().Name} {(plus < 0 ? version : version[..plus])}";
    }

    private static string QuoteIfNeeded(string arg) => arg.Length > 0 && arg.All(c => !char.IsWhiteSpace(c) && c != '"' && c != '\'') ? arg : $"'{arg}'";
}

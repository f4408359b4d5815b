using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GreedyTasks.Scan;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Benchmarks;

/// <summary>A corpus: parsed trees plus what is known about it.</summary>
internal sealed record Corpus(string Name, IReadOnlyList<SyntaxTree> Trees, int Lines, string Description);

/// <summary>Median results of one analyzer set on one corpus.</summary>
internal sealed record SetResult(
    AnalyzerSet Set,
    double WallMs,
    double AnalyzerMs,
    long AllocatedBytes,
    int Diagnostics,
    IReadOnlyDictionary<string, int> DiagnosticsById,
    IReadOnlyList<(string Analyzer, double Ms)> PerAnalyzerMs,
    int Exceptions)
{
    public double GcPauseMs { get; init; }
}

internal sealed record CorpusResult(Corpus Corpus, int CompilerErrors, IReadOnlyList<SetResult> Sets, int Runs);

/// <summary>IDE latency of one set; <see cref="IsPeer"/> is false for the compiler, GreedyTasks and its variants.</summary>
internal sealed record IdeResult(string Set, double MedianMs, double P95Ms, int Diagnostics, bool IsPeer)
{
    /// <summary>Median MB allocated during one run.</summary>
    public double AllocatedMb { get; init; }

    /// <summary>
    /// GreedyTasks' time minus this set's, taken run by run within a round (both ran on the same machine state), as the
    /// median and a 95% confidence interval of that median; null for GreedyTasks and the compiler.
    /// </summary>
    public (double Median, double Low, double High)? GreedyTasksMinusSet { get; init; }

    /// <summary>
    /// GreedyTasks' p95 minus this set's, with a 95% interval from a paired bootstrap over rounds (<see cref="P95Difference"/>);
    /// null for GreedyTasks and the compiler.
    /// </summary>
    public (double Difference, double Low, double High)? GreedyTasksMinusSetP95 { get; init; }
}

internal static class Program
{
    private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Preview)
        .WithPreprocessorSymbols("NET", "NETCOREAPP", "RELEASE", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER");

    private static ImmutableArray<MetadataReference> references;
    private static bool concurrent;

    /// <summary>See <see cref="CreateAssemblySymbol"/>; --cold-symbols leaves that work to the first analyzer that asks, as before 2026-12-07.</summary>
    private static bool coldSymbols;

    internal static bool ColdSymbols => coldSymbols;
    private static readonly ConcurrentQueue<string> AnalyzerExceptions = new();

    public static async Task<int> Main(string[] args)
    {
        var lines = new List<int>();
        var folders = new List<string>();
        var runs = -1;
        var ideRuns = 20;
        var seed = 20251125;
        var smoke = false;
        var warmup = true;
        var ide = true;
        var measureCallbacks = false;
        var ideOnly = false;
        var generatedCodeNone = false;
        var composite = false;
        var floors = false;
        var ideSdkRules = false;
        string? output = null;
        string? emit = null;
        HashSet<string>? onlySets = null;
        HashSet<string>? greedyTasksAnalyzers = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--lines": lines.AddRange(Next().Split(',').Select(s => ParseSize(s))); break;
                case "--folder": folders.Add(Next()); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--ide-runs": ideRuns = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": output = Next(); break;
                case "--emit": emit = Next(); break;
                case "--sets": onlySets = new HashSet<string>(Next().Split(','), StringComparer.OrdinalIgnoreCase); break;
                case "--gt-analyzers": greedyTasksAnalyzers = new HashSet<string>(Next().Split(','), StringComparer.Ordinal); break;
                case "--no-warmup": warmup = false; break;
                case "--no-ide": ide = false; break;
                case "--gt-callback-costs": measureCallbacks = true; break;
                case "--ide-only": ideOnly = true; break;
                case "--gt-generated-code-none": generatedCodeNone = true; break;
                case "--gt-composite": composite = true; break;
                case "--floors": floors = true; break;
                case "--ide-sdk-rules": ideSdkRules = true; break;
                case "--concurrent": concurrent = true; break;
                case "--cold-symbols": coldSymbols = true; break;
                case "--smoke": smoke = true; break;
                case "-h":
                case "--help":
                    Console.WriteLine("usage: dotnet run --project build/GreedyTasks.Benchmarks -c Release -- [--lines 10k,100k,1m] [--folder <path>]... [--runs N] [--ide-runs N] [--seed N] [--sets compiler,GreedyTasks,vs-threading,...] [--gt-analyzers BlockingWaitAnalyzer,...] [--gt-callback-costs] [--gt-generated-code-none] [--gt-composite] [--floors] [--ide-sdk-rules] [--no-warmup] [--no-ide] [--ide-only] [--concurrent] [--cold-symbols] [--emit <dir>] [--out <file.md>] [--smoke]");
                    return 0;
                default:
                    Console.Error.WriteLine($"error: unknown argument {args[i]} (try --help)");
                    return 2;
            }
        }

        if (smoke)
        {
            if (lines.Count == 0 && folders.Count == 0)
            {
                lines.Add(2000);
            }

            runs = runs < 0 ? 1 : runs;
            ideRuns = Math.Min(ideRuns, 2);
            warmup = false;
            output ??= "artifacts/benchmark-smoke.md";
        }

        if (lines.Count == 0 && folders.Count == 0)
        {
            lines.AddRange(new[] { 10_000, 100_000 });
        }

        output ??= "artifacts/benchmark.md";

        // No GCSettings.LatencyMode here: the garbage collector runs as the compiler runs it (see the project file).

        var packs = ReferencePacks.Find(ReferencePacks.FindDotnetRoot());
        if (packs.Count == 0 || packs[0].Name != "Microsoft.NETCore.App.Ref")
        {
            Console.Error.WriteLine("error: no packs/Microsoft.NETCore.App.Ref under the dotnet root (set DOTNET_ROOT)");
            return 1;
        }

        var pack = packs[0];
        references = pack.Assemblies.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();

        var problems = new List<string>();
        var greedyTasksSet = AnalyzerSets.GreedyTasks(greedyTasksAnalyzers, measureCallbacks);
        var sets = new List<AnalyzerSet> { AnalyzerSets.CompilerFloor(), greedyTasksSet };
        if (generatedCodeNone)
        {
            sets.Add(AnalyzerSets.GreedyTasksWithGeneratedCodeNone(greedyTasksAnalyzers));
        }

        if (composite)
        {
            sets.Add(AnalyzerSets.GreedyTasksAsOneAnalyzer(greedyTasksAnalyzers));
        }

        if (floors)
        {
            sets.AddRange(AnalyzerSets.DriverFloors());
        }

        sets.AddRange(AnalyzerSets.LoadPeers(problems));
        if (onlySets is not null)
        {
            sets = sets.Where(s => s.IsCompilerFloor || s.IsGreedyTasks || s.IsVariant || onlySets.Contains(s.Name)).ToList();
        }

        var ideHost = ideSdkRules ? AnalyzerSets.SdkDefaultRules(problems) : null;
        foreach (var p in problems)
        {
            Console.Error.WriteLine($"peer problem: {p}");
        }

        var log = Console.Error;
        log.WriteLine($"host Roslyn {typeof(Compilation).Assembly.GetName().Version}, references {pack.Name} {pack.Version} ({pack.Folder}), {Environment.ProcessorCount} cores, concurrent={concurrent}");
        foreach (var s in sets.Where(s => !s.IsCompilerFloor))
        {
            log.WriteLine($"set {s.Name}: {s.Package}; {s.Analyzers.Length} analyzers; rules {string.Join(",", s.RuleIds)}; {s.Severities.Count(kv => kv.Value == ReportDiagnostic.Suppress)} other rules suppressed");
        }

        if (ideHost is not null)
        {
            log.WriteLine($"IDE host {ideHost.Name}: {ideHost.Package}; {ideHost.Analyzers.Length} analyzers, every rule at its default; each IDE set runs next to them; left out: {string.Join("; ", ideHost.LeftOut)}");
        }

        var corpora = new List<Func<Corpus>>();
        foreach (var n in lines)
        {
            corpora.Add(() => Generate(n, seed, emit));
        }

        foreach (var folder in folders)
        {
            corpora.Add(() => ReadFolder(folder));
        }

        var total = Stopwatch.StartNew();
        var results = new List<CorpusResult>();
        IdeResult[]? ideResults = null;
        string? ideDescription = null;
        var ideTargetLines = lines.Count > 0 ? lines.OrderBy(n => Math.Abs(n - 100_000)).First() : -1;
        foreach (var make in corpora)
        {
            var corpus = make();
            log.WriteLine($"corpus {corpus.Name}: {corpus.Description}");
            if (!ideOnly)
            {
                var corpusRuns = runs > 0 ? runs : corpus.Lines >= 500_000 ? 2 : corpus.Lines >= LargeCorpusLines ? 3 : 5;
                // A warm-up round on a corpus of 200k lines or more would double a run of many minutes; its purpose (JIT,
                // caches of the reference assemblies' metadata) is served as well by a small generated corpus.
                var warmupCorpus = !warmup ? null : corpus.Lines >= LargeCorpusLines ? Generate(SmallWarmupLines, seed, emit: null) : corpus;
                results.Add(await MeasureCorpusAsync(corpus, sets, corpusRuns, warmupCorpus, log));
            }

            if (ide && ideResults is null && (ideTargetLines < 0 || corpus.Lines >= ideTargetLines))
            {
                (ideResults, ideDescription) = await MeasureIdeAsync(corpus, sets, ideHost, ideRuns, log);
            }

            GC.Collect();
        }

        var markdown = Report.Render(results, ideResults, ideDescription, problems, pack, concurrent, seed, total.Elapsed, out var summary);
        Console.WriteLine(markdown);
        var outPath = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        File.WriteAllText(outPath, markdown);
        log.WriteLine($"written {outPath} in {total.Elapsed.TotalSeconds:0} s");
        Console.WriteLine(summary);

        var misconfigured = results.SelectMany(r => r.Sets).Where(s => !s.Set.IsCompilerFloor && !s.Set.IsDriverFloor && s.Diagnostics == 0).Select(s => s.Set.Name).Distinct().ToList();
        if (misconfigured.Count > 0)
        {
            log.WriteLine($"warning: sets with 0 diagnostics on some corpus: {string.Join(", ", misconfigured)}");
        }

        if (!AnalyzerExceptions.IsEmpty)
        {
            log.WriteLine($"warning: {AnalyzerExceptions.Count} analyzer exceptions, first: {AnalyzerExceptions.First()}");
        }

        // The benchmark fails only if GreedyTasks did not run or threw; timings are never asserted.
        var gt = results.SelectMany(r => r.Sets).Where(s => s.Set.IsGreedyTasks).ToList();
        var ran = gt.Count > 0 || (ideOnly && ideResults is not null);
        return !ran || gt.Any(s => s.Exceptions > 0) || !AnalyzerExceptions.IsEmpty ? 3 : 0;
    }

    private static int ParseSize(string text)
    {
        text = text.Trim().ToLowerInvariant().Replace("_", string.Empty);
        var factor = text.EndsWith('k') ? 1_000 : text.EndsWith('m') ? 1_000_000 : 1;
        var digits = factor == 1 ? text : text[..^1];
        return (int)(double.Parse(digits, CultureInfo.InvariantCulture) * factor);
    }

    private static Corpus Generate(int lines, int seed, string? emit)
    {
        var generator = new CorpusGenerator(seed);
        var files = generator.Generate(lines);
        if (emit is not null)
        {
            var root = Path.Combine(emit, $"generated-{lines}");
            foreach (var f in files)
            {
                var path = Path.Combine(root, f.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, f.Text);
            }
        }

        var trees = new SyntaxTree[files.Count];
        Parallel.For(0, files.Count, i => trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(files[i].Text, Encoding.UTF8), ParseOptions, "/corpus/" + files[i].Path));
        var total = files.Sum(f => f.Lines);
        var greedy = string.Join(", ", generator.GreedyCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value} {kv.Key}"));
        var greedyTotal = generator.GreedyCounts.Values.Sum();
        var description = $"generated, seed {seed}: {files.Count:N0} files, {total:N0} lines, {generator.Methods:N0} generated methods, {greedyTotal} greedy patterns ({100.0 * greedyTotal / Math.Max(1, generator.Methods):0.0}% of methods: {greedy})";
        return new Corpus(FormatLines(lines), trees, total, description);
    }

    private static Corpus ReadFolder(string folder)
    {
        var root = Path.GetFullPath(folder);
        var skip = new[] { "/bin/", "/obj/", "/.git/" };
        var paths = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !skip.Any(s => p.Replace('\\', '/').Contains(s, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();
        var trees = new SyntaxTree[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            using var stream = File.OpenRead(paths[i]);
            trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(stream, null, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false), ParseOptions, paths[i]);
        });
        var usings = "global using global::System;\nglobal using global::System.Collections.Generic;\nglobal using global::System.IO;\nglobal using global::System.Linq;\nglobal using global::System.Net.Http;\nglobal using global::System.Threading;\nglobal using global::System.Threading.Tasks;\n";
        var all = trees.Append(CSharpSyntaxTree.ParseText(usings, ParseOptions, Path.Combine(root, "obj", "Benchmark.GlobalUsings.g.cs"))).ToList();
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        return new Corpus(folder, all, lines, $"folder {root}: {paths.Length:N0} files, {lines:N0} lines (SDK implicit usings added)");
    }

    internal static string FormatLines(int lines) => lines >= 1_000_000 && lines % 1_000_000 == 0 ? $"{lines / 1_000_000}M lines" : lines >= 1000 && lines % 1000 == 0 ? $"{lines / 1000}k lines" : $"{lines} lines";

    private static CSharpCompilation CreateCompilation(Corpus corpus, AnalyzerSet set) => CreateCompilation(corpus, set.Severities);

    /// <summary>The severities of all <paramref name="sets"/> in one map (each package's IDs are its own).</summary>
    private static ImmutableDictionary<string, ReportDiagnostic> MergedSeverities(IEnumerable<AnalyzerSet> sets)
    {
        var merged = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>();
        foreach (var (id, severity) in sets.SelectMany(s => s.Severities))
        {
            merged[id] = severity;
        }

        return merged.ToImmutable();
    }

    private static CSharpCompilation CreateCompilation(Corpus corpus, ImmutableDictionary<string, ReportDiagnostic> severities) =>
        CSharpCompilation.Create(
            "BenchCorpus",
            corpus.Trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: concurrent,
                specificDiagnosticOptions: severities));

    private static CompilationWithAnalyzersOptions AnalyzerOptions() => new(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
        onAnalyzerException: (ex, analyzer, _) => AnalyzerExceptions.Enqueue($"{analyzer.GetType().FullName}: {ex.GetType().Name}: {ex.Message}"),
        concurrentAnalysis: concurrent,
        logAnalyzerExecutionTime: true,
        reportSuppressedDiagnostics: false);

    private sealed record Run(double WallMs, double AnalyzerMs, long Allocated, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<(string, double)> PerAnalyzer, int Exceptions)
    {
        public double GcPauseMs { get; init; }

        public int Gen2 { get; init; }
    }

    /// <summary>
    /// The first symbol questions asked of a new compilation bind its references, create its assembly symbol and merge
    /// the declarations of every tree into its global namespace: compiler work done once, whoever asks. Left to the
    /// analyzers, it lands in the telemetry of whichever compilation-start action asks first (a GreedyTasks rule in
    /// GreedyTasks' run, CA1849 in NetAnalyzers' run): about 2 ms per set on Polly.Core and 7-9 ms on
    /// StackExchange.Redis. It is done here, inside the timed wall clock (the compiler floor's GetDiagnostics pays it
    /// too) but before the analyzers start, for every set alike.
    /// </summary>
    private static void CreateAssemblySymbol(Compilation compilation)
    {
        _ = compilation.Assembly.GlobalNamespace;
        _ = compilation.GetSpecialType(SpecialType.System_Object);
    }

    /// <summary>
    /// One full analysis from a fresh compilation (nothing bound yet): the compiler floor is compilation.GetDiagnostics();
    /// an analyzer set is CompilationWithAnalyzers.GetAnalyzerDiagnosticsAsync(), which binds the whole compilation too.
    /// </summary>
    private static async Task<Run> RunOnceAsync(Corpus corpus, AnalyzerSet set)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen2Before = GC.CollectionCount(2);
        var run = await RunCoreAsync(corpus, set, allocatedBefore).ConfigureAwait(false);
        return run with { GcPauseMs = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds, Gen2 = GC.CollectionCount(2) - gen2Before };
    }

    private static async Task<Run> RunCoreAsync(Corpus corpus, AnalyzerSet set, long allocatedBefore)
    {
        var exceptionsBefore = AnalyzerExceptions.Count;
        var watch = Stopwatch.StartNew();
        var compilation = CreateCompilation(corpus, set);
        if (set.IsCompilerFloor)
        {
            var diagnostics = compilation.GetDiagnostics();
            watch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            return new Run(watch.Elapsed.TotalMilliseconds, 0, allocated, diagnostics, Array.Empty<(string, double)>(), 0);
        }

        var withAnalyzers = compilation.WithAnalyzers(set.Analyzers, AnalyzerOptions());
        if (!coldSymbols)
        {
            // The compilation the analyzers see: WithAnalyzers works on a copy of the one it is given (with an event
            // queue), which shares the bound references but creates its own assembly symbol.
            CreateAssemblySymbol(withAnalyzers.Compilation);
        }

        var analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        watch.Stop();
        var allocatedAfter = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var perAnalyzer = new List<(string, double)>();
        foreach (var analyzer in set.Analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            perAnalyzer.Add((AnalyzerSet.AnalyzerName(analyzer), telemetry.ExecutionTime.TotalMilliseconds));
        }

        foreach (var c in set.Analyzers.OfType<AnalyzerWrapper>().Select(w => w.Costs).OfType<CallbackCosts>())
        {
            Console.Error.WriteLine($"    callbacks {c.Name}: {c.Calls} calls, {c.Milliseconds:0.0} ms, of which GC pauses {c.GcPauseMilliseconds:0.0} ms, {c.Bytes / 1024.0 / 1024.0:0.00} MB allocated");
            c.Reset();
        }

        return new Run(watch.Elapsed.TotalMilliseconds, perAnalyzer.Sum(p => p.Item2), allocatedAfter, analyzerDiagnostics, perAnalyzer, AnalyzerExceptions.Count - exceptionsBefore);
    }

    /// <summary>From this size on, the warm-up runs on a generated corpus of <see cref="SmallWarmupLines"/> instead of the corpus itself.</summary>
    private const int LargeCorpusLines = 200_000;

    private const int SmallWarmupLines = 10_000;

    private static async Task<CorpusResult> MeasureCorpusAsync(Corpus corpus, IReadOnlyList<AnalyzerSet> sets, int runs, Corpus? warmupCorpus, TextWriter log)
    {
        var errors = CreateCompilation(corpus, sets[0]).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var compilerErrors = errors.Count;
        if (compilerErrors > 0)
        {
            log.WriteLine($"  note: {compilerErrors} compiler errors in the corpus; most frequent:");
            foreach (var g in errors.GroupBy(d => d.Id).OrderByDescending(g => g.Count()).Take(5))
            {
                log.WriteLine($"    {g.Key} x{g.Count()}: {g.First()}");
            }
        }

        // Warm-up (JIT, caches of the reference assemblies' metadata): two rounds on corpora below 50k lines, one above.
        // Without it the first measured run of each set pays the JIT of its analyzers and of the compiler paths only they
        // use, a few hundred milliseconds that would count as analyzer time.
        if (warmupCorpus is not null)
        {
            var rounds = warmupCorpus.Lines < 50_000 ? 2 : 1;
            var on = warmupCorpus == corpus ? string.Empty : $" (on {warmupCorpus.Name})";
            for (var w = 0; w < rounds; w++)
            {
                foreach (var set in sets)
                {
                    var run = await RunOnceAsync(warmupCorpus, set);
                    log.WriteLine($"  warm-up {set.Name}{on}: {run.WallMs:0} ms");
                }
            }
        }

        // Runs are interleaved (set A, B, C, A, B, C, ...) so that drift of the machine affects every set alike.
        var all = sets.ToDictionary(s => s, _ => new List<Run>());
        for (var r = 0; r < runs; r++)
        {
            foreach (var set in sets)
            {
                var run = await RunOnceAsync(corpus, set);
                all[set].Add(run);
                log.WriteLine($"  run {r + 1}/{runs} {set.Name}: wall {run.WallMs:0} ms, analyzers {run.AnalyzerMs:0} ms, {run.Diagnostics.Length} diagnostics, GC pause {run.GcPauseMs:0} ms, {run.Gen2} gen2");
            }
        }

        var results = new List<SetResult>();
        foreach (var set in sets)
        {
            var list = all[set];
            var last = list[^1];
            var byId = last.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var perAnalyzer = last.PerAnalyzer.Select((p, i) => (p.Item1, Median(list.Select(x => x.PerAnalyzer[i].Item2)))).ToList();
            var diagnostics = set.IsCompilerFloor ? last.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) : last.Diagnostics.Length;
            results.Add(new SetResult(set, Median(list.Select(x => x.WallMs)), Median(list.Select(x => x.AnalyzerMs)), (long)Median(list.Select(x => (double)x.Allocated)), diagnostics, byId, perAnalyzer, list.Sum(x => x.Exceptions)) { GcPauseMs = Median(list.Select(x => x.GcPauseMs)) });
        }

        return new CorpusResult(corpus, compilerErrors, results, runs);
    }

    /// <summary>
    /// IDE latency: one ~1,000-line document. One compilation, shared by all sets, is created and fully bound once
    /// (GetDiagnostics), as the IDE keeps it; every run then creates a NEW CompilationWithAnalyzers over it (so no analyzer result is
    /// cached) and times GetAnalyzerSemanticDiagnosticsAsync(model, null) for that document. The compiler floor is
    /// GetSemanticModel(tree).GetDiagnostics() on a clone of the compilation (fresh semantic model, no bound bodies).
    /// The sets take turns run by run, in a new seeded order every round, so drift on a noisy machine (other processes, a
    /// growing heap) and whatever the previous run left behind fall on every set alike instead of on whichever set happened
    /// to run at that moment or after a given set, and every run starts after a
    /// full garbage collection, so no set pays for a collection of another set's garbage.
    /// </summary>
    /// <param name="host">
    /// With <c>--ide-sdk-rules</c>, the analyzers every set runs next to (a project's default rules), and which are measured
    /// alone as one more row; the sets then differ only by what they add to a real project's analysis.
    /// </param>
    private static async Task<(IdeResult[], string)> MeasureIdeAsync(Corpus corpus, IReadOnlyList<AnalyzerSet> sets, IdeHost? host, int runs, TextWriter log)
    {
        var tree = corpus.Trees.OrderBy(t => Math.Abs(t.GetText().Lines.Count - 1000)).ThenBy(t => t.FilePath, StringComparer.Ordinal).First();
        var treeLines = tree.GetText().Lines.Count;
        var description = $"document {tree.FilePath} ({treeLines:N0} lines) of the {corpus.Name} corpus, {runs} runs per set after 2 warm-up runs, sets interleaved run by run";
        var severities = MergedSeverities(sets);
        AnalyzerSet? hostAlone = null;
        if (host is not null)
        {
            description += $"; every set next to the {host.Name} ({host.Package}, {host.Analyzers.Length} analyzers, each rule at its default), which also run alone as the row \"{host.Name}\"{(host.LeftOut.Count == 0 ? string.Empty : "; left out of it: " + string.Join("; ", host.LeftOut))}";

            // The host's rules keep their defaults: the NetAnalyzers set's "every other rule off" must not switch them off.
            severities = severities.RemoveRange(severities.Where(p => p.Value == ReportDiagnostic.Suppress && host.Ids.Contains(p.Key)).Select(p => p.Key).ToList());
            hostAlone = new AnalyzerSet(host.Name, host.Package, Array.Empty<string>(), host.Analyzers, ImmutableDictionary<string, ReportDiagnostic>.Empty, false) { IsVariant = true };
            sets = sets.Take(1).Append(hostAlone).Concat(sets.Skip(1)).ToList();
        }

        log.WriteLine($"IDE latency: {description}");
        // One compilation serves every set: its options carry every set's severities (the IDs of different packages never
        // collide, so each set still sees only its compared rules switched on). One bound 100k-line compilation instead of
        // one per set keeps the heap small, so the collections inside a run cost the same for every set and stay short.
        var shared = CreateCompilation(corpus, severities);
        shared.GetDiagnostics();

        // What each set passes to the driver, built before the timed runs: what the IDE runs on an open document, so no
        // compilation-end analyzer (see IsCompilationEndAnalyzer).
        // A merged variant (--gt-composite) loses only its compilation-end rules, not the whole merge: see CompositeAnalyzer.Without.
        var analyzersOf = sets.Select(s => (host is null || ReferenceEquals(s, hostAlone) ? s.Analyzers : host.Analyzers.AddRange(s.Analyzers))
            .Select(a => a is CompositeAnalyzer composite ? composite.Without(IsCompilationEndAnalyzer) : a)
            .ToImmutableArray()
            .RemoveAll(IsCompilationEndAnalyzer)).ToArray();
        var leftOut = sets.Where(s => !ReferenceEquals(s, hostAlone)).SelectMany(s => LeftOutOf(s.Analyzers, s.Name)).ToList();
        if (host is not null)
        {
            leftOut.AddRange(LeftOutOf(host.Analyzers, host.Name));
        }

        if (leftOut.Count > 0)
        {
            description += $"; compilation-end analyzers left out, as the IDE leaves them out of an open document's analysis: {string.Join(", ", leftOut)}";
            log.WriteLine($"IDE latency: left out (compilation-end analyzers): {string.Join(", ", leftOut)}");
        }

        var times = sets.Select(_ => new List<double>()).ToArray();
        var pauses = sets.Select(_ => new List<double>()).ToArray();
        var allocations = sets.Select(_ => new List<double>()).ToArray();
        var counts = new int[sets.Count];
        var perAnalyzer = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = Enumerable.Range(0, sets.Count).ToArray();
        var shuffle = new Random(20251206);
        for (var r = -2; r < runs; r++)
        {
            // A new order every round (seeded shuffle), so each set runs in every position and after every other set
            // about equally often: a cost that depends on what ran just before (the GC's tuning of its budgets, say)
            // falls on every set alike.
            shuffle.Shuffle(order);
            foreach (var i in order)
            {
                var set = sets[i];

                // Each run starts from a collected heap: a set pays for its own garbage, never for the previous set's.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var pauseBefore = GC.GetTotalPauseDuration();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                CompilationWithAnalyzers? withAnalyzers = null;
                if (set.IsCompilerFloor)
                {
                    var clone = shared.Clone();
                    counts[i] = clone.GetSemanticModel(tree).GetDiagnostics().Length;
                }
                else
                {
                    withAnalyzers = shared.WithAnalyzers(analyzersOf[i], AnalyzerOptions());
                    var model = shared.GetSemanticModel(tree);
                    counts[i] = (await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None)).Length;
                }

                watch.Stop();
                var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;
                if (r < 0)
                {
                    continue;
                }

                times[i].Add(watch.Elapsed.TotalMilliseconds);
                pauses[i].Add(pause);
                allocations[i].Add(allocated);
                if (set.IsGreedyTasks && withAnalyzers is not null)
                {
                    // Where GreedyTasks' share of the latency goes (read after the run was measured).
                    foreach (var analyzer in set.Analyzers.Where(analyzersOf[i].Contains))
                    {
                        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                        var name = AnalyzerSet.AnalyzerName(analyzer);
                        if (!perAnalyzer.TryGetValue(name, out var list))
                        {
                            perAnalyzer[name] = list = new List<double>();
                        }

                        list.Add(telemetry.ExecutionTime.TotalMilliseconds);
                    }
                }
            }
        }

        var results = new List<IdeResult>();
        var greedyTasksIndex = sets.ToList().FindIndex(s => s.IsGreedyTasks);
        for (var i = 0; i < sets.Count; i++)
        {
            var sorted = times[i].OrderBy(t => t).ToList();
            var p95 = P95Difference.Of(sorted);
            var comparable = greedyTasksIndex >= 0 && i != greedyTasksIndex && !sets[i].IsCompilerFloor;
            var paired = comparable
                ? MedianWithInterval(times[greedyTasksIndex].Zip(times[i], (gt, other) => gt - other))
                : ((double Median, double Low, double High)?)null;
            var pairedP95 = comparable
                ? P95Difference.WithInterval(times[greedyTasksIndex], times[i])
                : ((double Difference, double Low, double High)?)null;
            results.Add(new IdeResult(sets[i].Name, Median(sorted), p95, counts[i], !sets[i].IsCompilerFloor && !sets[i].IsGreedyTasks && !sets[i].IsVariant)
            {
                AllocatedMb = Median(allocations[i]),
                GreedyTasksMinusSet = paired,
                GreedyTasksMinusSetP95 = pairedP95,
            });
            var pairedText = paired is { } d ? $"; GreedyTasks − this set per round: median {d.Median:+0.0;-0.0;0.0} ms (95% CI {d.Low:+0.0;-0.0;0.0} to {d.High:+0.0;-0.0;0.0})" : string.Empty;
            if (pairedP95 is { } q)
            {
                pairedText += $", p95 {q.Difference:+0.0;-0.0;0.0} ms (95% CI {q.Low:+0.0;-0.0;0.0} to {q.High:+0.0;-0.0;0.0})";
            }
            log.WriteLine($"  IDE {sets[i].Name}: median {Median(sorted):0.0} ms, p95 {p95:0.0} ms, {counts[i]} diagnostics; GC pause median {Median(pauses[i]):0.0} ms (in {pauses[i].Count(p => p > 0)} runs, {times[i].Where((_, run) => pauses[i][run] > 0 && times[i][run] >= p95).Count()} of them at or above the p95), allocated median {Median(allocations[i]):0.0} MB{pairedText}");
        }

        foreach (var (name, list) in perAnalyzer.OrderByDescending(p => Median(p.Value)))
        {
            log.WriteLine($"    IDE GreedyTasks {name}: median {Median(list):0.00} ms in callbacks");
        }

        return (results.ToArray(), description);
    }

    /// <summary>The compilation-end analyzers among <paramref name="analyzers"/>, those inside a merge included, named for the report.</summary>
    private static IEnumerable<string> LeftOutOf(ImmutableArray<DiagnosticAnalyzer> analyzers, string setName)
    {
        foreach (var analyzer in analyzers)
        {
            if (analyzer is CompositeAnalyzer composite)
            {
                foreach (var inner in composite.InnerWhere(IsCompilationEndAnalyzer))
                {
                    yield return $"{AnalyzerSet.AnalyzerName(inner)} (inside {setName})";
                }
            }
            else if (IsCompilationEndAnalyzer(analyzer))
            {
                yield return $"{AnalyzerSet.AnalyzerName(analyzer)} ({setName})";
            }
        }
    }

    /// <summary>
    /// An analyzer the IDE does not run on an open document: one with a descriptor tagged
    /// <see cref="WellKnownDiagnosticTags.CompilationEnd"/>, whose diagnostics need the whole compilation. Roslyn's IDE decides so
    /// from the descriptors (DiagnosticAnalyzerInfoCache) and runs such analyzers only in full solution analysis; a
    /// <c>CompilationWithAnalyzers</c> asked for one document runs their compilation actions all the same.
    /// </summary>
    private static bool IsCompilationEndAnalyzer(DiagnosticAnalyzer analyzer) =>
        analyzer is not DiagnosticSuppressor && analyzer.SupportedDiagnostics.Any(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));

    /// <summary>
    /// The median of <paramref name="values"/> and a distribution-free 95% confidence interval for it: the order statistics
    /// n/2 ∓ 0.98·√n (normal approximation of the binomial), so no assumption about the shape of the timings is made.
    /// </summary>
    internal static (double Median, double Low, double High) MedianWithInterval(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return (0, 0, 0);
        }

        var half = 0.98 * Math.Sqrt(sorted.Length);
        var low = Math.Max(0, (int)Math.Floor(sorted.Length / 2.0 - half));
        var high = Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length / 2.0 + half) - 1);
        return (Median(sorted), sorted[low], sorted[high]);
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

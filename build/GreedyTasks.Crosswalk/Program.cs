using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GreedyTasks.Scan;
using GreedyTasks.Tests.Reliability;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Crosswalk;

internal static class Program
{
    private const string Usage = "usage: dotnet run --project build/GreedyTasks.Crosswalk -c Release -- [--sample-only] [--jobs N] [--examples N] [--out <report.md>]";

    /// <summary>
    /// Exit codes: 0 success; 1 no reference pack; 2 bad arguments; 3 a peer package or rule failed to load;
    /// 4 an analyzer threw, or GreedyTasks reported nothing (the comparison would be empty).
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        var sampleOnly = false;
        var jobs = 1;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sample-only":
                    sampleOnly = true;
                    break;
                case "--jobs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    jobs = n;
                    i++;
                    break;
                case "--examples" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var e):
                    MarkdownReport.ExamplesShown = e;
                    i++;
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "-h":
                case "--help":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    Console.Error.WriteLine($"error: unexpected argument '{args[i]}'\n{Usage}");
                    return 2;
            }
        }

        var log = Console.Error;
        var started = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        var repository = TestInputCorpus.RepositoryRoot();
        var outPath = Path.GetFullPath(output ?? Path.Combine(repository, "artifacts", "crosswalk", "crosswalk-measured.md"));

        var packs = ReferencePacks.Find(ReferencePacks.FindDotnetRoot());
        if (packs.Count == 0 || packs[0].Name != "Microsoft.NETCore.App.Ref")
        {
            log.WriteLine("error: no packs/Microsoft.NETCore.App.Ref under the dotnet root (set DOTNET_ROOT)");
            return 1;
        }

        var pack = packs[0];
        var references = pack.Assemblies.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();

        var lineup = AnalyzerLineup.Load();
        foreach (var problem in lineup.Problems)
        {
            log.WriteLine($"peer problem: {problem}");
        }

        var inputs = sampleOnly
            ? ImmutableArray.Create(TestInputCorpus.Sample)
            : TestInputCorpus.SuiteInputs.Insert(0, TestInputCorpus.Sample);
        log.WriteLine($"analyzing {inputs.Length} inputs with {lineup.Analyzers.Length} analyzers, {jobs} job(s)");

        var results = await AnalyzeAllAsync(new InputAnalyzer(lineup, references), inputs, jobs, log).ConfigureAwait(false);
        var findings = results.SelectMany(r => r.Findings).ToList();
        var failures = results.SelectMany(r => r.AnalyzerFailures).ToList();
        foreach (var failure in failures.Take(10))
        {
            log.WriteLine($"analyzer failure: {failure}");
        }

        var scopes = Scopes(results, findings, lineup.GreedyTasksIds, sampleOnly);

        var run = new RunInfo(
            "dotnet run --project build/GreedyTasks.Crosswalk -c Release --" + string.Concat(args.Select(a => " " + a)),
            started,
            watch.Elapsed,
            $"Roslyn {typeof(Compilation).Assembly.GetName().Version}, LanguageVersion.Latest",
            $"{pack.Name} {pack.Version} ({Path.GetFileName(pack.Folder)})",
            lineup.PackageVersions,
            DescribeInputs(results),
            lineup.Problems,
            failures);
        var markdown = MarkdownReport.Render(run, scopes, lineup.GreedyTasksIds);
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await File.WriteAllTextAsync(outPath, markdown).ConfigureAwait(false);

        var all = scopes.Last().Matrix;
        var greedyTasksCount = findings.Count(f => f.IsGreedyTasks);
        var peerCount = findings.Count - greedyTasksCount;
        Console.WriteLine(
            $"crosswalk: {inputs.Length} inputs, {greedyTasksCount} GT findings, {peerCount} peer findings "
            + $"({all.Peers.Sum(p => p.Overlapping)} overlap GT, {all.Peers.Sum(p => p.PeerOnly)} peer-only), "
            + $"{lineup.Problems.Count} load problems, {failures.Count} analyzer failures, {watch.Elapsed.TotalSeconds:0} s; report {outPath}");

        if (lineup.Problems.Count > 0)
        {
            return 3;
        }

        return failures.Count > 0 || greedyTasksCount == 0 ? 4 : 0;
    }

    private static async Task<IReadOnlyList<InputResult>> AnalyzeAllAsync(InputAnalyzer analyzer, ImmutableArray<TestInput> inputs, int jobs, TextWriter log)
    {
        var results = new InputResult[inputs.Length];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, inputs.Length),
            new ParallelOptions { MaxDegreeOfParallelism = jobs },
            async (index, cancellationToken) =>
            {
                results[index] = await analyzer.AnalyzeAsync(inputs[index], cancellationToken).ConfigureAwait(false);
                var count = Interlocked.Increment(ref done);
                if (count % 200 == 0)
                {
                    log.WriteLine($"  {count}/{inputs.Length} inputs");
                }
            }).ConfigureAwait(false);
        return results;
    }

    /// <summary>
    /// The input sets the report counts separately. The first is the one the detailed sections use: code that compiles
    /// (the sample and the snippets without compiler errors). Snippets with errors are mostly fragments the extractor
    /// picks up (an InlineData argument such as "Task.WaitAll(a, b)") and deliberately incomplete code; counted apart,
    /// they cannot blur what each rule does on real code. "All inputs" comes last, for the summary line.
    /// </summary>
    private static List<(string Name, OverlapMatrix Matrix)> Scopes(IReadOnlyList<InputResult> results, IReadOnlyList<Finding> findings, IReadOnlyList<string> greedyTasksIds, bool sampleOnly)
    {
        if (sampleOnly)
        {
            return new() { ("sample", new OverlapMatrix(findings, greedyTasksIds)) };
        }

        var broken = results.Where(r => r.CompilerErrors.Count > 0).Select(r => (r.Input.Source, r.Input.Name)).ToHashSet();
        bool Compiles(Finding f) => !broken.Contains((f.Source, f.Input));
        OverlapMatrix Matrix(Func<Finding, bool> keep) => new(findings.Where(keep).ToList(), greedyTasksIds);
        return new()
        {
            ("code that compiles: sample + test inputs without compiler errors", Matrix(Compiles)),
            ("sample only", Matrix(f => f.Source == TestInputCorpus.SampleSource)),
            ("test inputs without compiler errors", Matrix(f => f.Source == TestInputCorpus.SuiteSource && Compiles(f))),
            ("test inputs with compiler errors", Matrix(f => !Compiles(f))),
            ("all inputs", Matrix(_ => true)),
        };
    }

    private static List<string> DescribeInputs(IReadOnlyList<InputResult> results) =>
        results.GroupBy(r => r.Input.Source)
            .Select(g => g.Key == TestInputCorpus.SampleSource
                ? $"samples/GreedyWorker, all {g.Sum(r => r.Input.Documents.Length) - 1} .cs files as one console project plus the SDK's implicit global usings; {g.Sum(r => r.CompilerErrors.Count)} compiler errors"
                : $"{g.Count()} distinct C# snippets from tests/GreedyTasks.Tests (markup stripped by TestInputCorpus), each its own compilation; "
                    + $"{g.Count(r => r.CompilerErrors.Count > 0)} of them have compiler errors ({MostFrequentErrors(g)})")
            .ToList();

    /// <summary>Which errors, and in how many snippets: tells deliberate incomplete code from inputs the crosswalk compiles badly.</summary>
    private static string MostFrequentErrors(IEnumerable<InputResult> results) =>
        string.Join(", ", results.SelectMany(r => r.CompilerErrors.Distinct())
            .GroupBy(id => id)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(6)
            .Select(g => $"{g.Key} in {g.Count()}"));
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace GreedyTasks.Tests.Reliability;

/// <summary>
/// Analyzers run on every keystroke and fixes run on whatever the user has typed so far: neither may ever throw.
/// This sweeps every analyzer and every code fix (each code action, and Fix All per document and equivalence key)
/// over every test input, the sample, the generated corpus, and thousands of seeded damaged variants of them.
/// </summary>
public class RobustnessTests
{
    private const int Seed = 6;

    // Variants per input. The full sweep runs on the current Roslyn; the Roslyn 4.8 run of the same sources keeps CI
    // time down with a smaller sweep (same seed, so its variants are a prefix-like subset of the same kinds).
#if ROSLYN_4_8
    private const int DamagedPerSuiteInput = 1;
    private const int DamagedPerSampleFile = 5;
    private const int DamagedPerGeneratedFile = 20;
#else
    private const int DamagedPerSuiteInput = 2;
    private const int DamagedPerSampleFile = 15;
    private const int DamagedPerGeneratedFile = 50;
#endif

    /// <summary>How many distinct failures get minimised and printed; the rest are listed unminimised.</summary>
    private const int MinimisedFailures = 3;

    private readonly ITestOutputHelper _output;

    public RobustnessTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Analyzers_and_fixes_never_throw_on_any_input_or_damaged_variant()
    {
        var clock = Stopwatch.StartNew();
        var variants = BuildVariants();
        var outcomes = new ConcurrentBag<(Variant Variant, CrashProbe.Outcome Outcome)>();
        // One worker per core, each on the thread pool (not xunit's synchronization context), striding over the variants.
        var workers = Environment.ProcessorCount;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < variants.Count; i += workers)
            {
                outcomes.Add((variants[i], await CrashProbe.RunAsync(variants[i].Input, variants[i].Options).ConfigureAwait(false)));
            }
        })));

        var all = outcomes.OrderBy(o => o.Variant.Index).ToList();
        foreach (var group in variants.GroupBy(v => v.Input.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"source {group.Key}: {group.Count(v => !v.Damaged)} inputs, {group.Count(v => v.Damaged)} damaged variants");
        }

        _output.WriteLine($"inputs {variants.Count(v => !v.Damaged)}, damaged variants {variants.Count(v => v.Damaged)}, "
            + $"with task_returning_methods {variants.Count(v => v.Options is not null)}");
        _output.WriteLine($"diagnostics {all.Sum(o => o.Outcome.Diagnostics)}, code actions applied {all.Sum(o => o.Outcome.CodeActionsApplied)}, "
            + $"Fix All runs {all.Sum(o => o.Outcome.FixAllRuns)}, elapsed {clock.Elapsed.TotalSeconds:F1} s");

        var failed = all.Where(o => o.Outcome.Failed).ToList();
        await ReportMinimisedAsync(failed);
        Assert.True(failed.Count == 0, $"{failed.Count} of {all.Count} variants threw; see the test output for minimal inputs.");
    }

    [Fact]
    public async Task The_sweep_sees_every_rule_and_applies_fixes_so_it_cannot_pass_vacuously()
    {
        // If the harness stopped analyzing (wrong references, options, filter) or stopped fixing, the sweep above
        // would report zero exceptions for the wrong reason.
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        var applied = 0;
        var fixAllRuns = 0;
        foreach (var input in TestInputCorpus.GeneratedInputs.Take(3).Append(TestInputCorpus.Sample))
        {
            using var project = await ProjectUnderTest.CreateAsync(input);
            var analysis = await ProjectUnderTest.AnalyzeAsync(project.Project, ProjectUnderTest.TaskReturningMethods);
            ids.UnionWith(analysis.Diagnostics.Select(d => d.Id));
            var outcome = await CrashProbe.RunAsync(input, ProjectUnderTest.TaskReturningMethods);
            applied += outcome.CodeActionsApplied;
            fixAllRuns += outcome.FixAllRuns;
        }

        Assert.Equal(new[] { "GT0001", "GT0002", "GT0003", "GT0004", "GT0005", "GT0006" }, ids);
        Assert.True(applied > 20, $"only {applied} code actions applied");
        Assert.True(fixAllRuns > 5, $"only {fixAllRuns} Fix All runs");
        Assert.True(TestInputCorpus.SuiteInputs.Length > 100, $"only {TestInputCorpus.SuiteInputs.Length} test inputs found");
    }

    [Fact]
    public void Damage_is_reproducible_from_its_seed_and_changes_the_source()
    {
        var source = TestInputCorpus.GeneratedInputs[0].Documents[0].Text;
        var first = Enumerable.Range(0, 50).Select(i => CodeDamage.Damage(source, new Random(i))).ToList();
        var second = Enumerable.Range(0, 50).Select(i => CodeDamage.Damage(source, new Random(i))).ToList();

        Assert.Equal(first, second);
        Assert.All(first, damaged => Assert.NotEqual(source, damaged.Text));
    }

    private static List<Variant> BuildVariants()
    {
        var variants = new List<Variant>();
        var inputs = TestInputCorpus.All;
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            Add(input, damaged: false);
            var random = new Random(Seed + (i * 7919));
            var count = input.Source switch
            {
                TestInputCorpus.SuiteSource => DamagedPerSuiteInput,
                TestInputCorpus.SampleSource => DamagedPerSampleFile * (input.Documents.Length - 1),
                _ => DamagedPerGeneratedFile,
            };
            for (var k = 0; k < count; k++)
            {
                // The sample's first document is the implicit-usings stand-in; damage only real files.
                var document = input.Documents.Length == 1 ? 0 : 1 + random.Next(input.Documents.Length - 1);
                var (text, description) = CodeDamage.Damage(input.Documents[document].Text, random);
                Add(input.WithDocumentText(document, text, $" [{input.Documents[document].Path}: {description}]"), damaged: true, document);
            }
        }

        return variants;

        // Half the variants widen "async code" to Task-returning methods, which exercises the make-async rewrites.
        void Add(TestInput input, bool damaged, int document = 0) =>
            variants.Add(new Variant(variants.Count, input, damaged, document, variants.Count % 2 == 0 ? ProjectUnderTest.TaskReturningMethods : null));
    }

    private async Task ReportMinimisedAsync(List<(Variant Variant, CrashProbe.Outcome Outcome)> failed)
    {
        var minimised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (variant, outcome) in failed)
        {
            var signature = CrashProbe.Signature(outcome.Failures[0]);
            _output.WriteLine($"FAILED {variant.Input} (options: {(variant.Options is null ? "default" : "task_returning_methods")}): {outcome.Failures[0]}");
            if (minimised.Count >= MinimisedFailures || !minimised.Add(signature))
            {
                continue;
            }

            var minimal = await FailureMinimizer.MinimizeAsync(variant.Input.Documents[variant.Document].Text, async text =>
            {
                var probe = await CrashProbe.RunAsync(variant.Input.WithDocumentText(variant.Document, text, string.Empty), variant.Options);
                return probe.Failures.Any(f => CrashProbe.Signature(f) == signature);
            });
            _output.WriteLine($"MINIMAL INPUT for {signature} ({variant.Input.Documents[variant.Document].Path}):");
            _output.WriteLine(minimal);
            _output.WriteLine("----");
        }
    }

    private sealed record Variant(int Index, TestInput Input, bool Damaged, int Document, IReadOnlyDictionary<string, string>? Options);
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GreedyTasks.Tooling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit.Abstractions;

namespace GreedyTasks.Tests.Reliability;

/// <summary>
/// "A fix must preserve meaning or not be offered": over every input that compiles, each offered code action and
/// each Fix All must leave the code compiling (no new compiler error), must remove what it fixes, and Fix All must
/// be idempotent (a second Fix All over its own result changes nothing). The hand-written fix tests check the
/// expected text for chosen cases; this checks the contract on every case the corpus produces.
/// </summary>
public class FixVerificationTests
{
    private const int MinimisedFailures = 3;

    private readonly ITestOutputHelper _output;

    public FixVerificationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Every_fix_and_Fix_All_compiles_removes_the_diagnostic_and_is_idempotent()
    {
        var clock = Stopwatch.StartNew();
        var inputs = TestInputCorpus.All;
        var runs = inputs.SelectMany((input, index) => OptionSets(input, index).Select(options => (input, options))).ToList();
        var results = new ConcurrentBag<(int Index, Check.Totals Totals)>();
        var workers = Environment.ProcessorCount;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < runs.Count; i += workers)
            {
                results.Add((i, await Check.RunAsync(runs[i].input, runs[i].Item2).ConfigureAwait(false)));
            }
        })));

        var totals = results.OrderBy(r => r.Index).Select(r => r.Totals).ToList();
        _output.WriteLine($"runs {runs.Count} (inputs {inputs.Length}, default options and task_returning_methods), compiling cleanly {totals.Count(t => t.Compiled)}; "
            + $"fixes applied and checked {totals.Sum(t => t.FixesChecked)}, Fix All runs checked {totals.Sum(t => t.FixAllChecked)} "
            + $"(each also re-run for idempotence); elapsed {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var id in totals.SelectMany(t => t.FixedIds).GroupBy(id => id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"  {id.Key}: {id.Count()} fixes checked");
        }

        var failures = results.OrderBy(r => r.Index).SelectMany(r => r.Totals.Failures.Select(f => (Run: runs[r.Index], Failure: f))).ToList();
        _output.WriteLine($"{failures.Count} failed checks");

        var minimised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (run, failure) in failures)
        {
            _output.WriteLine($"FAILED {run.input} (options: {(run.Item2 is null ? "default" : "task_returning_methods")}): {failure.Description}");
            if (run.input.Documents.Length != 1 || minimised.Count >= MinimisedFailures || !minimised.Add(failure.Signature))
            {
                continue;
            }

            var minimal = await FailureMinimizer.MinimizeAsync(run.input.Documents[0].Text, async text =>
                (await Check.RunAsync(run.input.WithDocumentText(0, text, string.Empty), run.Item2)).Failures.Any(f => f.Signature == failure.Signature));
            _output.WriteLine($"MINIMAL INPUT for {failure.Signature}:");
            _output.WriteLine(minimal);
            _output.WriteLine("----");
        }

        Assert.True(totals.Sum(t => t.FixesChecked) > 100, "the corpus should exercise many fixes");
        Assert.True(failures.Count == 0, $"{failures.Count} fix checks failed; see the test output for the minimal inputs.");
    }

    /// <summary>
    /// Every input with both option sets; the Roslyn 4.8 run of the same sources alternates them over the test
    /// snippets (the generated corpus and the sample keep both) to keep CI time down.
    /// </summary>
    private static IEnumerable<IReadOnlyDictionary<string, string>?> OptionSets(TestInput input, int index)
    {
#if ROSLYN_4_8
        if (input.Source == TestInputCorpus.SuiteSource)
        {
            yield return index % 2 == 0 ? null : ProjectUnderTest.TaskReturningMethods;
            yield break;
        }
#endif
        yield return null;
        yield return ProjectUnderTest.TaskReturningMethods;
    }

    /// <summary>The checks for one input under one option set.</summary>
    internal static class Check
    {
        public sealed record Failure(string Signature, string Description);

        public sealed record Totals(bool Compiled, int FixesChecked, int FixAllChecked, ImmutableArray<string> FixedIds, ImmutableArray<Failure> Failures);

        /// <summary>What a failure is about, without positions: kind of failure, rule and equivalence key.</summary>
        public static string Signature(string kind, string id, string? key) => $"{kind}|{id}|{key}";

        public static async Task<Totals> RunAsync(TestInput input, IReadOnlyDictionary<string, string>? options)
        {
            using var project = await ProjectUnderTest.CreateAsync(input);
            var errorsBefore = await ProjectUnderTest.CompilerErrorsAsync(project.Project);
            if (!errorsBefore.IsEmpty)
            {
                // A fix cannot be blamed for errors that were there before; only clean inputs are checked.
                return new Totals(false, 0, 0, ImmutableArray<string>.Empty, ImmutableArray<Failure>.Empty);
            }

            var failures = new List<Failure>();
            var fixedIds = new List<string>();
            var fixAllChecked = 0;
            var analysis = await ProjectUnderTest.AnalyzeAsync(project.Project, options);
            foreach (var document in project.Project.Documents)
            {
                var diagnostics = (await ProjectUnderTest.InDocumentAsync(analysis, document)).Where(d => d.Id != "AD0001").ToImmutableArray();
                var keys = new SortedSet<(string Provider, string Key)>();
                foreach (var diagnostic in diagnostics)
                {
                    foreach (var provider in ProjectUnderTest.ProvidersFor(diagnostic))
                    {
                        foreach (var action in await CodeActionRunner.GetCodeActionsAsync(provider, document, diagnostic))
                        {
                            if (action.EquivalenceKey is { } key)
                            {
                                keys.Add((provider.GetType().FullName!, key));
                            }

                            var changed = await CodeActionRunner.ApplyAsync(action);
                            if (changed is null)
                            {
                                continue;
                            }

                            fixedIds.Add(diagnostic.Id);
                            var at = $"{diagnostic.Id} '{action.Title}' at {diagnostic.Location.GetLineSpan().StartLinePosition} in {document.Name}";
                            var after = changed.GetProject(project.Project.Id)!;
                            var newErrors = NewErrors(errorsBefore, await ProjectUnderTest.CompilerErrorsAsync(after));
                            if (!newErrors.IsEmpty)
                            {
                                failures.Add(new Failure(Signature("fix introduces errors", diagnostic.Id, action.EquivalenceKey),
                                    $"fix {at} introduces {string.Join("; ", newErrors)}\n{await TextAsync(changed, document.Id)}"));
                                continue;
                            }

                            var countBefore = analysis.Diagnostics.Count(d => d.Id == diagnostic.Id);
                            var countAfter = (await ProjectUnderTest.AnalyzeAsync(after, options)).Diagnostics.Count(d => d.Id == diagnostic.Id);
                            if (countAfter >= countBefore)
                            {
                                failures.Add(new Failure(Signature("fix leaves the diagnostic", diagnostic.Id, action.EquivalenceKey),
                                    $"fix {at}: {diagnostic.Id} count {countBefore} -> {countAfter}\n{await TextAsync(changed, document.Id)}"));
                            }
                        }
                    }
                }

                foreach (var (providerName, key) in keys)
                {
                    var provider = AnalyzerRunner().Single(p => p.GetType().FullName == providerName);
                    var id = provider.FixableDiagnosticIds[0];
                    var mine = diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
                    var changed = await CodeActionRunner.FixAllInDocumentAsync(provider, document, key, mine);
                    if (changed is null)
                    {
                        continue;
                    }

                    fixAllChecked++;
                    var after = changed.GetProject(project.Project.Id)!;
                    var newErrors = NewErrors(errorsBefore, await ProjectUnderTest.CompilerErrorsAsync(after));
                    if (!newErrors.IsEmpty)
                    {
                        failures.Add(new Failure(Signature("Fix All introduces errors", id, key),
                            $"Fix All '{key}' in {document.Name} introduces {string.Join("; ", newErrors)}\n{await TextAsync(changed, document.Id)}"));
                        continue;
                    }

                    // Idempotence: Fix All again over its own result, with the diagnostics reported there.
                    var fixedDocument = after.GetDocument(document.Id)!;
                    var reanalysis = await ProjectUnderTest.AnalyzeAsync(after, options);
                    var remaining = (await ProjectUnderTest.InDocumentAsync(reanalysis, fixedDocument)).Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
                    var again = await CodeActionRunner.FixAllInDocumentAsync(provider, fixedDocument, key, remaining);
                    var firstText = (await fixedDocument.GetTextAsync()).ToString();
                    var secondText = again is null ? firstText : await TextAsync(again, document.Id);
                    if (firstText != secondText)
                    {
                        failures.Add(new Failure(Signature("Fix All not idempotent", id, key),
                            $"Fix All '{key}' in {document.Name} changes its own result again\n--- first\n{firstText}\n--- second\n{secondText}"));
                    }
                }
            }

            return new Totals(true, fixedIds.Count, fixAllChecked, fixedIds.ToImmutableArray(), failures.ToImmutableArray());
        }

        private static IEnumerable<CodeFixProvider> AnalyzerRunner() => GreedyTasks.Tests.Infrastructure.AnalyzerRunner.AllCodeFixes;

        /// <summary>Errors after the fix that were not there before, compared as a multiset of id and message.</summary>
        private static ImmutableArray<string> NewErrors(ImmutableArray<string> before, ImmutableArray<string> after) =>
            CodeActionRunner.Added(before, after, error => error).ToImmutableArray();

        private static async Task<string> TextAsync(Solution solution, DocumentId id) =>
            (await solution.GetDocument(id)!.GetTextAsync(CancellationToken.None)).ToString();
    }
}

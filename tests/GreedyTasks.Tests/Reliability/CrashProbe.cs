using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using GreedyTasks.Tooling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace GreedyTasks.Tests.Reliability;

/// <summary>
/// Runs every analyzer, every code action of every diagnostic, and Fix All per document and equivalence key over one
/// input, and catches whatever throws. Each failure is described by the phase that threw, so that the minimiser can
/// ask "does this smaller input still fail the same way?".
/// </summary>
internal static class CrashProbe
{
    public sealed record Outcome(int Diagnostics, int CodeActionsApplied, int FixAllRuns, ImmutableArray<string> Failures)
    {
        public bool Failed => !Failures.IsEmpty;
    }

    public static async Task<Outcome> RunAsync(TestInput input, IReadOnlyDictionary<string, string>? options)
    {
        var failures = new List<string>();
        var applied = 0;
        var fixAllRuns = 0;
        using var project = await ProjectUnderTest.CreateAsync(input);
        var analysis = await ProjectUnderTest.AnalyzeAsync(project.Project, options);
        failures.AddRange(analysis.Exceptions.Select(e => "analyzer: " + e.Message + Environment.NewLine + e.InnerException));
        failures.AddRange(analysis.Diagnostics.Where(d => d.Id == "AD0001").Select(d => "AD0001: " + d.GetMessage()));

        foreach (var document in project.Project.Documents)
        {
            var diagnostics = await ProjectUnderTest.InDocumentAsync(analysis, document);
            var keysByProvider = new Dictionary<Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, SortedSet<string>>();
            foreach (var diagnostic in diagnostics.Where(d => d.Id != "AD0001"))
            {
                foreach (var provider in ProjectUnderTest.ProvidersFor(diagnostic))
                {
                    var phase = $"{provider.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.SourceSpan}";
                    ImmutableArray<CodeAction> actions;
                    try
                    {
                        actions = await CodeActionRunner.GetCodeActionsAsync(provider, document, diagnostic);
                    }
                    catch (Exception e)
                    {
                        failures.Add($"RegisterCodeFixesAsync: {phase}: {e}");
                        continue;
                    }

                    foreach (var action in actions)
                    {
                        if (action.EquivalenceKey is { } key)
                        {
                            if (!keysByProvider.TryGetValue(provider, out var keys))
                            {
                                keysByProvider[provider] = keys = new SortedSet<string>(StringComparer.Ordinal);
                            }

                            keys.Add(key);
                        }

                        try
                        {
                            var changed = await CodeActionRunner.ApplyAsync(action);
                            if (changed?.GetDocument(document.Id) is { } changedDocument)
                            {
                                _ = await changedDocument.GetSyntaxRootAsync();
                                applied++;
                            }
                        }
                        catch (Exception e)
                        {
                            failures.Add($"GetOperationsAsync '{action.Title}': {phase}: {e}");
                        }
                    }
                }
            }

            foreach (var (provider, keys) in keysByProvider)
            {
                foreach (var key in keys)
                {
                    try
                    {
                        var changed = await CodeActionRunner.FixAllInDocumentAsync(provider, document, key,
                            diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray());
                        if (changed?.GetDocument(document.Id) is { } changedDocument)
                        {
                            _ = await changedDocument.GetSyntaxRootAsync();
                        }

                        fixAllRuns++;
                    }
                    catch (Exception e)
                    {
                        failures.Add($"FixAll {provider.GetType().Name} '{key}' in {document.Name}: {e}");
                    }
                }
            }
        }

        return new Outcome(analysis.Diagnostics.Length, applied, fixAllRuns, failures.ToImmutableArray());
    }

    /// <summary>The phase of a failure without positions or stack, to recognise "the same failure" in a smaller input.</summary>
    public static string Signature(string failure)
    {
        var end = failure.IndexOfAny(new[] { ':', '\n' });
        var head = end < 0 ? failure : failure.Substring(0, end);
        var exception = failure.Split(new[] { ' ', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(w => w.EndsWith("Exception", StringComparison.Ordinal) || w.EndsWith("Exception:", StringComparison.Ordinal)) ?? string.Empty;
        return head + "|" + exception.TrimEnd(':');
    }
}

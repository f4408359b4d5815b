using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using GreedyTasks.Tests.Reliability;
using GreedyTasks.Tooling;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Tests;

/// <summary>
/// What a developer sees in the IDE, checked over every input of the test suite and the sample: each diagnostic
/// names the call, member or loop it is about, and the light bulb offers short titles that differ from each other.
/// </summary>
public class IdeExperienceTests
{
    /// <summary>Long enough for "Use 'await Task.Delay(…, cancellationToken)' instead of 'Thread.Sleep' and make 'Load' async".</summary>
    private const int MaxTitleLength = 110;

    private static readonly Regex QuotedName = new("'[^']+'", RegexOptions.CultureInvariant);

    [Fact]
    public async Task Every_diagnostic_names_its_subject_and_every_light_bulb_has_short_distinct_titles()
    {
        var inputs = TestInputCorpus.SuiteInputs.Add(TestInputCorpus.Sample);
        var diagnosticsSeen = 0;
        var actionsSeen = 0;
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var input in inputs)
        {
            using var project = await ProjectUnderTest.CreateAsync(input);
            var analysis = await ProjectUnderTest.AnalyzeAsync(project.Project, options: null);
            foreach (var diagnostic in analysis.Diagnostics.Where(d => d.Id.StartsWith("GT", StringComparison.Ordinal) && d.Id != "GT0100"))
            {
                diagnosticsSeen++;
                var message = diagnostic.GetMessage();
                if (!QuotedName.IsMatch(message))
                {
                    problems.Add($"{input}: {diagnostic.Id} names nothing: {message}");
                }

                var document = project.Project.GetDocument(diagnostic.Location.SourceTree);
                if (document is null)
                {
                    continue;
                }

                var offered = new List<string>();
                foreach (var provider in ProjectUnderTest.ProvidersFor(diagnostic))
                {
                    offered.AddRange((await CodeActionRunner.GetCodeActionsAsync(provider, document, diagnostic)).Select(a => a.Title));
                }

                actionsSeen += offered.Count;
                titles.UnionWith(offered);
                if (offered.Count != offered.Distinct(StringComparer.Ordinal).Count())
                {
                    problems.Add($"{input}: {diagnostic.Id} offers the same title twice: {string.Join(" | ", offered)}");
                }

                problems.AddRange(offered.Where(t => t.Length > MaxTitleLength || t.EndsWith(".", StringComparison.Ordinal) || !char.IsUpper(t[0]))
                    .Select(t => $"{input}: {diagnostic.Id} title is not a short imperative phrase: {t}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));

        // The check saw real work: hundreds of diagnostics and fixes, and titles that name what they do.
        Assert.True(diagnosticsSeen > 300, $"only {diagnosticsSeen} diagnostics");
        Assert.True(actionsSeen > 200, $"only {actionsSeen} code actions");
        Assert.Contains(titles, t => t.StartsWith("Await '", StringComparison.Ordinal) && t.EndsWith("' instead", StringComparison.Ordinal));
    }
}

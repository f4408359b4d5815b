using System;
using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using GreedyTasks.Analyzers;
using GreedyTasks.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Tests;

/// <summary>
/// Keeps the package from drifting: every rule has a docs page behind its help link, a release-tracking entry, a
/// README row that tells the truth about title, severity and fix, and every analyzer and code fix is exported for C#.
/// </summary>
public class ConsistencyTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors().Select(d => d.Id).Distinct())
        {
            data.Add(descriptor);
        }

        return data;
    }

    [Fact]
    public void DiagnosticIds_and_descriptors_name_the_same_rules()
    {
        var constants = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(id => id);
        var descriptors = AllDescriptors().Select(d => d.Id).Distinct().OrderBy(id => id);

        Assert.Equal(constants, descriptors);
        Assert.NotEmpty(descriptors);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_points_at_an_existing_rule_page(string id)
    {
        foreach (var descriptor in AllDescriptors().Where(d => d.Id == id))
        {
            Assert.Equal(DescriptorFactory.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        }

        var page = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.Contains(id, text, StringComparison.Ordinal);
        Assert.Contains(AllDescriptors().First(d => d.Id == id).Title.ToString(), text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_tracked_in_a_release_file_with_its_category_and_severity(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryRoot, "AnalyzerReleases.Unshipped.md")))
            .Where(line => line.StartsWith(id + " ", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToList();

        Assert.NotEmpty(rows);
        Assert.Contains(rows, row => row[1] == descriptor.Category && row[2] == descriptor.DefaultSeverity.ToString());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Readme_row_matches_the_descriptor_and_the_fixes(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        var hasFix = AnalyzerRunner.AllCodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));
        var expected = $"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} | {(hasFix ? "Yes" : "No")} |";

        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot, "README.md"));
        Assert.Contains(expected, readme);
    }

    [Fact]
    public void Descriptors_share_the_house_conventions()
    {
        foreach (var descriptor in AllDescriptors())
        {
            Assert.Matches("^GT[0-9]{4}$", descriptor.Id);
            Assert.Equal(DescriptorFactory.Category, descriptor.Category);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.False(descriptor.Title.ToString().EndsWith(".", StringComparison.Ordinal), descriptor.Id);
            Assert.Contains("{0}", descriptor.MessageFormat.ToString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), descriptor.Id);
        }
    }

    [Fact]
    public void Every_analyzer_is_exported_for_CSharp()
    {
        Assert.NotEmpty(AnalyzerRunner.AllAnalyzers);
        foreach (var analyzer in AnalyzerRunner.AllAnalyzers)
        {
            var attribute = analyzer.GetType().GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            Assert.NotNull(attribute);
            Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);
        }
    }

    [Fact]
    public void Every_code_fix_is_exported_for_CSharp_under_its_type_name_with_Fix_All()
    {
        var knownIds = AllDescriptors().Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(AnalyzerRunner.AllCodeFixes);
        foreach (var fix in AnalyzerRunner.AllCodeFixes)
        {
            var type = fix.GetType();
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(type.Name, export!.Name);
            Assert.Equal(new[] { LanguageNames.CSharp }, export.Languages);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
            Assert.NotNull(fix.GetFixAllProvider());
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, knownIds));
        }
    }

    [Fact]
    public void Each_code_fix_mirrors_the_analyzer_of_its_rule()
    {
        foreach (var fix in AnalyzerRunner.AllCodeFixes)
        {
            var id = Assert.Single(fix.FixableDiagnosticIds);
            var analyzer = Assert.Single(AnalyzerRunner.AllAnalyzers, a => a.SupportedDiagnostics.Any(d => d.Id == id));
            var stem = analyzer.GetType().Name.Replace("Analyzer", string.Empty, StringComparison.Ordinal);
            Assert.Equal(stem + "CodeFixProvider", fix.GetType().Name);
        }
    }

    [Fact]
    public void GT0003_page_lists_exactly_the_default_exclusions()
    {
        // The table under "The default exclusion list" names each entry in backticks (double backticks around an id
        // that has a backtick itself); it drifted once, when entries were added to the code only.
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", "GT0003.md"));
        var start = text.IndexOf("**The default exclusion list.**", StringComparison.Ordinal);
        Assert.True(start >= 0, "GT0003.md has no default exclusion list");
        var end = text.IndexOf("\n\n", text.IndexOf("| Entry |", start, StringComparison.Ordinal), StringComparison.Ordinal);
        var documented = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in text.Substring(start, end - start).Split('\n'))
        {
            if (!row.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            var entries = row.Substring(2, row.IndexOf(" |", 2, StringComparison.Ordinal) - 2);
            foreach (var entry in entries.Split("<br>"))
            {
                documented.Add(entry.Trim().Trim('`').Trim());
            }
        }

        Assert.Equal(new SortedSet<string>(GreedyTasks.Analyzers.Core.MethodExclusions.Defaults, StringComparer.Ordinal), documented);
    }

        private static IEnumerable<DiagnosticDescriptor> AllDescriptors() => AnalyzerRunner.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GreedyTasks.Tests.Reliability;

/// <summary>One source file of a <see cref="TestInput"/>.</summary>
internal sealed record InputDocument(string Path, string Text);

/// <summary>
/// One project to analyze: a single test snippet, the sample (several files compiled together), or one generated file.
/// <paramref name="Source"/> says where it came from, so counts and failures can be reported per source.
/// </summary>
internal sealed record TestInput(string Source, string Name, ImmutableArray<InputDocument> Documents, OutputKind OutputKind)
{
    public override string ToString() => $"{Source}:{Name}";

    /// <summary>The same input with one document's text replaced (a damaged or minimised variant).</summary>
    public TestInput WithDocumentText(int index, string text, string nameSuffix) =>
        this with { Name = Name + nameSuffix, Documents = Documents.SetItem(index, Documents[index] with { Text = text }) };
}

/// <summary>
/// The inputs the reliability tests run over: (a) every C# snippet the rest of the test suite feeds the analyzers,
/// (b) the GreedyWorker sample, (c) the seeded <see cref="GeneratedCorpus"/>. Real test inputs cover the shapes the
/// rules were designed for; the sample and the generated files cover ordinary code the rules must survive.
/// </summary>
internal static class TestInputCorpus
{
    public const string SuiteSource = "suite";
    public const string SampleSource = "sample";
    public const string GeneratedSource = "generated";

    /// <summary>Files of the generated corpus; small enough for CI, large enough to hold every generated shape many times.</summary>
    public const int GeneratedFileCount = 8;

    /// <summary>The sample targets net10.0 with implicit usings; compiling it against net8.0 needs them spelled out.</summary>
    private const string SampleImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    // Microsoft.CodeAnalysis.Testing markup: {|GT0001:...|}, {|#0:...|}, {|CS1234:...|} and [|...|].
    private static readonly Regex MarkupOpen = new(@"\{\|[^:|{}\s]*:", RegexOptions.CultureInvariant);

    private static readonly Lazy<ImmutableArray<TestInput>> LazySuite = new(LoadSuiteInputs);
    private static readonly Lazy<TestInput> LazySample = new(LoadSample);
    private static readonly Lazy<ImmutableArray<TestInput>> LazyGenerated = new(LoadGenerated);

    public static ImmutableArray<TestInput> SuiteInputs => LazySuite.Value;

    public static TestInput Sample => LazySample.Value;

    public static ImmutableArray<TestInput> GeneratedInputs => LazyGenerated.Value;

    public static ImmutableArray<TestInput> All => SuiteInputs.Add(Sample).AddRange(GeneratedInputs);

    /// <summary>The folder of this test project's sources; the tests run on the machine that built them.</summary>
    public static string TestProjectFolder() => Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!;

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(TestProjectFolder()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Analyzers.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + TestProjectFolder());
    }

    /// <summary>Removes the test markup so the snippet is the plain source the verifier would compile.</summary>
    public static string StripMarkup(string text)
    {
        var stripped = MarkupOpen.Replace(text, string.Empty);
        return stripped.Replace("|}", string.Empty).Replace("[|", string.Empty).Replace("|]", string.Empty);
    }

    /// <summary>Heuristic for "this string literal is C# code" rather than a message, an ID or a file name.</summary>
    public static bool LooksLikeCSharp(string text) =>
        text.Contains("class ", StringComparison.Ordinal)
        || text.Contains("await ", StringComparison.Ordinal)
        || text.Contains("Task", StringComparison.Ordinal)
        || text.Contains("struct ", StringComparison.Ordinal)
        || text.Contains("interface ", StringComparison.Ordinal);

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static ImmutableArray<TestInput> LoadSuiteInputs()
    {
        var folder = TestProjectFolder();
        var reliabilityFolder = Path.Combine(folder, "Reliability");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inputs = ImmutableArray.CreateBuilder<TestInput>();
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsUnder(f, Path.Combine(folder, "bin")) && !IsUnder(f, Path.Combine(folder, "obj")))
            // This folder's own literals are templates and fragments, not inputs of the suite.
            .Where(f => !IsUnder(f, reliabilityFolder))
            .OrderBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file).GetRoot();
            foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                if (!literal.IsKind(SyntaxKind.StringLiteralExpression) || !LooksLikeCSharp(literal.Token.ValueText))
                {
                    continue;
                }

                var source = StripMarkup(literal.Token.ValueText);
                if (!seen.Add(source))
                {
                    continue;
                }

                var line = literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                var name = $"{Path.GetFileName(file)}:{line}";
                inputs.Add(new TestInput(SuiteSource, name, ImmutableArray.Create(new InputDocument("Test0.cs", source)), OutputKindOf(source)));
            }
        }

        return inputs.ToImmutable();
    }

    private static TestInput LoadSample()
    {
        var folder = Path.Combine(RepositoryRoot(), "samples", "GreedyWorker");
        var documents = Directory.EnumerateFiles(folder, "*.cs")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new InputDocument(Path.GetFileName(f), File.ReadAllText(f)))
            .Prepend(new InputDocument("ImplicitUsings.g.cs", SampleImplicitUsings))
            .ToImmutableArray();
        return new TestInput(SampleSource, "GreedyWorker", documents, OutputKind.ConsoleApplication);
    }

    private static ImmutableArray<TestInput> LoadGenerated() =>
        Enumerable.Range(0, GeneratedFileCount)
            .Select(i => new TestInput(GeneratedSource, $"Generated{i}.cs", ImmutableArray.Create(new InputDocument($"Generated{i}.cs", GeneratedCorpus.GenerateFile(i))), OutputKind.DynamicallyLinkedLibrary))
            .ToImmutableArray();

    /// <summary>Snippets with top-level statements are programs; everything else is a library.</summary>
    private static OutputKind OutputKindOf(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any()
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;

    private static bool IsUnder(string file, string folder) =>
        file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

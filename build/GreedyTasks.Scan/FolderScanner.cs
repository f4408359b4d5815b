using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Scan;

/// <summary>One parsed source file of a folder.</summary>
internal sealed record SourceFile(string RelativePath, SourceText Text, SyntaxTree Tree, int Lines, int CodeLines);

/// <summary>A diagnostic of a GreedyTasks rule, with its position (1-based) in its file.</summary>
internal sealed record Finding(FolderResult Folder, SourceFile File, Diagnostic Diagnostic, int Line, int Column)
{
    public string Id => Diagnostic.Id;

    public string Message => Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An exception an analyzer threw, as <see cref="CompilationWithAnalyzersOptions"/> reported it.</summary>
internal sealed record AnalyzerFailure(string Folder, string Analyzer, Exception Exception, string? DiagnosticMessage);

/// <summary>Everything learned about one folder.</summary>
internal sealed class FolderResult
{
    public FolderResult(string name, string root)
    {
        Name = name;
        Root = root;
    }

    /// <summary>The folder as given on the command line.</summary>
    public string Name { get; }

    /// <summary>The full path of the folder.</summary>
    public string Root { get; }

    public IReadOnlyList<SourceFile> Files { get; set; } = Array.Empty<SourceFile>();

    public List<Finding> Findings { get; } = new();

    /// <summary>Diagnostics from the analyzer driver that belong to no GreedyTasks rule (AD0001 and the like).</summary>
    public List<Diagnostic> OtherAnalyzerDiagnostics { get; } = new();

    public int CompilerErrors { get; set; }

    public int CompilerWarnings { get; set; }

    /// <summary>The most frequent compiler error codes, most frequent first.</summary>
    public IReadOnlyList<(string Id, int Count, string Example)> TopErrors { get; set; } = Array.Empty<(string, int, string)>();

    /// <summary>The global usings added in a synthetic file for the SDK's implicit usings and the projects' &lt;Using&gt; items.</summary>
    public IReadOnlyList<string> GlobalUsings { get; set; } = Array.Empty<string>();

    /// <summary>Whether <see cref="GlobalUsings"/> includes the SDK's implicit usings.</summary>
    public bool SdkImplicitUsings { get; set; }

    public TimeSpan ParseTime { get; set; }

    /// <summary>The folder's compilation, kept only until the fix check (if any) has used it: a bound compilation of a large folder holds gigabytes.</summary>
    public CSharpCompilation? Compilation { get; set; }

    /// <summary>Wall time of the analysis: running the analyzers, including the binding they need.</summary>
    public TimeSpan AnalysisTime { get; set; }

    /// <summary>Wall time of collecting the compiler's own diagnostics (a separate pass, for the error count).</summary>
    public TimeSpan CompilerTime { get; set; }

    /// <summary>Time spent inside each analyzer's callbacks, summed over threads.</summary>
    public IReadOnlyList<(string Analyzer, TimeSpan Time)> AnalyzerTimes { get; set; } = Array.Empty<(string, TimeSpan)>();

    public int Lines => Files.Sum(f => f.Lines);

    public int CodeLines => Files.Sum(f => f.CodeLines);
}

/// <summary>Collects, parses, compiles and analyzes the C# files of one folder.</summary>
internal sealed class FolderScanner
{
    /// <summary>Directory names that never hold source to scan: build output and the git database.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git" };

    /// <summary>The global usings the .NET SDK generates for Microsoft.NET.Sdk projects with ImplicitUsings enabled.</summary>
    private static readonly string[] SdkImplicitUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    private readonly CSharpParseOptions parseOptions;
    private readonly ImmutableArray<MetadataReference> references;
    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly ImmutableHashSet<string> ruleIds;
    private readonly ImmutableDictionary<string, ReportDiagnostic> severities;
    private readonly AnalyzerOptions analyzerOptions;
    private readonly ImplicitUsingsMode implicitUsings;
    private readonly ConcurrentQueue<AnalyzerFailure> failures;

    public FolderScanner(
        CSharpParseOptions parseOptions,
        ImmutableArray<MetadataReference> references,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableDictionary<string, ReportDiagnostic> severities,
        AnalyzerOptions analyzerOptions,
        ImplicitUsingsMode implicitUsings,
        ConcurrentQueue<AnalyzerFailure> failures)
    {
        this.parseOptions = parseOptions;
        this.references = references;
        this.analyzers = analyzers;
        ruleIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);
        this.severities = severities;
        this.analyzerOptions = analyzerOptions;
        this.implicitUsings = implicitUsings;
        this.failures = failures;
    }

    public async Task<FolderResult> ScanAsync(string folder, TextWriter progress, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(folder);
        var result = new FolderResult(folder, root);

        var watch = Stopwatch.StartNew();
        var paths = EnumerateSourceFiles(root)
            .Select(path => (Full: path, Relative: Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(p => p.Relative, StringComparer.Ordinal)
            .ToArray();
        var files = new SourceFile[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            SourceText text;
            using (var stream = File.OpenRead(paths[i].Full))
            {
                // Detects a byte order mark; without one, reads UTF-8, as the compiler does.
                text = SourceText.From(stream, encoding: null, checksumAlgorithm: SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false);
            }

            var tree = CSharpSyntaxTree.ParseText(text, parseOptions, paths[i].Full, cancellationToken);
            files[i] = new SourceFile(paths[i].Relative, text, tree, text.Lines.Count, CountCodeLines(tree, text, cancellationToken));
        });
        result.Files = files;
        result.ParseTime = watch.Elapsed;
        progress.WriteLine($"[{folder}] {files.Length} files, {result.Lines} lines parsed in {result.ParseTime.TotalSeconds:0.0} s");

        var trees = files.Select(f => f.Tree).ToList();
        if (implicitUsings != ImplicitUsingsMode.Off)
        {
            // Projects get these from a generated file under obj/, which is not scanned: recreate it for the whole folder.
            var (enabled, items) = ReadProjectUsings(root);
            result.SdkImplicitUsings = enabled || implicitUsings == ImplicitUsingsMode.On;
            result.GlobalUsings = (result.SdkImplicitUsings ? SdkImplicitUsings.Select(n => $"global using global::{n};") : Enumerable.Empty<string>())
                .Concat(items)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (result.GlobalUsings.Count > 0)
            {
                var source = "// <auto-generated/>\n" + string.Join("\n", result.GlobalUsings) + "\n";
                var path = Path.Combine(root, "obj", "GreedyTasks.Scan.GlobalUsings.g.cs");
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), parseOptions, path, cancellationToken));
            }
        }

        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: true,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: true,
            specificDiagnosticOptions: severities);
        var compilation = CSharpCompilation.Create(AssemblyName(root), trees, references, compilationOptions);

        var options = new CompilationWithAnalyzersOptions(
            analyzerOptions,
            onAnalyzerException: (exception, analyzer, diagnostic) =>
                failures.Enqueue(new AnalyzerFailure(folder, analyzer.GetType().FullName ?? analyzer.ToString(), exception, diagnostic?.GetMessage(System.Globalization.CultureInfo.InvariantCulture))),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);

        progress.WriteLine($"[{folder}] analyzing...");
        watch.Restart();
        var analysis = await withAnalyzers.GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);
        result.AnalysisTime = watch.Elapsed;
        result.AnalyzerTimes = analyzers
            .Select(a => (a.GetType().Name, analysis.AnalyzerTelemetryInfo.TryGetValue(a, out var telemetry) ? telemetry.ExecutionTime : TimeSpan.Zero))
            .ToList();

        // For information only: how much of the folder binds against the BCL alone. A separate pass over the compilation.
        progress.WriteLine($"[{folder}] collecting compiler diagnostics...");
        watch.Restart();
        var compilerDiagnostics = compilation.GetDiagnostics(cancellationToken);
        result.CompilerTime = watch.Elapsed;
        var diagnostics = analysis.GetAllDiagnostics().Concat(compilerDiagnostics);

        var byTree = files.ToDictionary(f => f.Tree);
        var errors = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (ruleIds.Contains(diagnostic.Id))
            {
                var tree = diagnostic.Location.SourceTree;
                if (tree is not null && byTree.TryGetValue(tree, out var file))
                {
                    var start = diagnostic.Location.GetLineSpan().StartLinePosition;
                    result.Findings.Add(new Finding(result, file, diagnostic, start.Line + 1, start.Character + 1));
                }
                else
                {
                    result.OtherAnalyzerDiagnostics.Add(diagnostic);
                }
            }
            else if (diagnostic.Id.StartsWith("AD", StringComparison.Ordinal))
            {
                result.OtherAnalyzerDiagnostics.Add(diagnostic);
            }
            else if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                errors.Add(diagnostic);
            }
            else if (diagnostic.Severity == DiagnosticSeverity.Warning)
            {
                result.CompilerWarnings++;
            }
        }

        result.Findings.Sort(CompareFindings);
        result.Compilation = compilation;
        result.CompilerErrors = errors.Count;
        // The compiler reports in no fixed order under concurrent builds: sort, so the examples are stable.
        result.TopErrors = errors
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(5)
            .Select(g => (g.Key, g.Count(), g.First().GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        progress.WriteLine($"[{folder}] {result.CompilerErrors} compiler errors, {result.Findings.Count} GreedyTasks diagnostics; analysis {result.AnalysisTime.TotalSeconds:0.0} s, compiler diagnostics {result.CompilerTime.TotalSeconds:0.0} s");
        return result;
    }

    public static int CompareFindings(Finding x, Finding y)
    {
        var result = string.CompareOrdinal(x.File.RelativePath, y.File.RelativePath);
        if (result == 0)
        {
            result = x.Line.CompareTo(y.Line);
        }

        if (result == 0)
        {
            result = x.Column.CompareTo(y.Column);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(x.Id, y.Id);
        }

        return result == 0 ? string.CompareOrdinal(x.Message, y.Message) : result;
    }

    /// <summary>Every *.cs file under <paramref name="root"/>, skipping bin/, obj/ and .git/ and not following directory links.</summary>
    private static IEnumerable<string> EnumerateSourceFiles(string root)
    {
        var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false, AttributesToSkip = 0 };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(directory, "*", options))
            {
                if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                {
                    yield return file;
                }
            }

            foreach (var subdirectory in Directory.EnumerateDirectories(directory, "*", options))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(subdirectory)) && new DirectoryInfo(subdirectory).LinkTarget is null)
                {
                    pending.Push(subdirectory);
                }
            }
        }
    }

    /// <summary>
    /// Reads the *.csproj, *.props and *.targets files under <paramref name="root"/>: whether any sets ImplicitUsings
    /// to enable/true, and the global usings their &lt;Using Include="…"/&gt; items stand for (Alias and Static
    /// honoured; conditions and &lt;Using Remove&gt; ignored, so the folder gets the union of all projects).
    /// </summary>
    private static (bool ImplicitUsings, List<string> Items) ReadProjectUsings(string root)
    {
        var enabled = false;
        var items = new SortedSet<string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = true };
        foreach (var file in Directory.EnumerateFiles(root, "*", options))
        {
            if (!(file.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".targets", StringComparison.OrdinalIgnoreCase))
                || Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(SkippedDirectories.Contains))
            {
                continue;
            }

            XDocument document;
            try
            {
                document = XDocument.Load(file);
            }
            catch (Exception exception) when (exception is XmlException or IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var element in document.Descendants())
            {
                if (element.Name.LocalName == "ImplicitUsings" && element.Value.Trim() is var value
                    && (value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase)))
                {
                    enabled = true;
                }
                else if (element.Name.LocalName == "Using" && element.Attribute("Include")?.Value is { } include)
                {
                    var alias = element.Attribute("Alias")?.Value.Trim();
                    var isStatic = string.Equals(element.Attribute("Static")?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
                    foreach (var name in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (name.Contains('$') || name.Contains('@') || name.Contains('%'))
                        {
                            continue;
                        }

                        items.Add(!string.IsNullOrEmpty(alias) ? $"global using {alias} = global::{name};"
                            : isStatic ? $"global using static global::{name};"
                            : $"global using global::{name};");
                    }
                }
            }
        }

        return (enabled, items.ToList());
    }

    /// <summary>Lines on which a token starts: blank lines, comments, directives and inactive code do not count.</summary>
    private static int CountCodeLines(SyntaxTree tree, SourceText text, CancellationToken cancellationToken)
    {
        var lines = new HashSet<int>();
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            if (token.Span.Length > 0)
            {
                lines.Add(text.Lines.GetLineFromPosition(token.SpanStart).LineNumber);
            }
        }

        return lines.Count;
    }

    private static string AssemblyName(string root)
    {
        var name = new string(Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)).Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        return "Scanned_" + (name.Length == 0 ? "root" : name);
    }
}

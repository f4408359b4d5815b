using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GreedyTasks.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Tests.Reliability;

/// <summary>
/// A <see cref="TestInput"/> loaded into a workspace, with what every reliability test needs: run all analyzers
/// (recording exceptions instead of losing them) and the compiler's errors. Listing, applying and Fix All of code
/// actions are <see cref="GreedyTasks.Tooling.CodeActionRunner"/>'s, shared with the scanner. It holds the workspace,
/// because code actions need it alive until their operations are computed.
/// </summary>
internal sealed class ProjectUnderTest : IDisposable
{
    public const string TaskReturningMethodsKey = "greedy_tasks.task_returning_methods";

    /// <summary>The option that widens "async code" to Task-returning methods, which drives the make-async rewrites.</summary>
    public static readonly IReadOnlyDictionary<string, string> TaskReturningMethods =
        ImmutableDictionary<string, string>.Empty.Add(TaskReturningMethodsKey, "true");

    private readonly AdhocWorkspace _workspace;

    private ProjectUnderTest(AdhocWorkspace workspace, Project project)
    {
        _workspace = workspace;
        Project = project;
    }

    public Project Project { get; }

    public static async Task<ProjectUnderTest> CreateAsync(TestInput input)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Test", "Test", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(input.OutputKind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: await AnalyzerRunner.GetReferencesAsync()));
        foreach (var document in input.Documents)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), document.Path, SourceText.From(document.Text), filePath: document.Path);
        }

        return new ProjectUnderTest(workspace, solution.GetProject(projectId)!);
    }

    /// <summary>GT diagnostics and AD0001, sorted by position, plus every exception an analyzer threw.</summary>
    public static async Task<AnalysisResult> AnalyzeAsync(Project project, IReadOnlyDictionary<string, string>? options, bool concurrentAnalysis = false)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var compilation = (await project.GetCompilationAsync())!;
        var analyzerOptions = options is null
            ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)
            : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new AnalyzerRunner.FixedOptionsProvider(options));
        var withAnalyzers = compilation.WithAnalyzers(AnalyzerRunner.AllAnalyzers, new CompilationWithAnalyzersOptions(
            analyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(new AnalyzerException(analyzer, exception)),
            concurrentAnalysis: concurrentAnalysis,
            logAnalyzerExecutionTime: false));
        var diagnostics = (await withAnalyzers.GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id.StartsWith("GT", StringComparison.Ordinal) || d.Id == "AD0001")
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AnalysisResult(diagnostics, exceptions.ToImmutableArray());
    }

    /// <summary>Compiler errors, as "id: message" so that a fix moving code around does not count as a change.</summary>
    public static async Task<ImmutableArray<string>> CompilerErrorsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public static IEnumerable<CodeFixProvider> ProvidersFor(Diagnostic diagnostic) =>
        AnalyzerRunner.AllCodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id));

    /// <summary>The diagnostics of <paramref name="analysis"/> located in <paramref name="document"/>.</summary>
    public static async Task<ImmutableArray<Diagnostic>> InDocumentAsync(AnalysisResult analysis, Document document)
    {
        var tree = await document.GetSyntaxTreeAsync();
        return analysis.Diagnostics.Where(d => d.Location.SourceTree == tree).ToImmutableArray();
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>The outcome of one analyzer run.</summary>
    public sealed record AnalysisResult(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> Exceptions);

    /// <summary>An analyzer exception with the analyzer that threw it, so the report names the culprit.</summary>
    public sealed class AnalyzerException : Exception
    {
        public AnalyzerException(DiagnosticAnalyzer analyzer, Exception inner)
            : base($"{analyzer.GetType().Name} threw {inner.GetType().Name}: {inner.Message}", inner)
        {
        }
    }
}

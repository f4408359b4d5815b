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
/// A <see cref="TestInput"/> loaded into a workspace, with the primitives every reliability test needs: run all
/// analyzers (recording exceptions instead of losing them), list the code actions of a diagnostic, apply one, and
/// run Fix All for one equivalence key in one document. It holds the workspace, because code actions need it alive
/// until their operations are computed.
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

    public static async Task<ImmutableArray<CodeAction>> GetCodeActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions.ToImmutable();
    }

    /// <summary>The solution a code action produces, or null if it offers no change.</summary>
    public static async Task<Solution?> ApplyAsync(CodeAction action)
    {
        Solution? changed = null;
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            if (operation is ApplyChangesOperation apply)
            {
                changed = apply.ChangedSolution;
            }
        }

        return changed;
    }

    /// <summary>Fix All in one document for one equivalence key, as the IDE's "Fix all occurrences in document" does.</summary>
    public static async Task<Solution?> FixAllInDocumentAsync(CodeFixProvider provider, Document document, string equivalenceKey, ImmutableArray<Diagnostic> diagnostics)
    {
        var fixAllProvider = provider.GetFixAllProvider();
        if (fixAllProvider is null)
        {
            return null;
        }

        var context = new FixAllContext(document, provider, FixAllScope.Document, equivalenceKey, provider.FixableDiagnosticIds,
            new FixedDiagnosticProvider(diagnostics), CancellationToken.None);
        var action = await fixAllProvider.GetFixAsync(context);
        return action is null ? null : await ApplyAsync(action);
    }

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

    /// <summary>Hands Fix All exactly the diagnostics the test computed, instead of re-running analyzers.</summary>
    private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics)
        {
            _diagnostics = diagnostics;
        }

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}

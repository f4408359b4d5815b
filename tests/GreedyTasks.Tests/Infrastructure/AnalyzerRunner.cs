using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Tests.Infrastructure;

/// <summary>
/// Runs every GreedyTasks analyzer over source text that need not compile, and every code fix over what they
/// report, recording analyzer exceptions through <see cref="CompilationWithAnalyzersOptions"/> rather than letting
/// them become AD0001 diagnostics that a test might overlook.
/// </summary>
internal static class AnalyzerRunner
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(
        () => TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    /// <summary>The net8.0 reference assemblies every runner compiles against, resolved once per test run.</summary>
    public static Task<ImmutableArray<MetadataReference>> GetReferencesAsync() => References.Value;

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(GreedyTasks.Analyzers.DiagnosticIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> AllCodeFixes { get; } = typeof(GreedyTasks.CodeFixes.GreedyTasksCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> AnalyzerExceptions, int FixesApplied);

    /// <summary>Analyzes <paramref name="source"/>, then applies every offered code action; throws if anything throws.</summary>
    public static async Task<Result> RunAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, IReadOnlyDictionary<string, string>? options = null)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Test", "Test", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(outputKind, allowUnsafe: true),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                metadataReferences: await References.Value))
            .AddDocument(documentId, "Test.cs", SourceText.From(source));
        var document = solution.GetDocument(documentId)!;

        var diagnostics = await AnalyzeAsync(document.Project, exceptions, options);
        var fixes = 0;
        foreach (var diagnostic in diagnostics)
        {
            var provider = AllCodeFixes.FirstOrDefault(p => p.FixableDiagnosticIds.Contains(diagnostic.Id));
            if (provider is null)
            {
                continue;
            }

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
            foreach (var action in actions)
            {
                foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                {
                    if (operation is ApplyChangesOperation apply)
                    {
                        var changed = apply.ChangedSolution.GetDocument(documentId)!;
                        _ = await changed.GetSyntaxRootAsync();
                        fixes++;
                    }
                }
            }
        }

        return new Result(diagnostics, exceptions.ToList(), fixes);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, ConcurrentQueue<Exception> exceptions, IReadOnlyDictionary<string, string>? configuration)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var analyzerOptions = configuration is null
            ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)
            : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new FixedOptionsProvider(configuration));
        var options = new CompilationWithAnalyzersOptions(
            analyzerOptions,
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(AllAnalyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id.StartsWith("GT", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray();
    }

    /// <summary>The same .editorconfig-style options for every tree, as a .globalconfig would give.</summary>
    internal sealed class FixedOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly FixedOptions _options;

        public FixedOptionsProvider(IReadOnlyDictionary<string, string> values)
        {
            _options = new FixedOptions(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class FixedOptions : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _values;

            public FixedOptions(IReadOnlyDictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                if (_values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }

                value = null;
                return false;
            }
        }
    }
}

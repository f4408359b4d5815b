using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GreedyTasks.Tooling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Scan;

/// <summary>
/// Applies the GreedyTasks code fixes to the diagnostics of a scanned folder, one by one and with Fix All per
/// document, and asks the compiler whether the changed document has errors or warnings it did not have before.
/// A fix that breaks code is worse than no fix; this is how that is measured on code nobody here wrote.
/// </summary>
/// <remarks>
/// The folder's compilation is rebuilt as a project of an <see cref="AdhocWorkspace"/> (same trees, options and
/// references), and the analyzers run again on each document that had a diagnostic, so that the diagnostics belong
/// to the workspace's syntax trees as they do in the IDE. Errors and warnings are compared in the documents the fix
/// changed, errors as multisets of "ID: message" and warnings as multisets of IDs: a fix that only moves an existing
/// error adds nothing, one that adds an error anywhere in the document is counted. The fixes change only the
/// document they are applied in, which the check verifies.
/// </remarks>
internal sealed class FixChecker
{
    /// <summary>Lines of a changed region printed per side for a fix that added errors or warnings.</summary>
    private const int DiffLines = 12;

    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly ImmutableDictionary<string, CodeFixProvider> providers;
    private readonly AnalyzerOptions analyzerOptions;
    private readonly IReadOnlySet<string> ruleIds;

    public FixChecker(ImmutableArray<DiagnosticAnalyzer> analyzers, IEnumerable<CodeFixProvider> providers, AnalyzerOptions analyzerOptions, IReadOnlySet<string> ruleIds)
    {
        this.analyzers = analyzers;
        this.providers = providers
            .SelectMany(p => p.FixableDiagnosticIds.Select(id => (Id: id, Provider: p)))
            .ToImmutableDictionary(p => p.Id, p => p.Provider, StringComparer.Ordinal);
        this.analyzerOptions = analyzerOptions;
        this.ruleIds = ruleIds;
    }

    /// <summary>The rules that have a code fix.</summary>
    public IEnumerable<string> FixableIds => providers.Keys.Where(ruleIds.Contains).OrderBy(id => id, StringComparer.Ordinal);

    public async Task<FixCheckResult> CheckAsync(FolderResult folder, CSharpCompilation compilation, TextWriter progress, CancellationToken cancellationToken)
    {
        var result = new FixCheckResult(folder.Name);
        var paths = folder.Findings
            .Where(f => providers.ContainsKey(f.Id) && ruleIds.Contains(f.Id))
            .Select(f => f.File.Tree.FilePath)
            .ToHashSet(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            return result;
        }

        using var workspace = new AdhocWorkspace();
        var solution = CreateSolution(workspace, compilation);
        var project = solution.Projects.Single();
        var projectCompilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var withAnalyzers = projectCompilation!.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));

        var documents = project.Documents.Where(d => d.FilePath is not null && paths.Contains(d.FilePath)).OrderBy(d => d.FilePath, StringComparer.Ordinal).ToList();
        var done = 0;
        foreach (var document in documents)
        {
            var tree = (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            var diagnostics = (await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false))
                .Where(d => ruleIds.Contains(d.Id) && providers.ContainsKey(d.Id))
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ToList();
            var before = await CompilerDiagnosticsAsync(document, cancellationToken).ConfigureAwait(false);
            var relativePath = Path.GetRelativePath(folder.Root, document.FilePath!).Replace(Path.DirectorySeparatorChar, '/');

            foreach (var group in diagnostics.GroupBy(d => d.Id, StringComparer.Ordinal))
            {
                var provider = providers[group.Key];
                var counts = result.For(group.Key);
                var keys = new SortedSet<string>(StringComparer.Ordinal);
                var withoutFix = 0;
                foreach (var diagnostic in group)
                {
                    counts.Diagnostics++;
                    var actions = await CodeActionRunner.GetCodeActionsAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false);
                    if (actions.IsEmpty)
                    {
                        counts.WithoutFix++;
                        withoutFix++;
                        continue;
                    }

                    foreach (var action in actions)
                    {
                        if (action.EquivalenceKey is { } key)
                        {
                            keys.Add(key);
                        }

                        // One occurrence fixed: the rule should report one fewer in the document.
                        var changed = await CodeActionRunner.ApplyAsync(action, cancellationToken).ConfigureAwait(false);
                        var outcome = await CheckAsync(changed, action.Title, solution, document, before, relativePath, diagnostic, fixAll: false, 1, group.Count() - 1, cancellationToken).ConfigureAwait(false);
                        result.Record(counts, outcome, fixAll: false);
                    }
                }

                // Fix All in the document, once per kind of rewrite, where there is more than one occurrence to rewrite together.
                if (group.Count() > 1)
                {
                    foreach (var key in keys)
                    {
                        // Every occurrence that has a fix is fixed: only those without one should be left.
                        var changed = await CodeActionRunner.FixAllInDocumentAsync(provider, document, key, group.ToImmutableArray(), cancellationToken).ConfigureAwait(false);
                        var outcome = await CheckAsync(changed, $"Fix all '{key}'", solution, document, before, relativePath, group.First(), fixAll: true, group.Count(), withoutFix, cancellationToken).ConfigureAwait(false);
                        result.Record(counts, outcome, fixAll: true);
                    }
                }
            }

            done++;
            if (done % 25 == 0 || done == documents.Count)
            {
                progress.WriteLine($"[{folder.Name}] fixes checked in {done} of {documents.Count} documents");
            }
        }

        return result;
    }

    private static Solution CreateSolution(AdhocWorkspace workspace, CSharpCompilation compilation)
    {
        var projectId = ProjectId.CreateNewId();
        var documents = compilation.SyntaxTrees.Select(tree => DocumentInfo.Create(
            DocumentId.CreateNewId(projectId),
            Path.GetFileName(tree.FilePath),
            loader: TextLoader.From(TextAndVersion.Create(tree.GetText(), VersionStamp.Default, tree.FilePath)),
            filePath: tree.FilePath));
        var project = ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            compilation.AssemblyName!,
            compilation.AssemblyName!,
            LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: compilation.SyntaxTrees.First().Options,
            documents: documents,
            metadataReferences: compilation.References);
        return workspace.CurrentSolution.AddProject(project);
    }

    /// <summary>Judges the solution an action produced (<paramref name="changed"/>, null for none) against the document before it.</summary>
    private async Task<FixOutcome> CheckAsync(Solution? changed, string title, Solution solution, Document document, CompilerDiagnostics before, string relativePath, Diagnostic diagnostic, bool fixAll, int occurrences, int expectedLeft, CancellationToken cancellationToken)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        var changedIds = changed is null
            ? new List<DocumentId>()
            : changed.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true)).ToList();
        var outcome = new FixOutcome(relativePath, position.Line + 1, position.Character + 1, diagnostic.Id, title, fixAll, occurrences);
        if (changedIds.Count == 0)
        {
            outcome.Problems.Add("the action changed nothing");
            return outcome;
        }

        foreach (var id in changedIds)
        {
            if (id != document.Id)
            {
                outcome.Problems.Add($"the action changed another document: {changed!.GetDocument(id)?.FilePath}");
                continue;
            }

            var newDocument = changed!.GetDocument(id)!;
            var after = await CompilerDiagnosticsAsync(newDocument, cancellationToken).ConfigureAwait(false);
            var newText = await newDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
            outcome.NewErrors.AddRange(CodeActionRunner.Added(before.Errors, after.Errors, Key).Select(d => Describe(d, newText)));

            // Warnings by ID alone: a nullable warning names the member called, so the same warning on the awaited twin has another message.
            outcome.NewWarnings.AddRange(CodeActionRunner.Added(before.Warnings, after.Warnings, d => d.Id).Select(d => Describe(d, newText)));
            var left = await CountReportedAsync(newDocument, diagnostic.Id, cancellationToken).ConfigureAwait(false);
            if (left > expectedLeft)
            {
                outcome.StillReported = left - expectedLeft;
            }

            // Single fixes keep their changed lines, so a sample can show them for checking by hand (--sample).
            if (!outcome.IsClean || !fixAll)
            {
                outcome.Diff.AddRange(Diff(await document.GetTextAsync(cancellationToken).ConfigureAwait(false), newText));
            }
        }

        return outcome;
    }

    /// <summary>How many diagnostics of <paramref name="ruleId"/> the rule's analyzer reports in <paramref name="document"/>.</summary>
    private async Task<int> CountReportedAsync(Document document, string ruleId, CancellationToken cancellationToken)
    {
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var analyzer = analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == ruleId)).ToImmutableArray();
        var withAnalyzer = compilation!.WithAnalyzers(analyzer, new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = await withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzer.Compilation.GetSemanticModel(tree!), filterSpan: null, cancellationToken).ConfigureAwait(false);
        return diagnostics.Count(d => d.Id == ruleId);
    }

    private static async Task<CompilerDiagnostics> CompilerDiagnosticsAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = model!.GetDiagnostics(cancellationToken: cancellationToken);
        return new CompilerDiagnostics(
            diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList(),
            diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && !d.IsSuppressed).ToList());
    }

    private static string Key(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static string Describe(Diagnostic diagnostic, SourceText text)
    {
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        return $"line {line + 1}: {Key(diagnostic)}  |  {text.Lines[line].ToString().Trim()}";
    }

    /// <summary>The lines that differ between the two texts (after the common first and last lines), old ("-") then new ("+"), at most <see cref="DiffLines"/> each.</summary>
    private static IEnumerable<string> Diff(SourceText oldText, SourceText newText)
    {
        var oldLines = oldText.Lines;
        var newLines = newText.Lines;
        var prefix = 0;
        while (prefix < oldLines.Count && prefix < newLines.Count && oldLines[prefix].ToString() == newLines[prefix].ToString())
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < oldLines.Count - prefix && suffix < newLines.Count - prefix
            && oldLines[oldLines.Count - 1 - suffix].ToString() == newLines[newLines.Count - 1 - suffix].ToString())
        {
            suffix++;
        }

        for (var line = prefix; line < Math.Min(oldLines.Count - suffix, prefix + DiffLines); line++)
        {
            yield return "- " + oldLines[line].ToString().TrimEnd();
        }

        for (var line = prefix; line < Math.Min(newLines.Count - suffix, prefix + DiffLines); line++)
        {
            yield return "+ " + newLines[line].ToString().TrimEnd();
        }
    }

    private sealed record CompilerDiagnostics(List<Diagnostic> Errors, List<Diagnostic> Warnings);
}

using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Crosswalk;

/// <summary>
/// One diagnostic, reduced to what the crosswalk compares and prints. <see cref="Input"/> and <see cref="File"/>
/// together name one source file: two findings can overlap only when both match.
/// </summary>
/// <param name="Source">"sample" or "suite" (the TestInputCorpus source names).</param>
/// <param name="Input">The project the file belongs to: "GreedyWorker", or a snippet's "TestFile.cs:line".</param>
/// <param name="File">The document path inside that project.</param>
/// <param name="Line">1-based line of the span start.</param>
/// <param name="SourceLine">That line's text, trimmed, for examples.</param>
/// <param name="SpanText">The text the span covers, to show how peer and GT spans differ.</param>
/// <param name="Subject">What the diagnostic is about: the member called or accessed, or the statement kind (see <see cref="Subjects"/>).</param>
internal sealed record Finding(
    string Source,
    string Input,
    string File,
    string Id,
    TextSpan Span,
    int Line,
    string SourceLine,
    string SpanText,
    string Subject,
    CodeContext Context)
{
    public bool IsGreedyTasks => Id.StartsWith("GT", System.StringComparison.Ordinal);

    public bool SameFile(Finding other) => Input == other.Input && File == other.File;

    /// <summary>The overlap test of the issue: same file, and the spans intersect or one contains the other.</summary>
    public bool Overlaps(Finding other) =>
        SameFile(other) && (Span.OverlapsWith(other.Span) || Span.Contains(other.Span) || other.Span.Contains(Span));

    /// <summary>Where to look: a sample file and line, or the test file and line of the snippet's literal plus the line inside it.</summary>
    public string Where => Source == "sample" ? $"samples/GreedyWorker/{File}:{Line}" : $"tests/{Input} (snippet line {Line})";
}

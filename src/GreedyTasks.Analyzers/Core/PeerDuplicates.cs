using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The diagnostics of other analyzer packages that say what a GreedyTasks call-site rule says about the same call.
/// docs/crosswalk.md describes each from a run of the peer packages over the same code.
/// </summary>
internal static class PeerDuplicates
{
    /// <summary>
    /// The peer rules whose diagnostic is a duplicate when a GreedyTasks call-site rule reports the same call:
    /// vs-threading VSTHRD002 and VSTHRD103, NetAnalyzers CA1849, Meziantou MA0042 and MA0045, AsyncFixer02,
    /// Sonar S4462 and S6966, ErrorProne.NET EPC33 and EPC35. Which GreedyTasks rule reports does not matter (Sonar's
    /// S4462, for one, covers both <c>.Result</c> and <c>Thread.Sleep</c>); the same call does.
    /// </summary>
    public static ImmutableArray<string> PeerIds { get; } = ImmutableArray.Create(
        "VSTHRD002", "VSTHRD103", "CA1849", "MA0042", "MA0045", "AsyncFixer02", "S4462", "S6966", "EPC33", "EPC35");

    /// <summary>GreedyTasks' call-site rules: each names one blocking call, as the peer rules do. Loops (GT0004, GT0005) are not calls.</summary>
    public static ImmutableHashSet<string> CallSiteRules { get; } = ImmutableHashSet.Create(
        System.StringComparer.Ordinal, DiagnosticIds.BlockingWait, DiagnosticIds.ThreadSleep, DiagnosticIds.AsyncAlternative, DiagnosticIds.BlockingPrimitive);

    /// <summary>One suppression per peer id, in <see cref="PeerIds"/> order; the ids are GTS_ + the peer id, so a SARIF log says what was hidden.</summary>
    public static ImmutableArray<SuppressionDescriptor> Suppressions { get; } = PeerIds.Select(peerId => new SuppressionDescriptor(
        "GTS_" + peerId,
        peerId,
        $"A GreedyTasks rule reports the same call; {OptionKeys.SuppressDuplicatePeerDiagnostics} = true hides the duplicate")).ToImmutableArray();

    /// <summary>Peer id → its suppression.</summary>
    public static ImmutableDictionary<string, SuppressionDescriptor> SuppressionsByPeerId { get; } =
        Suppressions.ToImmutableDictionary(s => s.SuppressedDiagnosticId, System.StringComparer.Ordinal);
}

using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Crosswalk;

/// <summary>
/// How a peer diagnostic's span lies against an overlapping GreedyTasks span. A suppressor that hides duplicates
/// must accept every relation that occurs, so the report counts each one.
/// </summary>
internal enum SpanRelation
{
    Identical,
    PeerInsideGreedyTasks,
    GreedyTasksInsidePeer,
    Partial,
}

internal static class SpanRelations
{
    /// <summary>Classifies two spans already known to overlap. "Inside" means strictly inside (the spans differ).</summary>
    public static SpanRelation Classify(TextSpan peer, TextSpan greedyTasks) =>
        peer == greedyTasks ? SpanRelation.Identical
        : greedyTasks.Contains(peer) ? SpanRelation.PeerInsideGreedyTasks
        : peer.Contains(greedyTasks) ? SpanRelation.GreedyTasksInsidePeer
        : SpanRelation.Partial;

    public static string Describe(SpanRelation relation) => relation switch
    {
        SpanRelation.Identical => "identical",
        SpanRelation.PeerInsideGreedyTasks => "peer inside GT",
        SpanRelation.GreedyTasksInsidePeer => "GT inside peer",
        _ => "partial",
    };
}

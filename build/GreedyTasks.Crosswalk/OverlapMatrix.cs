using System;
using System.Collections.Generic;
using System.Linq;

namespace GreedyTasks.Crosswalk;

/// <summary>The counts of one peer rule against all GreedyTasks rules.</summary>
/// <param name="OverlappingByGreedyTasks">Per GT rule, how many of this rule's findings overlap one of its findings (a finding can count under several).</param>
/// <param name="Relations">Per overlapping (peer, GT) pair, how the spans relate; keyed by GT rule.</param>
/// <param name="ClosestRelations">Per overlapping peer finding, its closest GT match (identical first, then peer inside GT, GT inside peer, partial).</param>
internal sealed record PeerRuleCounts(
    PeerRule Rule,
    int Total,
    int Overlapping,
    IReadOnlyDictionary<string, int> OverlappingByGreedyTasks,
    int PeerOnly,
    IReadOnlyDictionary<CodeContext, int> PeerOnlyByContext,
    IReadOnlyDictionary<string, IReadOnlyDictionary<SpanRelation, int>> Relations,
    IReadOnlyDictionary<SpanRelation, int> ClosestRelations);

/// <summary>The counts of one GreedyTasks rule: its total, and per peer rule how many of its findings that rule does not overlap.</summary>
internal sealed record GreedyTasksRuleCounts(string Id, int Total, IReadOnlyDictionary<string, int> OnlyVersusPeer, int OnlyVersusAllPeers);

/// <summary>
/// Matches peer findings with GreedyTasks findings of the same file whose spans overlap (<see cref="Finding.Overlaps"/>)
/// and counts, both ways, what is shared and what only one side reports.
/// </summary>
internal sealed class OverlapMatrix
{
    // By reference: two diagnostics of one rule on one span are two findings, not one.
    private readonly Dictionary<Finding, List<Finding>> overlapsOfPeer = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Finding, List<Finding>> overlapsOfGreedyTasks = new(ReferenceEqualityComparer.Instance);

    public OverlapMatrix(IReadOnlyList<Finding> findings, IReadOnlyList<string> greedyTasksIds)
    {
        Findings = findings;
        foreach (var file in findings.GroupBy(f => (f.Input, f.File)))
        {
            var greedyTasks = file.Where(f => f.IsGreedyTasks).ToList();
            foreach (var finding in greedyTasks)
            {
                overlapsOfGreedyTasks[finding] = new List<Finding>();
            }

            foreach (var peer in file.Where(f => !f.IsGreedyTasks))
            {
                var matches = greedyTasks.Where(peer.Overlaps).ToList();
                overlapsOfPeer[peer] = matches;
                foreach (var match in matches)
                {
                    overlapsOfGreedyTasks[match].Add(peer);
                }
            }
        }

        Peers = PeerRule.All.Select(rule => CountPeer(rule, greedyTasksIds)).ToList();
        GreedyTasksRules = greedyTasksIds.Select(CountGreedyTasks).ToList();
    }

    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<PeerRuleCounts> Peers { get; }

    public IReadOnlyList<GreedyTasksRuleCounts> GreedyTasksRules { get; }

    /// <summary>Findings of <paramref name="peerId"/> that overlap no GreedyTasks finding.</summary>
    public IEnumerable<Finding> PeerOnly(string peerId) =>
        Findings.Where(f => f.Id == peerId && overlapsOfPeer[f].Count == 0);

    /// <summary>Findings of <paramref name="greedyTasksId"/> that no finding of <paramref name="peerId"/> overlaps.</summary>
    public IEnumerable<Finding> GreedyTasksOnly(string greedyTasksId, string peerId) =>
        Findings.Where(f => f.Id == greedyTasksId && !overlapsOfGreedyTasks[f].Any(p => p.Id == peerId));

    /// <summary>Findings of <paramref name="greedyTasksId"/> that no compared peer rule overlaps at all.</summary>
    public IEnumerable<Finding> GreedyTasksOnlyVersusAll(string greedyTasksId) =>
        Findings.Where(f => f.Id == greedyTasksId && overlapsOfGreedyTasks[f].Count == 0);

    /// <summary>Overlapping pairs of one peer rule and one GreedyTasks rule.</summary>
    public IEnumerable<(Finding Peer, Finding GreedyTasks)> Pairs(string peerId, string greedyTasksId) =>
        Findings.Where(f => f.Id == peerId).SelectMany(p => overlapsOfPeer[p].Where(g => g.Id == greedyTasksId).Select(g => (p, g)));

    private PeerRuleCounts CountPeer(PeerRule rule, IReadOnlyList<string> greedyTasksIds)
    {
        var own = Findings.Where(f => f.Id == rule.Id).ToList();
        var overlapping = own.Where(f => overlapsOfPeer[f].Count > 0).ToList();
        var byGreedyTasks = greedyTasksIds.ToDictionary(id => id, id => overlapping.Count(f => overlapsOfPeer[f].Any(g => g.Id == id)), StringComparer.Ordinal);
        var peerOnly = own.Where(f => overlapsOfPeer[f].Count == 0).ToList();
        var byContext = peerOnly.GroupBy(f => f.Context).ToDictionary(g => g.Key, g => g.Count());
        var relations = greedyTasksIds.ToDictionary(
            id => id,
            id => (IReadOnlyDictionary<SpanRelation, int>)Pairs(rule.Id, id)
                .GroupBy(pair => SpanRelations.Classify(pair.Peer.Span, pair.GreedyTasks.Span))
                .ToDictionary(g => g.Key, g => g.Count()),
            StringComparer.Ordinal);
        // Nested calls (t.Result inside F(t.Result).Result) pair one peer finding with several GT findings; the closest
        // match says which relation a duplicate check must accept to catch every duplicate.
        var closest = overlapping
            .GroupBy(f => overlapsOfPeer[f].Min(g => SpanRelations.Classify(f.Span, g.Span)))
            .ToDictionary(g => g.Key, g => g.Count());
        return new PeerRuleCounts(rule, own.Count, overlapping.Count, byGreedyTasks, peerOnly.Count, byContext, relations, closest);
    }

    private GreedyTasksRuleCounts CountGreedyTasks(string id)
    {
        var own = Findings.Where(f => f.Id == id).ToList();
        var onlyVersus = PeerRule.All.ToDictionary(
            rule => rule.Id,
            rule => own.Count(f => !overlapsOfGreedyTasks[f].Any(p => p.Id == rule.Id)),
            StringComparer.Ordinal);
        return new GreedyTasksRuleCounts(id, own.Count, onlyVersus, own.Count(f => overlapsOfGreedyTasks[f].Count == 0));
    }
}

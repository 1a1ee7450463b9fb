using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Embedded;

// Entity resolution: judgements and merges are writes like the others (under the write lock, committed to the file with
// the facts they move, then applied to the indexes); candidates are read from the resolution index.
public sealed partial class EmbeddedGraphStore : IResolutionStore
{
    public Task<IReadOnlyDictionary<string, string>> Canonicals(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        Read(() => (IReadOnlyDictionary<string, string>)ids.Distinct(StringComparer.Ordinal)
            .Select(id => (id, root: resolution.Root(id))).Where(p => p.root != p.id).ToDictionary(p => p.id, p => p.root, StringComparer.Ordinal));

    public Task<Page<ListedCandidate>> Candidates(NodeLabel label, double minScore, int page, int pageSize, CancellationToken ct) => Read(() =>
    {
        var (skip, take) = GraphOrder.Slice(page, pageSize);
        var items = new List<ListedCandidate>();
        var total = 0;
        foreach (var c in resolution.Ranked)
        {
            if (c.Score < minScore) break;
            if (index.Find(label, c.A) is not { } a || index.Find(label, c.B) is not { } b) continue;
            if (total >= skip && items.Count < take) items.Add(new ListedCandidate(a, b, c.Score, c.Reasons));
            total++;
        }
        return new Page<ListedCandidate>(items, page, pageSize, total);
    });

    public Task<JudgeOutcome> Judge(string a, string b, JudgementKind kind, bool automatic, string? reason, CancellationToken ct)
    {
        lock (writeLock)
        {
            var (ra, rb) = (resolution.Root(a), resolution.Root(b));
            if (!index.Nodes.TryGetValue(ra, out var na)) return Task.FromResult<JudgeOutcome>(new JudgeOutcome.Unknown(a, "a"));
            if (!index.Nodes.TryGetValue(rb, out var nb)) return Task.FromResult<JudgeOutcome>(new JudgeOutcome.Unknown(b, "b"));
            if (ResolutionRules.Refusal(a, b, na, nb, kind, resolution.JudgementOf(a, b)) is { } refused) return Task.FromResult(refused);
            var (first, second) = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (kind != JudgementKind.Same)
            {
                var judgement = new Judgement(first, second, kind, null, null, automatic, reason);
                Publish(judgements: [judgement]);
                return Task.FromResult<JudgeOutcome>(new JudgeOutcome.Judged(judgement));
            }
            var winner = CanonicalChoice.Winner(na, nb, index.Nodes.GetValueOrDefault);
            var loser = winner == na ? nb : na;
            var change = MergePlan.Merge(winner, loser, [.. index.EdgesOf(loser.Id)], e => index.Edge(e.From, e.Type, e.To), Published);
            var merge = new Judgement(first, second, kind, winner.Id, loser.Id, automatic, reason);
            Publish(change.Nodes, change.Edges, change.DeletedNodes, change.DeletedEdges, [merge]);
            return Task.FromResult<JudgeOutcome>(new JudgeOutcome.Judged(merge));
        }
    }

    public Task<UndoOutcome> Undo(string a, string b, CancellationToken ct)
    {
        lock (writeLock)
        {
            if (resolution.JudgementOf(a, b) is not { } judgement) return Task.FromResult<UndoOutcome>(new UndoOutcome.NotJudged());
            var top = judgement.Merged is { } merged ? resolution.Root(merged) : null;
            if (top is null || !index.Nodes.ContainsKey(top))
            {
                // Not a merge (the pair may be proposed again), or its canonical node is gone with everything on it.
                Publish(deletedJudgements: [judgement.Pair]);
                Rescore([judgement.A, judgement.B]);
                return Task.FromResult<UndoOutcome>(new UndoOutcome.Undone(judgement));
            }
            merged = judgement.Merged!;
            var change = MergePlan.Unmerge(index.Nodes[top], merged, resolution.Subtree(merged), [.. index.EdgesOf(top)],
                id => resolution.Root(id, unless: merged), Published);
            Publish(change.Nodes, change.Edges, change.DeletedNodes, change.DeletedEdges, deletedJudgements: [judgement.Pair]);
            return Task.FromResult<UndoOutcome>(new UndoOutcome.Undone(judgement));
        }
    }

    /// <summary>Scores these nodes' pairs again (a judgement that kept a pair apart is gone).</summary>
    private void Rescore(IEnumerable<string> ids)
    {
        gate.EnterWriteLock();
        try
        {
            resolution.Refresh([.. ids.Select(id => index.Nodes.GetValueOrDefault(resolution.Root(id))).OfType<GraphNode>()], []);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>The embedded store keeps candidates up to date in every write (<see cref="Publish"/>): this only answers the pairs to merge.</summary>
    public Task<IReadOnlyList<MatchCandidate>> Refresh(IReadOnlyCollection<string> ids, double? autoMergeScore, CancellationToken ct) =>
        Read(() => (IReadOnlyList<MatchCandidate>)[.. ids.SelectMany(resolution.CandidatesOf).DistinctBy(c => c.Pair)
            .Where(c => ResolutionRules.MergesAutomatically(c, autoMergeScore) && resolution.JudgementOf(c.A, c.B) is null)]);
}

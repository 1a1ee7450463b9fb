using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// The embedded store's entity-resolution state, beside its <see cref="GraphIndex"/> and changed with it: the judgements
/// (durable in the file), which id each merged id now is, the blocking index (key → actors) and the scored candidate
/// pairs, kept best first. A write re-blocks and re-scores only the actors it touched, against their blocks: its cost
/// is theirs, never the graph's.
/// </summary>
internal sealed class ResolutionIndex
{
    private readonly Dictionary<string, Judgement> judgements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> mergedInto = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> mergedFrom = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> blocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MatchFeatures> features = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MatchCandidate> candidates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> pairsOf = new(StringComparer.Ordinal);
    private readonly SortedSet<MatchCandidate> ranked = new(BestFirst.Instance);

    public Judgement? JudgementOf(string a, string b) => judgements.GetValueOrDefault(Matching.Pair(a, b));

    /// <summary>Every judgement, in no order.</summary>
    public IEnumerable<Judgement> All => judgements.Values;

    /// <summary>The node a merged id now is (following merges of merges); the id itself when it is not merged.</summary>
    public string Root(string id, string? unless = null)
    {
        for (var hops = 0; hops < 1000 && id != unless && mergedInto.TryGetValue(id, out var next); hops++) id = next;
        return id;
    }

    /// <summary>An id and every id merged into it, directly or through others.</summary>
    public HashSet<string> Subtree(string id)
    {
        var all = new HashSet<string>(StringComparer.Ordinal) { id };
        var queue = new Queue<string>([id]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in mergedFrom.GetValueOrDefault(next) ?? []) if (all.Add(child)) queue.Enqueue(child);
        }
        return all;
    }

    public IEnumerable<MatchCandidate> Ranked => ranked;

    public IEnumerable<MatchCandidate> CandidatesOf(string id) =>
        (pairsOf.GetValueOrDefault(id) ?? []).Select(p => candidates[p]);

    public void Put(Judgement judgement)
    {
        judgements[judgement.Pair] = judgement;
        if (judgement is { Kind: JudgementKind.Same, Merged: { } merged, Canonical: { } canonical })
        {
            mergedInto[merged] = canonical;
            (mergedFrom.TryGetValue(canonical, out var set) ? set : mergedFrom[canonical] = new(StringComparer.Ordinal)).Add(merged);
        }
        if (judgement.Kind == JudgementKind.NotSame) Drop(judgement.Pair);
    }

    public void Remove(string pair)
    {
        if (!judgements.Remove(pair, out var judgement)) return;
        if (judgement is { Merged: { } merged, Canonical: { } canonical })
        {
            mergedInto.Remove(merged);
            if (mergedFrom.TryGetValue(canonical, out var set) && set.Remove(merged) && set.Count == 0) mergedFrom.Remove(canonical);
        }
    }

    /// <summary>Re-blocks and re-scores the given nodes (actors: others and deleted ids just lose their keys and pairs).</summary>
    public void Refresh(IEnumerable<GraphNode> upserted, IEnumerable<string> deleted) => Refresh(Prepare(upserted), deleted);

    /// <summary>
    /// The written nodes' ids, with an actor's match features (its names folded and split into keys): computed from the
    /// nodes alone, touching nothing readers see, so the store does it before taking its write lock.
    /// </summary>
    public static IReadOnlyList<(string Id, MatchFeatures? Features)> Prepare(IEnumerable<GraphNode> upserted) =>
        [.. upserted.Select(n => (n.Id, n.Label == NodeLabel.Actor ? Matching.Of(n) : null))];

    /// <summary>Re-blocks and re-scores prepared nodes (<see cref="Prepare"/>).</summary>
    public void Refresh(IReadOnlyList<(string Id, MatchFeatures? Features)> upserted, IEnumerable<string> deleted)
    {
        var touched = new List<MatchFeatures>();
        foreach (var id in deleted) Unblock(id);
        foreach (var (id, prepared) in upserted)
        {
            Unblock(id);
            if (prepared is not { } f) continue;
            features[id] = f;
            foreach (var key in f.BlockKeys)
            {
                (blocks.TryGetValue(key, out var set) ? set : blocks[key] = new(StringComparer.Ordinal)).Add(id);
            }
            touched.Add(f);
        }
        foreach (var f in touched) Score(f);
    }

    private void Score(MatchFeatures f)
    {
        var others = Matching.Others(f, key => blocks.TryGetValue(key, out var members) ? (members, members.Count) : null);
        foreach (var other in others)
        {
            if (!features.TryGetValue(other, out var g) || Matching.Score(f, g) is not { } candidate) continue;
            if (candidate.Score < Matching.MinCandidateScore && !candidate.Certain) continue;
            if (judgements.GetValueOrDefault(candidate.Pair)?.Kind == JudgementKind.NotSame) continue;
            Drop(candidate.Pair);
            candidates[candidate.Pair] = candidate;
            ranked.Add(candidate);
            Link(candidate.A, candidate.Pair);
            Link(candidate.B, candidate.Pair);
        }
    }

    private void Unblock(string id)
    {
        if (features.Remove(id, out var old))
        {
            foreach (var key in old.BlockKeys)
            {
                if (blocks.TryGetValue(key, out var set) && set.Remove(id) && set.Count == 0) blocks.Remove(key);
            }
        }
        foreach (var pair in (pairsOf.GetValueOrDefault(id) ?? []).ToList()) Drop(pair);
    }

    private void Drop(string pair)
    {
        if (!candidates.Remove(pair, out var candidate)) return;
        ranked.Remove(candidate);
        Unlink(candidate.A, pair);
        Unlink(candidate.B, pair);
    }

    private void Link(string id, string pair) => (pairsOf.TryGetValue(id, out var set) ? set : pairsOf[id] = new(StringComparer.Ordinal)).Add(pair);

    private void Unlink(string id, string pair)
    {
        if (pairsOf.TryGetValue(id, out var set) && set.Remove(pair) && set.Count == 0) pairsOf.Remove(id);
    }

    /// <summary>Best score first, then by the pair's ids.</summary>
    private sealed class BestFirst : IComparer<MatchCandidate>
    {
        public static readonly BestFirst Instance = new();

        public int Compare(MatchCandidate? x, MatchCandidate? y) =>
            y!.Score.CompareTo(x!.Score) is var byScore and not 0 ? byScore : string.CompareOrdinal(x.Pair, y.Pair);
    }
}

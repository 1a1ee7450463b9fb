using System.Text.Json;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Neo4j;

// Entity resolution on Neo4j. Judgements, blocking keys and candidate pairs are nodes outside the graph (no Node label,
// no relationships), like citations. A merge and its undo are computed writes (Neo4jGraphStore.Claims.cs): read the two
// nodes, their relationships and claims; compute the change with MergePlan, shared with the embedded store; then one
// request locks, checks the revisions it read, writes the change and the judgement together, or nothing.
public sealed partial class Neo4jGraphStore : IResolutionStore
{
    /// <summary>How deep merges of merges are followed: far more than any real chain.</summary>
    private const int MaxMergeDepth = 32;

    public async Task<IReadOnlyDictionary<string, string>> Canonicals(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var parents = await Parents(ids, ct);
        return ids.Distinct(StringComparer.Ordinal).Where(parents.ContainsKey)
            .ToDictionary(id => id, id => Root(parents, id), StringComparer.Ordinal);
    }

    /// <summary>The merge links (merged id → the node it was merged into) that lead up from these ids.</summary>
    private async Task<Dictionary<string, string>> Parents(IEnumerable<string> ids, CancellationToken ct)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var asking = ids.Distinct(StringComparer.Ordinal).ToArray();
        for (var depth = 0; depth < MaxMergeDepth && asking.Length > 0; depth++)
        {
            var result = await client.Run(new CypherStatement(CypherQueries.Get("MergedInto"), Params(("ids", asking))), ct);
            var found = result.Column("merged").Zip(result.Column("canonical"), (m, c) => (m.GetString()!, c.GetString()!)).ToList();
            foreach (var (merged, canonical) in found) parents[merged] = canonical;
            asking = [.. found.Select(f => f.Item2).Where(c => !parents.ContainsKey(c)).Distinct(StringComparer.Ordinal)];
        }
        return parents;
    }

    private static string Root(Dictionary<string, string> parents, string id, string? unless = null)
    {
        for (var hops = 0; hops < MaxMergeDepth && id != unless && parents.TryGetValue(id, out var next); hops++) id = next;
        return id;
    }

    public async Task<Page<ListedCandidate>> Candidates(NodeLabel label, double minScore, int page, int pageSize, CancellationToken ct)
    {
        var (skip, take) = GraphOrder.Slice(page, pageSize);
        var results = await client.Run(
        [
            new CypherStatement(CypherQueries.Get("ListCandidates"), Params(("minScore", minScore), ("skip", skip), ("limit", take))),
            new CypherStatement(CypherQueries.Get("CountCandidates"), Params(("minScore", minScore))),
        ], ct);
        var list = results[0];
        var items = list.Column("a").Zip(list.Column("b"), list.Column("score").Zip(list.Column("reasons")))
            .Where(r => GraphRows.Exists(r.First) && GraphRows.Exists(r.Second))
            .Select(r => new ListedCandidate(GraphRows.Node(r.First), GraphRows.Node(r.Second), r.Third.First.GetDouble(), PropertyValues.Strings(r.Third.Second)))
            .ToList();
        return new Page<ListedCandidate>(items, page, pageSize, results[1].Column("total").Single().GetInt32());
    }

    private async Task<Judgement?> JudgementOf(string pair, CancellationToken ct) =>
        (await client.Run(new CypherStatement(CypherQueries.Get("JudgementsByPair"), Params(("pairs", new[] { pair }))), ct))
            .Column("judgement").Select(ReadJudgement).FirstOrDefault();

    private static Judgement ReadJudgement(JsonElement j)
    {
        string? S(string name) => j.GetProperty(name).ValueKind == JsonValueKind.String ? j.GetProperty(name).GetString() : null;
        var kind = S("kind") switch { "same" => JudgementKind.Same, "not-same" => JudgementKind.NotSame, _ => JudgementKind.Unsure };
        return new Judgement(S("a")!, S("b")!, kind, S("canonical"), S("merged"), j.GetProperty("automatic").ValueKind == JsonValueKind.True, S("reason"));
    }

    private static CypherStatement SetJudgement(Judgement j) => new(CypherQueries.Get("SetJudgement"), Params(("row", new Dictionary<string, object?>
    {
        ["pair"] = j.Pair, ["a"] = j.A, ["b"] = j.B, ["kind"] = ResolutionRules.Name(j.Kind), ["canonical"] = j.Canonical,
        ["merged"] = j.Merged, ["automatic"] = j.Automatic, ["reason"] = j.Reason,
    })));

    public async Task<JudgeOutcome> Judge(string a, string b, JudgementKind kind, bool automatic, string? reason, CancellationToken ct)
    {
        JudgeOutcome outcome;
        await writeGate.WaitAsync(ct);
        try
        {
            outcome = await JudgeOnce(a, b, kind, automatic, reason, ct);
        }
        finally
        {
            writeGate.Release();
        }
        if (outcome is JudgeOutcome.Judged { Judgement: var j })
        {
            await RefreshCandidates(j.Merged is null ? [] : [j.Canonical!, j.Merged], j.Kind == JudgementKind.NotSame ? [j.Pair] : [], ct);
        }
        return outcome;
    }

    private async Task<JudgeOutcome> JudgeOnce(string a, string b, JudgementKind kind, bool automatic, string? reason, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var parents = await Parents([a, b], ct);
            var (ra, rb) = (Root(parents, a), Root(parents, b));
            var nodes = await NodesByIds([ra, rb], ct);
            if (nodes.Find(n => n.Id == ra) is not { } na) return new JudgeOutcome.Unknown(a, "a");
            if (nodes.Find(n => n.Id == rb) is not { } nb) return new JudgeOutcome.Unknown(b, "b");
            var pair = Matching.Pair(a, b);
            if (ResolutionRules.Refusal(a, b, na, nb, kind, await JudgementOf(pair, ct)) is { } refused) return refused;
            var (first, second) = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (kind != JudgementKind.Same)
            {
                var judgement = new Judgement(first, second, kind, null, null, automatic, reason);
                await client.Run([SetJudgement(judgement)], ct, write: true);
                return new JudgeOutcome.Judged(judgement);
            }
            // The merge: both nodes with their claims, the loser's relationships, and those they become on the winner.
            var sources = na.Evidence.Concat(nb.Evidence).Select(e => e.SourceId).Distinct(StringComparer.Ordinal);
            var before = await ReadFacts([ra, rb, .. sources], [], ct);
            var winner = CanonicalChoice.Winner(before.Nodes[ra], before.Nodes[rb], before.Nodes.GetValueOrDefault);
            var loser = winner.Id == ra ? before.Nodes[rb] : before.Nodes[ra];
            var loserEdges = (await client.Run(new CypherStatement(CypherQueries.Get("EdgeKeysOf"), Params(("ids", new[] { loser.Id }))), ct))
                .Column("edge").Select(GraphRows.Edge).ToList();
            var moved = loserEdges.Select(e => e with { From = e.From == loser.Id ? winner.Id : e.From, To = e.To == loser.Id ? winner.Id : e.To });
            var state = await ReadFacts([ra, rb, .. sources], [.. loserEdges, .. moved], ct);
            if (state.RevisionOf(ra) != before.RevisionOf(ra) || state.RevisionOf(rb) != before.RevisionOf(rb)) continue;
            var change = MergePlan.Merge(state.Nodes[winner.Id], state.Nodes[loser.Id], [.. loserEdges.Select(e => state.Edges.GetValueOrDefault(e.Id) ?? e)],
                e => state.Edges.GetValueOrDefault(e.Id), state.PublishedOf);
            var merge = new Judgement(first, second, kind, winner.Id, loser.Id, automatic, reason);
            try
            {
                await client.Run([.. ChangeStatements(change, state, [winner.Id, loser.Id]), SetJudgement(merge)], ct, write: true);
                return new JudgeOutcome.Judged(merge);
            }
            catch (Neo4jGuardException e)
            {
                await PauseOrThrow(attempt, e, ct);
                logger.LogDebug(e, "Merging {Loser} into {Winner}: a concurrent write changed them; reading again", loser.Id, winner.Id);
            }
        }
    }

    /// <summary>
    /// The statements of a merge or its undo, after the locks and the revision checks of what was read: the changed and
    /// deleted facts' citations go (the change writes the claims anew, each with its origin), then the deletes and the writes.
    /// </summary>
    private static IEnumerable<CypherStatement> ChangeStatements(ResolutionChange change, FactState state, IEnumerable<string> lockedIds)
    {
        var edges = change.Edges.Concat(change.DeletedEdges).DistinctBy(e => e.Id).ToList();
        var known = edges.Where(e => state.Edges.ContainsKey(e.Id)).ToList();
        return
        [
            LockNodes([.. lockedIds, .. edges.SelectMany(e => new[] { e.From, e.To })]),
            GuardNodeRevisions(change.Nodes.Select(n => n.Id).Concat(change.DeletedNodes).Where(state.Nodes.ContainsKey), state.RevisionOf),
            GuardEdgeRevisions(known, state.RevisionOf),
            new CypherStatement(CypherQueries.Get("DeleteFactCitations"), Params(("ids",
                change.Nodes.Select(n => n.Id).Concat(change.DeletedNodes).Concat(edges.Select(e => e.Id)).Distinct(StringComparer.Ordinal).ToArray()))),
            new CypherStatement(CypherQueries.Get("DeleteEdges"), Params(("edges", change.DeletedEdges.Select(EdgeKey).ToArray()))),
            new CypherStatement(CypherQueries.Get("DeleteNodes"), Params(("ids", change.DeletedNodes.ToArray()))),
            new CypherStatement(CypherQueries.Get("DeleteSearchKeysOfMissingActors"), Params(("ids", change.DeletedNodes.ToArray()))),
            .. SetFacts(change.Nodes, change.Edges, state.RevisionOf),
        ];
    }

    public async Task<UndoOutcome> Undo(string a, string b, CancellationToken ct)
    {
        UndoOutcome outcome;
        var refresh = new List<string>();
        await writeGate.WaitAsync(ct);
        try
        {
            outcome = await UndoOnce(a, b, refresh, ct);
        }
        finally
        {
            writeGate.Release();
        }
        if (refresh.Count > 0) await RefreshCandidates(refresh, [], ct);
        return outcome;
    }

    private async Task<UndoOutcome> UndoOnce(string a, string b, List<string> refresh, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await JudgementOf(Matching.Pair(a, b), ct) is not { } judgement) return new UndoOutcome.NotJudged();
            var delete = new CypherStatement(CypherQueries.Get("DeleteJudgement"), Params(("pair", judgement.Pair)));
            var top = judgement.Merged is { } merged ? Root(await Parents([merged], ct), merged) : null;
            var state = top is null ? null : await ReadFacts([top], [], ct);
            if (judgement.Merged is null || state is null || !state.Nodes.TryGetValue(top!, out var canonical))
            {
                // Not a merge (the pair may be proposed again), or its canonical node is gone with everything on it.
                await client.Run([delete], ct, write: true);
                var links = await Parents([judgement.A, judgement.B], ct);
                refresh.AddRange([Root(links, judgement.A), Root(links, judgement.B)]);
                return new UndoOutcome.Undone(judgement);
            }
            var returning = await Subtree(judgement.Merged, ct);
            var edgeKeys = (await client.Run(new CypherStatement(CypherQueries.Get("EdgeKeysOf"), Params(("ids", new[] { top! }))), ct))
                .Column("edge").Select(GraphRows.Edge).ToList();
            state = await ReadFacts([top!], edgeKeys, ct);
            canonical = state.Nodes[top!];
            // Where each original end of the canonical node's relationships resolves once this merge is undone.
            var ends = state.Edges.Values.SelectMany(e => e.Claims.Select(c => c.Origin).Concat(e.Evidence.Select(x => x.Origin)))
                .OfType<string>().SelectMany(o => { var (f, t) = Origins.Ends(o); return new[] { f, t }; }).Distinct(StringComparer.Ordinal).ToList();
            var parents = await Parents(ends, ct);
            var change = MergePlan.Unmerge(canonical, judgement.Merged, returning, [.. state.Edges.Values],
                id => Root(parents, id, unless: judgement.Merged), state.PublishedOf);
            try
            {
                await client.Run([.. ChangeStatements(change, state, [top!, judgement.Merged]), delete], ct, write: true);
                refresh.AddRange([top!, judgement.Merged]);
                return new UndoOutcome.Undone(judgement);
            }
            catch (Neo4jGuardException e)
            {
                await PauseOrThrow(attempt, e, ct);
                logger.LogDebug(e, "Undoing the merge of {Merged}: a concurrent write changed it; reading again", judgement.Merged);
            }
        }
    }

    /// <summary>An id and every id merged into it, directly or through others.</summary>
    private async Task<HashSet<string>> Subtree(string id, CancellationToken ct)
    {
        var all = new HashSet<string>(StringComparer.Ordinal) { id };
        var asking = new[] { id };
        for (var depth = 0; depth < MaxMergeDepth && asking.Length > 0; depth++)
        {
            var result = await client.Run(new CypherStatement(CypherQueries.Get("MergedFrom"), Params(("ids", asking))), ct);
            asking = [.. result.Column("merged").Select(m => m.GetString()!).Where(all.Add)];
        }
        return all;
    }

    public async Task<IReadOnlyList<MatchCandidate>> Refresh(IReadOnlyCollection<string> ids, double? autoMergeScore, CancellationToken ct)
    {
        var candidates = await RefreshCandidates(ids, [], ct);
        if (candidates.Count == 0) return [];
        var pairs = candidates.Where(c => ResolutionRules.MergesAutomatically(c, autoMergeScore)).ToList();
        var judged = await JudgedPairs(pairs.Select(c => c.Pair), ct);
        return [.. pairs.Where(c => !judged.ContainsKey(c.Pair))];
    }

    private async Task<Dictionary<string, JudgementKind>> JudgedPairs(IEnumerable<string> pairs, CancellationToken ct)
    {
        var keys = pairs.Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0) return new(StringComparer.Ordinal);
        var result = await client.Run(new CypherStatement(CypherQueries.Get("JudgementsByPair"), Params(("pairs", keys))), ct);
        return result.Column("judgement").Select(ReadJudgement).ToDictionary(j => j.Pair, j => j.Kind, StringComparer.Ordinal);
    }

    /// <summary>
    /// Re-blocks and re-scores these actors against their blocks (ids that name no actor lose their keys and pairs), and
    /// drops <paramref name="droppedPairs"/>; answers the pairs written. Derived data, written after the write it follows.
    /// </summary>
    private async Task<IReadOnlyList<MatchCandidate>> RefreshCandidates(IReadOnlyCollection<string> ids, IReadOnlyList<string> droppedPairs, CancellationToken ct)
    {
        var written = ids.Distinct(StringComparer.Ordinal).ToArray();
        var actors = (await NodesByIds(written, ct)).Where(n => n.Label == NodeLabel.Actor).Select(Matching.Of).ToList();
        var keys = actors.SelectMany(f => f.BlockKeys).Distinct(StringComparer.Ordinal).ToArray();
        var blocks = new Dictionary<string, (HashSet<string> Members, int Size)>(StringComparer.Ordinal);
        if (keys.Length > 0)
        {
            var found = await client.Run(new CypherStatement(CypherQueries.Get("BlockMembers"), Params(("keys", keys), ("cap", Matching.MaxBlock + 1))), ct);
            foreach (var (key, (list, size)) in found.Column("key").Zip(found.Column("ids").Zip(found.Column("size"))))
            {
                blocks[key.GetString()!] = ([.. PropertyValues.Strings(list)], size.GetInt32());
            }
        }
        // The actors written together are in each other's blocks too (their keys are written below).
        foreach (var f in actors)
        {
            foreach (var key in f.BlockKeys)
            {
                var (members, size) = blocks.TryGetValue(key, out var b) ? b : (new HashSet<string>(StringComparer.Ordinal), 0);
                blocks[key] = (members, members.Add(f.Id) ? size + 1 : size);
            }
        }
        var compared = actors.ToDictionary(f => f.Id, f => Matching.Others(f, key => blocks.TryGetValue(key, out var b) ? (b.Members, b.Size) : null), StringComparer.Ordinal);
        var others = compared.Values.SelectMany(o => o).Except(written).Distinct(StringComparer.Ordinal).ToList();
        var features = actors.Concat((await NodesByIds(others, ct)).Where(n => n.Label == NodeLabel.Actor).Select(Matching.Of))
            .ToDictionary(f => f.Id, StringComparer.Ordinal);
        var scored = new Dictionary<string, MatchCandidate>(StringComparer.Ordinal);
        foreach (var f in actors)
        {
            foreach (var other in compared[f.Id])
            {
                if (!features.TryGetValue(other, out var g) || Matching.Score(f, g) is not { } c) continue;
                if (c.Score >= Matching.MinCandidateScore || c.Certain) scored[c.Pair] = c;
            }
        }
        var judged = await JudgedPairs(scored.Keys, ct);
        var kept = scored.Values.Where(c => judged.GetValueOrDefault(c.Pair, JudgementKind.Unsure) != JudgementKind.NotSame).ToList();
        await client.Run(
        [
            new CypherStatement(CypherQueries.Get("DeleteCandidatePairs"), Params(("pairs", droppedPairs.ToArray()))),
            new CypherStatement(CypherQueries.Get("DeleteCandidatesOf"), Params(("ids", written))),
            new CypherStatement(CypherQueries.Get("DeleteBlockKeys"), Params(("ids", written))),
            new CypherStatement(CypherQueries.Get("SetBlockKeys"), Params(("rows", actors.SelectMany(f => f.BlockKeys.Select(k =>
                new Dictionary<string, object?> { ["key"] = k, ["actorId"] = f.Id })).ToArray()))),
            new CypherStatement(CypherQueries.Get("SetCandidates"), Params(("rows", kept.Select(c => new Dictionary<string, object?>
            {
                ["pair"] = c.Pair, ["a"] = c.A, ["b"] = c.B, ["score"] = c.Score, ["reasons"] = c.Reasons.ToArray(), ["certain"] = c.Certain,
            }).ToArray()))),
        ], ct, write: true);
        return kept;
    }

    private static readonly string[] ResolutionSchema =
    [
        "JudgementPairConstraint", "JudgementMergedIndex", "JudgementCanonicalIndex", "BlockKeyIndex", "BlockKeyActorIndex",
        "CandidatePairConstraint", "CandidateAIndex", "CandidateBIndex",
    ];
}

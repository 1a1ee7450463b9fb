using System.Text.Json;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Neo4j;

// Claims and citations. Each (source, fact) pair is one Citation node outside the graph (no Node label, no
// relationships), keyed "sourceId|fact" and indexed by source and by fact: it holds the source's claims on the fact as
// parallel lists (fields, JSON-encoded values; a Neo4j property holds no map and no list of mixed types). A source's
// facts are found from its citations through the index, a fact's claims likewise; graph reads never meet them.
//
// The values a fact shows are resolved from its claims in C# (ClaimRules, shared with the embedded store), so writes
// that merge claims are computed from a read: read the facts, their claims and their sources' dates; compute; then one
// request locks, checks with revision guards that nothing changed since the read, and writes. A refused guard means a
// concurrent write came between: read and compute again. Within one process such writes take turns (writeGate), so
// the guards only ever meet writes of other processes.
public sealed partial class Neo4jGraphStore
{
    /// <summary>How often a computed write is tried again when a concurrent write (of another process) changed what it read:
    /// generously, as another process with a queue of imports on the same nodes can win several rounds in a row.</summary>
    private const int ComputedWriteAttempts = 25;

    private readonly SemaphoreSlim writeGate = new(1, 1);

    public void Dispose() => writeGate.Dispose();

    /// <summary>What a computed write read: facts with their claims and revisions, and the sources' rank keys (<see cref="SourceRank"/>; named Published as they rank claims).</summary>
    private sealed record FactState(
        Dictionary<string, GraphNode> Nodes,
        Dictionary<string, GraphEdge> Edges,
        Dictionary<string, long> Revisions,
        Dictionary<string, string?> Published)
    {
        public long RevisionOf(string factId) => Revisions.TryGetValue(factId, out var rev) ? rev : -1;

        public string? PublishedOf(string sourceId) => Published.GetValueOrDefault(sourceId);
    }

    public async Task<IRetractSourceOutcome> RetractSource(string sourceId, CancellationToken ct)
    {
        await writeGate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var parameters = Params(("id", sourceId));
                var cited = await client.Run(
                [
                    new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", new[] { sourceId }))),
                    new CypherStatement(CypherQueries.Get("SourceNodes"), parameters),
                    new CypherStatement(CypherQueries.Get("SourceEdges"), parameters),
                    new CypherStatement(CypherQueries.Get("SourceCitations"), parameters),
                ], ct);
                if (cited[0].Column("node").AsNodes().FirstOrDefault() is not { Label: NodeLabel.Source }) return WriteOutcome.NotFound.Value;
                var citing = cited[3].Column("citing").Single().GetInt32();
                var nodeRows = cited[1].Column("node").ToList();
                var edgeRows = cited[2].Column("edge").ToList();
                var nodes = nodeRows.AsNodes().ToList();
                var edges = edgeRows.Select(GraphRows.Edge).ToList();
                // Whether a node goes depends on its evidence alone, so its relationships are read with the claims.
                var going = nodes.Where(n => n.Evidence.All(e => e.SourceId == sourceId)).Select(n => n.Id).ToArray();
                var more = await client.Run(
                [
                    new CypherStatement(CypherQueries.Get("FactCitations"), Params(("ids", nodes.Select(n => n.Id).Concat(edges.Select(e => e.Id)).ToArray()))),
                    new CypherStatement(CypherQueries.Get("EdgeKeysOf"), Params(("ids", going))),
                ], ct);
                var (claims, published) = Claims(more[0]);
                var revisions = nodeRows.Zip(nodes, (row, n) => (n.Id, GraphRows.RevisionOf(row)))
                    .Concat(edgeRows.Zip(edges, (row, e) => (e.Id, GraphRows.RevisionOf(row))))
                    .Concat(more[1].Column("edge").Select(row => (GraphRows.Edge(row).Id, GraphRows.RevisionOf(row))))
                    .DistinctBy(r => r.Item1).ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
                var goingEdges = more[1].Column("edge").Select(GraphRows.Edge).ToList();
                var plan = RetractionPlan.Make(sourceId,
                    nodes.Select(n => n with { Claims = claims.GetValueOrDefault(n.Id) ?? [] }),
                    edges.Select(e => e with { Claims = claims.GetValueOrDefault(e.Id) ?? [] }),
                    id => goingEdges.Where(e => e.From == id || e.To == id),
                    id => published.GetValueOrDefault(id));

                var locked = new[] { sourceId }.Concat(nodes.Select(n => n.Id)).Concat(edges.Concat(goingEdges).SelectMany(e => new[] { e.From, e.To }));
                IReadOnlyList<CypherStatement> statements =
                [
                    LockNodes(locked),
                    new CypherStatement(CypherQueries.Get("GuardSourceCitations"), Params(("id", sourceId), ("citing", citing))),
                    GuardNodeRevisions(nodes.Select(n => n.Id), id => revisions[id]),
                    GuardEdgeRevisions(edges.Concat(goingEdges).DistinctBy(e => e.Id), id => revisions[id]),
                    new CypherStatement(CypherQueries.Get("DeleteSourceCitations"), parameters),
                    new CypherStatement(CypherQueries.Get("DeleteFactCitations"), Params(("ids", plan.DeletedNodes.Concat(plan.DeletedEdges.Select(e => e.Id)).ToArray()))),
                    new CypherStatement(CypherQueries.Get("DeleteEdges"), Params(("edges", plan.DeletedEdges.Select(EdgeKey).ToArray()))),
                    new CypherStatement(CypherQueries.Get("DeleteNodes"), Params(("ids", plan.DeletedNodes.ToArray()))),
                    .. KeysOfMissingActorsDeletes([.. plan.DeletedNodes]),
                    .. SetFacts(plan.Nodes, plan.Edges, id => revisions[id]),
                    new CypherStatement(CypherQueries.Get("DeleteUncitedSource"), parameters),
                ];
                try
                {
                    await client.Run(statements, ct, write: true);
                    return new WriteOutcome.Retracted(plan.Summary);
                }
                catch (Neo4jGuardException e)
                {
                    await PauseOrThrow(attempt, e, ct);
                    logger.LogDebug(e, "Retracting source {Source}: a concurrent write changed its facts; reading again", sourceId);
                }
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>A computed write (like <see cref="RetractSource"/>): read the nodes, their relationships and their claims; plan; write under guards.</summary>
    public async Task<SourceRetraction> Withdraw(IReadOnlyList<string> nodeIds, Func<string, bool> fromSource, CancellationToken ct)
    {
        var ids = Sorted(nodeIds);
        await writeGate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var read = await client.Run(
                [
                    new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", ids))),
                    new CypherStatement(CypherQueries.Get("EdgeKeysOf"), Params(("ids", ids))),
                ], ct);
                var nodeRows = read[0].Column("node").ToList();
                var edgeRows = read[1].Column("edge").ToList();
                var nodes = nodeRows.AsNodes().Where(n => n.Label != NodeLabel.Source).ToList();
                var edges = edgeRows.Select(GraphRows.Edge).DistinctBy(e => e.Id).ToList();
                var revisions = nodeRows.Where(GraphRows.Exists).Select(row => (GraphRows.Node(row).Id, GraphRows.RevisionOf(row)))
                    .Concat(edgeRows.Select(row => (GraphRows.Edge(row).Id, GraphRows.RevisionOf(row))))
                    .DistinctBy(r => r.Item1).ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
                var (claims, published) = Claims((await client.Run([FactCitations([.. nodes.Select(n => n.Id), .. edges.Select(e => e.Id)])], ct))[0]);
                var plan = WithdrawalPlan.Make(
                    nodes.Select(n => n with { Claims = claims.GetValueOrDefault(n.Id) ?? [] }),
                    id => edges.Where(e => e.From == id || e.To == id).Select(e => e with { Claims = claims.GetValueOrDefault(e.Id) ?? [] }),
                    fromSource, id => published.GetValueOrDefault(id));
                if (plan.Nodes.Count + plan.Edges.Count + plan.DeletedNodes.Count + plan.DeletedEdges.Count == 0) return plan.Summary;
                // The withdrawn sources' citations of the facts that stay: their claims are no longer claims.
                var before = nodes.ToDictionary(n => n.Id, n => n.Evidence, StringComparer.Ordinal);
                foreach (var e in edges) before[e.Id] = e.Evidence;
                var stale = plan.Nodes.Select(n => (n.Id, n.Evidence)).Concat(plan.Edges.Select(e => (e.Id, e.Evidence)))
                    .SelectMany(f => before[f.Id].Select(e => e.SourceId).Except(f.Evidence.Select(e => e.SourceId)).Select(source => $"{source}|{f.Id}"))
                    .Distinct(StringComparer.Ordinal).ToArray();
                IReadOnlyList<CypherStatement> statements =
                [
                    LockNodes(ids.Concat(edges.SelectMany(e => new[] { e.From, e.To }))),
                    GuardNodeRevisions(nodes.Select(n => n.Id), id => revisions[id]),
                    GuardEdgeRevisions(edges, id => revisions[id]),
                    new CypherStatement(CypherQueries.Get("DeleteCitations"), Params(("keys", stale))),
                    new CypherStatement(CypherQueries.Get("DeleteFactCitations"), Params(("ids", plan.DeletedNodes.Concat(plan.DeletedEdges.Select(e => e.Id)).ToArray()))),
                    new CypherStatement(CypherQueries.Get("DeleteEdges"), Params(("edges", plan.DeletedEdges.Select(EdgeKey).ToArray()))),
                    new CypherStatement(CypherQueries.Get("DeleteNodes"), Params(("ids", plan.DeletedNodes.ToArray()))),
                    new CypherStatement(CypherQueries.Get("DeleteSearchKeysOfMissingActors"), Params(("ids", plan.DeletedNodes.ToArray()))),
                    .. SetFacts(plan.Nodes, plan.Edges, id => revisions[id]),
                ];
                try
                {
                    await client.Run(statements, ct, write: true);
                    return plan.Summary;
                }
                catch (Neo4jGuardException e)
                {
                    await PauseOrThrow(attempt, e, ct);
                    logger.LogDebug(e, "Withdrawing sources from {Count} nodes: a concurrent write changed them; reading again", ids.Length);
                }
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>A computed write refused as often as it may be tried: the store is too contended to answer now (503).</summary>
    private async Task PauseOrThrow(int attempt, Neo4jGuardException refusal, CancellationToken ct)
    {
        if (attempt < ComputedWriteAttempts)
        {
            // A jittered pause, growing with the attempts, so that two processes stop meeting on the same nodes.
            await Task.Delay(Random.Shared.Next(5, 20 * Math.Min(attempt, 10)), ct);
            return;
        }
        logger.LogWarning("A Neo4j computed write was refused {Attempts} times by concurrent writes of other processes", attempt);
        throw new StoreUnavailableException(refusal);
    }

    /// <summary>
    /// Reads what a computed write depends on: the nodes and relationships with these ids (relationships by key), their
    /// revisions, every claim on them, and the publication dates of the claiming sources. No locks: the write checks.
    /// </summary>
    private async Task<FactState> ReadFacts(IEnumerable<string> nodeIds, IEnumerable<GraphEdge> edgeKeys, CancellationToken ct)
    {
        var ids = Sorted(nodeIds);
        var keys = edgeKeys.DistinctBy(e => e.Id).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var state = await ReadFactsOnce(ids, keys, ct);
            if (attempt >= TornReadAttempts || Torn(state) is not { } fact) return state;
            logger.LogDebug("Fact {Fact} was read with evidence from a source whose claims were not yet visible; reading again", fact);
            await Task.Delay(10 * attempt, ct);
        }
    }

    /// <summary>
    /// How often <see cref="ReadFacts"/> reads again when a fact's evidence names a source whose citation it did not see.
    /// Neo4j 3.x reads are read-committed, not a snapshot: a reader was seen to meet another process's just-committed node
    /// (its new revision and evidence) before that commit's new Citation was found through the Citation(fact) index. A
    /// write computed from that read passed its revision guard and dropped the other source's claim (an alias lost between
    /// two API processes). Every write keeps one citation per evidence source, so the gap is a torn read, and short-lived.
    /// </summary>
    private const int TornReadAttempts = 5;

    /// <summary>The first fact whose evidence names a source without a claim on it, or null when the read is whole.</summary>
    private static string? Torn(FactState state) =>
        state.Nodes.Values.Where(n => n.Label != NodeLabel.Source).Select(n => (n.Id, n.Evidence, n.Claims))
            .Concat(state.Edges.Values.Select(e => (e.Id, e.Evidence, e.Claims)))
            .FirstOrDefault(f => f.Evidence.Any(e => !f.Claims.Any(c => c.SourceId == e.SourceId))).Id;

    private async Task<FactState> ReadFactsOnce(string[] ids, List<GraphEdge> keys, CancellationToken ct)
    {
        var results = await client.Run(
        [
            new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", ids))),
            new CypherStatement(CypherQueries.Get("ImportReadEdges"), Params(("edges", keys.Select(EdgeKey).ToArray()))),
            new CypherStatement(CypherQueries.Get("FactCitations"), Params(("ids", ids.Concat(keys.Select(e => e.Id)).ToArray()))),
        ], ct);
        var (claims, published) = Claims(results[2]);
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var row in results[0].Column("node").Where(GraphRows.Exists))
        {
            var node = GraphRows.Node(row);
            nodes[node.Id] = node with { Claims = claims.GetValueOrDefault(node.Id) ?? [] };
            revisions[node.Id] = GraphRows.RevisionOf(row);
            // A write's own source may claim nothing yet: its date comes from its node.
            if (node.Label == NodeLabel.Source) published[node.Id] = SourceRank.Key(node);
        }
        var edges = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        foreach (var row in results[1].Column("edge"))
        {
            var edge = GraphRows.Edge(row);
            edges[edge.Id] = edge with { Claims = claims.GetValueOrDefault(edge.Id) ?? [] };
            revisions[edge.Id] = GraphRows.RevisionOf(row);
        }
        return new FactState(nodes, edges, revisions, published);
    }

    /// <summary>The claims per fact, and the rank key (<see cref="SourceRank"/>: provenance, then publication date) of each claiming source, from a FactCitations result.</summary>
    private static (Dictionary<string, IReadOnlyList<SourceClaims>> Claims, Dictionary<string, string?> Published) Claims(CypherResult citations)
    {
        var claims = new Dictionary<string, List<SourceClaims>>(StringComparer.Ordinal);
        var published = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (((fact, source, origin), (fields, values, date)), provenance) in citations.Column("fact").Zip(citations.Column("sourceId"), citations.Column("origin"))
            .Zip(citations.Column("fields").Zip(citations.Column("values"), citations.Column("published")))
            .Zip(citations.Column("provenance")))
        {
            var sourceId = source.GetString()!;
            var map = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (field, value) in PropertyValues.Strings(fields).Zip(PropertyValues.Strings(values)))
            {
                using var json = JsonDocument.Parse(value);
                map[field] = PropertyValues.FromJson(json.RootElement);
            }
            var id = fact.GetString()!;
            if (!claims.TryGetValue(id, out var list)) claims[id] = list = [];
            list.Add(new SourceClaims(sourceId, map) { Origin = origin.ValueKind == JsonValueKind.String ? origin.GetString() : null });
            // The rank key (SourceRank), under the name the claim rules have always ranked by.
            published[sourceId] = SourceRank.Key(provenance.ValueKind == JsonValueKind.String ? provenance.GetString() : null,
                date.ValueKind == JsonValueKind.String ? date.GetString() : null);
        }
        return (claims.ToDictionary(c => c.Key, c => (IReadOnlyList<SourceClaims>)[.. c.Value.OrderBy(s => s.SourceId, StringComparer.Ordinal).ThenBy(s => s.Origin, StringComparer.Ordinal)], StringComparer.Ordinal), published);
    }

    /// <summary>A node with its claims, read in the same request as the node.</summary>
    private static GraphNode WithClaims(GraphNode node, CypherResult citations) =>
        node with { Claims = Claims(citations).Claims.GetValueOrDefault(node.Id) ?? [] };

    private static GraphEdge WithClaims(GraphEdge edge, CypherResult citations) =>
        edge with { Claims = Claims(citations).Claims.GetValueOrDefault(edge.Id) ?? [] };

    private static CypherStatement FactCitations(params string[] ids) =>
        new(CypherQueries.Get("FactCitations"), Params(("ids", ids)));

    private static CypherStatement GuardNodeRevisions(IEnumerable<string> ids, Func<string, long> revisionOf) =>
        new(CypherQueries.Get("GuardNodeRevisions"), Params(("nodes", Sorted(ids)
            .Select(id => new Dictionary<string, object?> { ["id"] = id, ["rev"] = revisionOf(id) }).ToArray())));

    private static CypherStatement GuardEdgeRevisions(IEnumerable<GraphEdge> edges, Func<string, long> revisionOf) =>
        new(CypherQueries.Get("GuardEdgeRevisions"), Params(("edges", edges.DistinctBy(e => e.Id).OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new Dictionary<string, object?>(EdgeKey(e)) { ["rev"] = revisionOf(e.Id) }).ToArray())));

    /// <summary>
    /// The statements that write computed facts: nodes by label and relationships by type (each in a fixed order, so
    /// concurrent writers lock alike), their citations, and the search keys of the actors among them.
    /// </summary>
    private static IEnumerable<CypherStatement> SetFacts(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges, Func<string, long> revisionOf) =>
    [
        .. nodes.GroupBy(n => n.Label).OrderBy(g => g.Key)
            .Select(g => new CypherStatement(CypherQueries.WithLabel("SetNodes", g.Key),
                Params(("rows", g.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n => ComputedNodeRow(n, revisionOf(n.Id) + 1)).ToArray())))),
        .. edges.GroupBy(e => e.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CypherStatement(CypherQueries.WithType("SetEdges", g.Key),
                Params(("rows", g.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)
                    .Select(e => ComputedEdgeRow(e, revisionOf(e.Id) + 1)).ToArray())))),
        .. CitationWrites(nodes, edges),
        .. SearchKeyWrites(nodes),
        .. EventKeyWrites(nodes, edges),
    ];

    private static IEnumerable<CypherStatement> CitationWrites(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges)
    {
        var rows = nodes.SelectMany(n => n.Claims.Select(c => CitationRow(c, n.Id, null)))
            .Concat(edges.SelectMany(e => e.Claims.Select(c => CitationRow(c, e.Id, e))))
            .ToArray();
        return rows.Length == 0 ? [] : [new CypherStatement(CypherQueries.Get("SetCitations"), Params(("rows", rows)))];
    }

    private static Dictionary<string, object?> CitationRow(SourceClaims claims, string fact, GraphEdge? edge)
    {
        var values = claims.Values.Where(v => v.Value is not null).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["key"] = claims.Origin is null ? $"{claims.SourceId}|{fact}" : $"{claims.SourceId}|{fact}|{claims.Origin}",
            ["sourceId"] = claims.SourceId,
            ["origin"] = claims.Origin,
            ["fact"] = fact,
            ["from"] = edge?.From,
            ["type"] = edge?.Type,
            ["to"] = edge?.To,
            ["fields"] = values.Select(v => v.Key).ToArray(),
            ["values"] = values.Select(v => JsonSerializer.Serialize(v.Value)).ToArray(),
        };
    }

    /// <summary>A node's every stored property, for <c>SET n = row.properties</c>: values, id, evidence lists and revision.</summary>
    private static Dictionary<string, object?> ComputedNodeRow(GraphNode node, long revision)
    {
        var properties = PropertiesButEvidence(node);
        AddEvidence(properties, node.Evidence);
        properties[GraphRows.Revision] = revision;
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = node.Id, ["properties"] = properties };
    }

    private static Dictionary<string, object?> ComputedEdgeRow(GraphEdge edge, long revision)
    {
        var properties = edge.Properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        AddEvidence(properties, edge.Evidence);
        properties[GraphRows.Revision] = revision;
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["from"] = edge.From, ["to"] = edge.To, ["properties"] = properties };
    }

    private static void AddEvidence(Dictionary<string, object?> properties, IReadOnlyList<Evidence> evidence)
    {
        if (evidence.Count == 0) return;
        properties[GraphRows.EvidenceSources] = evidence.Select(e => e.SourceId).ToArray();
        properties[GraphRows.EvidenceTexts] = evidence.Select(e => e.Text).ToArray();
        if (evidence.Any(e => e.Origin is not null)) properties[GraphRows.EvidenceOrigins] = evidence.Select(e => e.Origin ?? "").ToArray();
    }

    private static Dictionary<string, object?> EdgeKey(GraphEdge edge) =>
        new(StringComparer.Ordinal) { ["from"] = edge.From, ["type"] = edge.Type, ["to"] = edge.To };
}

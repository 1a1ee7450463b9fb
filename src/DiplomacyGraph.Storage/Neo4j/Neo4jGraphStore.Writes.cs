using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Neo4j;

// Writes. Each is one unit of work for Neo4jHttpClient (one request to …/tx/commit on the transactional API): it first
// write-locks and reads what the write depends on, then a guard statement refuses the whole transaction when a check
// fails (GuardNodes.cypher), then it writes, with the merges computed in Cypher on the locked nodes. No lock is ever
// held across a network round trip. When a guard refuses, nothing was written; the store reads again and decides with
// the same WriteChecks and ImportPlan as the embedded store, so both refuse the same writes with the same messages.
public sealed partial class Neo4jGraphStore
{
    /// <summary>How often a write is tried again when its guard refused but a fresh read finds nothing wrong (a concurrent write changed the store in between).</summary>
    private const int GuardAttempts = 3;

    public async Task<ICreateNodeOutcome> CreateNode(GraphNode node, CancellationToken ct)
    {
        var references = WriteChecks.References(node).ToList();
        // The fact's curated/coded marker comes from its sources' provenance (FactProvenance), read first.
        var sources = node.Evidence.Count == 0 ? [] : await ReadNodes(node.Evidence.Select(e => e.SourceId).Distinct(StringComparer.Ordinal), ct);
        node = FactProvenance.Marked(node, id => SourceRank.Key(sources.GetValueOrDefault(id)));
        return await Guarded<ICreateNodeOutcome>(
            [
                LockNodes([node.Id, .. references]),
                Guard([Free(node.Id), .. references.Select(AnyLabel)]),
                new CypherStatement(CypherQueries.WithLabel("CreateNode", node.Label), Params(("row", NodeRow(node)))),
                .. CitationWrites([ClaimRules.Fresh(node)], []),
                .. SearchKeyWrites([node]),
                .. EventKeyWrites([node], []),
            ],
            _ => WriteOutcome.Created.Value,
            async token =>
            {
                var existing = await ReadNodes([node.Id, .. references], token);
                if (existing.TryGetValue(node.Id, out var taken))
                {
                    return Answer<ICreateNodeOutcome>(new WriteOutcome.Conflict([$"'{node.Id}' is already taken by a node of label {taken.Label}."]));
                }
                return WriteChecks.Unknown(references, existing.ContainsKey) is { } unknown ? Answer<ICreateNodeOutcome>(unknown) : Retry<ICreateNodeOutcome>();
            }, ct);
    }

    /// <summary>A computed write (see Neo4jGraphStore.Claims.cs): the body replaces its source's claims, as in the embedded store.</summary>
    public async Task<IReplaceNodeOutcome> ReplaceNode(GraphNode node, CancellationToken ct)
    {
        var references = WriteChecks.References(node).ToList();
        await writeGate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var state = await ReadFacts([node.Id, .. references], [], ct);
                if (!state.Nodes.TryGetValue(node.Id, out var current) || current.Label != node.Label) return WriteOutcome.NotFound.Value;
                if (WriteChecks.Unknown(references, state.Nodes.ContainsKey) is { } unknown) return unknown;
                // A source node has no claims: the body replaces its properties, as it always has.
                var replaced = node.Evidence.Count == 0
                    ? node with { Evidence = GraphMerge.MergeEvidence(current.Evidence, node.Evidence) }
                    : ClaimRules.Merge(current, node, state.PublishedOf, replace: true);
                IReadOnlyList<CypherStatement> statements =
                [
                    LockNodes([node.Id, .. references]),
                    Guard([new NodeExpectation(node.Id, [node.Label], Required: true), .. references.Select(AnyLabel)]),
                    GuardNodeRevisions([node.Id], state.RevisionOf),
                    .. SetFacts([replaced], [], state.RevisionOf),
                ];
                try
                {
                    await client.Run(statements, ct, write: true);
                    return new WriteOutcome.Replaced(replaced);
                }
                catch (Neo4jGuardException e)
                {
                    await PauseOrThrow(attempt, e, ct);
                    logger.LogDebug(e, "Replacing {Id}: a concurrent write changed it; reading again", node.Id);
                }
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task<IDeleteNodeOutcome> DeleteNode(NodeLabel label, string id, bool cascade, CancellationToken ct)
    {
        // Counted and deleted in one transaction: NodeDegree locks the node, the delete re-checks the same condition.
        IReadOnlyList<CypherStatement> statements = label == NodeLabel.Source
            ?
            [
                new CypherStatement(CypherQueries.WithLabel("NodeDegree", label), Params(("id", id))),
                new CypherStatement(CypherQueries.Get("SourceCitations"), Params(("id", id))),
                new CypherStatement(CypherQueries.Get("DeleteUncitedSource"), Params(("id", id))),
            ]
            :
            [
                new CypherStatement(CypherQueries.WithLabel("NodeDegree", label), Params(("id", id))),
                new CypherStatement(CypherQueries.WithLabel("DeleteNodeCitations", label), Params(("id", id), ("cascade", cascade))),
                new CypherStatement(CypherQueries.WithLabel("DeleteNode", label), Params(("id", id), ("cascade", cascade))),
                .. SearchKeyDeletes(label, id),
            ];
        var results = await client.Run(statements, ct, write: true);
        if (results[0].Column("links").FirstOrDefault() is not { ValueKind: System.Text.Json.JsonValueKind.Number } links)
        {
            return WriteOutcome.NotFound.Value;
        }
        // A source's facts are not its relationships: retracting them is not a delete's job.
        var blocking = label == NodeLabel.Source ? results[1].Column("citing").Single().GetInt32() : links.GetInt32();
        return blocking > 0 && (label == NodeLabel.Source || !cascade)
            ? new WriteOutcome.InUse(blocking)
            : new WriteOutcome.Deleted(label == NodeLabel.Source ? 0 : blocking);
    }

    public Task<ICreateEdgeOutcome> CreateEdge(GraphEdge edge, CancellationToken ct)
    {
        var references = WriteChecks.References(edge).ToList();
        var rule = RelationshipTypes.ByType[edge.Type];
        var evidenceSources = references.Skip(2).Where(r => r != edge.From && r != edge.To);
        return Guarded<ICreateEdgeOutcome>(
            [
                LockNodes(references),
                Guard([.. Endpoint(edge.From, edge.To, rule), .. evidenceSources.Select(AnyLabel)]),
                new CypherStatement(CypherQueries.Get("GuardEdgeAbsent"), Params(("from", edge.From), ("type", edge.Type), ("to", edge.To))),
                .. SetFacts([], [ClaimRules.Fresh(edge)], _ => -1),
            ],
            _ => WriteOutcome.Created.Value,
            async token =>
            {
                var read = await client.Run(
                [
                    new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", Sorted(references)))),
                    new CypherStatement(CypherQueries.Get("GetEdge"), Params(("from", edge.From), ("type", edge.Type), ("to", edge.To))),
                ], token);
                if (read[1].Column("edge").Any())
                {
                    return Answer<ICreateEdgeOutcome>(new WriteOutcome.Conflict([$"The relationship {edge.From} -{edge.Type}-> {edge.To} already exists."]));
                }
                var existing = Nodes(read[0]);
                if (WriteChecks.Unknown(references, existing.ContainsKey) is { } unknown) return Answer<ICreateEdgeOutcome>(unknown);
                return WriteChecks.EndpointsMismatch([edge], id => existing[id].Label) is { } mismatch
                    ? Answer<ICreateEdgeOutcome>(mismatch)
                    : Retry<ICreateEdgeOutcome>();
            }, ct);
    }

    public async Task<GraphEdge?> GetEdge(string fromId, string type, string toId, CancellationToken ct)
    {
        var results = await client.Run(
            [new CypherStatement(CypherQueries.Get("GetEdge"), Params(("from", fromId), ("type", type), ("to", toId))), FactCitations(GraphEdge.EdgeId(fromId, type, toId))], ct);
        return results[0].Column("edge").Select(GraphRows.Edge).FirstOrDefault() is { } edge ? WithClaims(edge, results[1]) : null;
    }

    public async Task<IDeleteEdgeOutcome> DeleteEdge(string fromId, string type, string toId, CancellationToken ct)
    {
        var results = await client.Run(
        [
            new CypherStatement(CypherQueries.Get("DeleteEdge"), Params(("from", fromId), ("type", type), ("to", toId))),
            new CypherStatement(CypherQueries.Get("DeleteFactCitations"), Params(("ids", new[] { GraphEdge.EdgeId(fromId, type, toId) }))),
        ], ct, write: true);
        return results[0].Column("deleted").Single().GetInt32() > 0 ? new WriteOutcome.Deleted(0) : WriteOutcome.NotFound.Value;
    }

    /// <summary>What a write's guard expects of one id (see GuardNodes.cypher).</summary>
    /// <param name="Id">The node id.</param>
    /// <param name="Labels">The labels the node may have; empty: the id must be free; null: any.</param>
    /// <param name="Required">Whether the node must exist.</param>
    private sealed record NodeExpectation(string Id, IReadOnlyCollection<NodeLabel>? Labels, bool Required);

    private static NodeExpectation Free(string id) => new(id, [], Required: false);

    private static NodeExpectation AnyLabel(string id) => new(id, null, Required: true);

    /// <summary>A relationship's ends must exist with labels its type joins (one expectation per id, the rules intersected).</summary>
    private static IEnumerable<NodeExpectation> Endpoint(string from, string to, RelationshipRule rule) =>
        from == to
            ? [new NodeExpectation(from, [.. rule.From.Intersect(rule.To)], Required: true)]
            : [new NodeExpectation(from, rule.From, Required: true), new NodeExpectation(to, rule.To, Required: true)];

    private static CypherStatement LockNodes(IEnumerable<string> ids) =>
        new(CypherQueries.Get("LockNodes"), Params(("ids", Sorted(ids))));

    private static CypherStatement Guard(IEnumerable<NodeExpectation> expected) =>
        new(CypherQueries.Get("GuardNodes"), Params(("expected", expected
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .Select(g => new Dictionary<string, object?>
            {
                ["id"] = g.Key,
                // The same id expected twice (a relationship from an evidence source, say) must satisfy both.
                ["labels"] = g.All(e => e.Labels is null) ? null
                    : g.Where(e => e.Labels is not null).Select(e => (IEnumerable<NodeLabel>)e.Labels!).Aggregate((a, b) => a.Intersect(b))
                        .Select(l => Enum.GetName(l)!).ToArray(),
                ["required"] = g.Any(e => e.Required),
            }).ToArray())));

    private static string[] Sorted(IEnumerable<string> ids) => [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>What a refused guard means, decided on a fresh read: an answer, or nothing wrong any more (try again).</summary>
    private readonly record struct Refusal<T>(bool TryAgain, T Value);

    private static Refusal<T> Answer<T>(T value) => new(false, value);

    private static Refusal<T> Retry<T>() => new(true, default!);

    /// <summary>
    /// Runs a guarded write. When the guard refuses (nothing was written), <paramref name="explain"/> reads the store and
    /// answers the refusal; when it finds nothing wrong, a concurrent write changed the store in between and the write
    /// is tried again, at most <see cref="GuardAttempts"/> times. A uniqueness constraint that refuses (a concurrent
    /// write took an id after the guard) is an id conflict.
    /// </summary>
    private async Task<T> Guarded<T>(IReadOnlyList<CypherStatement> statements, Func<IReadOnlyList<CypherResult>, T> answer,
        Func<CancellationToken, Task<Refusal<T>>> explain, CancellationToken ct) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return answer(await client.Run(statements, ct, write: true));
            }
            catch (Neo4jConstraintException) when (IdTaken is T conflict)
            {
                return conflict;
            }
            catch (Neo4jGuardException e)
            {
                var refusal = await explain(ct);
                if (!refusal.TryAgain) return refusal.Value;
                if (attempt == GuardAttempts)
                {
                    logger.LogWarning("A Neo4j write guard refused {Attempts} times though a fresh read found nothing wrong", attempt);
                    throw new StoreUnavailableException(e);
                }
            }
        }
    }

    private async Task<Dictionary<string, GraphNode>> ReadNodes(IEnumerable<string> ids, CancellationToken ct) =>
        Nodes(await client.Run(new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", Sorted(ids)))), ct));

    private static Dictionary<string, GraphNode> Nodes(CypherResult result) =>
        result.Column("node").AsNodes().ToDictionary(n => n.Id, StringComparer.Ordinal);

    /// <summary>What a write answers when a uniqueness constraint refused it: Neo4j's message names internal node ids, the conflict is what the caller needs.</summary>
    private static WriteOutcome.Conflict IdTaken => new(["An id is already used by another node."]);

    /// <summary>Every stored property of a node but its evidence, for <c>SET n = $properties</c>.</summary>
    private static Dictionary<string, object?> PropertiesButEvidence(GraphNode node)
    {
        var properties = node.Properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        properties["id"] = node.Id;
        return properties;
    }
}

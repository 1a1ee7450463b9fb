using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;

namespace DiplomacyGraph.Storage.Neo4j;

// Single-resource writes. Each is one transaction: lock and read what the write depends on, check it with the
// same WriteChecks as the embedded store (rolling back on a refusal, so nothing is written), then write and commit.
public sealed partial class Neo4jGraphStore
{
    public Task CreateNode(GraphNode node, CancellationToken ct) =>
        client.InTransaction(async (transaction, token) =>
        {
            var existing = await LockNodes(transaction, [node.Id, .. WriteChecks.References(node)], token);
            if (existing.TryGetValue(node.Id, out var taken))
            {
                throw new IdConflictException([$"'{node.Id}' is already taken by a node of label {taken.Label}."]);
            }
            ThrowIfUnknown(WriteChecks.References(node), existing);
            await transaction.Commit([new CypherStatement(CypherQueries.WithLabel("CreateNode", node.Label), Params(("row", NodeRow(node)))),
                .. SearchKeyWrites([node])], token);
            return true;
        }, ct);

    public Task<GraphNode?> ReplaceNode(GraphNode node, CancellationToken ct) =>
        client.InTransaction(async (transaction, token) =>
        {
            var existing = await LockNodes(transaction, [node.Id, .. WriteChecks.References(node)], token);
            if (!existing.TryGetValue(node.Id, out var current) || current.Label != node.Label)
            {
                await transaction.Rollback();
                return null;
            }
            ThrowIfUnknown(WriteChecks.References(node), existing);
            var replaced = node with { Evidence = GraphMerge.MergeEvidence(current.Evidence, node.Evidence) };
            await transaction.Commit([new CypherStatement(CypherQueries.WithLabel("ReplaceNode", node.Label),
                Params(("id", node.Id), ("properties", FullProperties(replaced)))), .. SearchKeyWrites([replaced])], token);
            return (GraphNode?)replaced;
        }, ct);

    public Task<DeleteResult> DeleteNode(NodeLabel label, string id, bool cascade, CancellationToken ct) =>
        client.InTransaction(async (transaction, token) =>
        {
            var degree = await transaction.Run([new CypherStatement(CypherQueries.WithLabel("NodeDegree", label), Params(("id", id)))], token);
            if (degree[0].Column("links").FirstOrDefault() is not { ValueKind: System.Text.Json.JsonValueKind.Number } links)
            {
                await transaction.Rollback();
                return new DeleteResult(DeleteOutcome.NotFound, 0);
            }
            // A source's facts are not its relationships: retracting them is not a delete's job.
            var blocking = label == NodeLabel.Source
                ? (await transaction.Run([new CypherStatement(CypherQueries.Get("SourceCitations"), Params(("id", id)))], token))[0].Column("citing").Single().GetInt32()
                : links.GetInt32();
            if (blocking > 0 && (label == NodeLabel.Source || !cascade))
            {
                await transaction.Rollback();
                return new DeleteResult(DeleteOutcome.InUse, blocking);
            }
            await transaction.Commit([new CypherStatement(CypherQueries.WithLabel("DeleteNode", label), Params(("id", id))),
                .. SearchKeyDeletes(label, id)], token);
            return new DeleteResult(DeleteOutcome.Deleted, label == NodeLabel.Source ? 0 : blocking);
        }, ct);

    public Task CreateEdge(GraphEdge edge, CancellationToken ct) =>
        client.InTransaction(async (transaction, token) =>
        {
            var references = WriteChecks.References(edge).ToList();
            var existing = await LockNodes(transaction, references, token);
            var current = await transaction.Run([new CypherStatement(CypherQueries.Get("GetEdge"),
                Params(("from", edge.From), ("type", edge.Type), ("to", edge.To)))], token);
            if (current[0].Column("edge").Any())
            {
                throw new IdConflictException([$"The relationship {edge.From} -{edge.Type}-> {edge.To} already exists."]);
            }
            ThrowIfUnknown(references, existing);
            WriteChecks.ThrowIfEndpointsMismatch([edge], id => existing[id].Label);
            await transaction.Commit([new CypherStatement(CypherQueries.WithType("UpsertEdges", edge.Type), Params(("rows", new[] { EdgeRow(edge) })))], token);
            return true;
        }, ct);

    public async Task<GraphEdge?> GetEdge(string fromId, string type, string toId, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("GetEdge"), Params(("from", fromId), ("type", type), ("to", toId))), ct);
        return result.Column("edge").Select(GraphRows.Edge).FirstOrDefault();
    }

    public Task<bool> DeleteEdge(string fromId, string type, string toId, CancellationToken ct) =>
        client.InTransaction(async (transaction, token) =>
        {
            var result = await transaction.Commit([new CypherStatement(CypherQueries.Get("DeleteEdge"), Params(("from", fromId), ("type", type), ("to", toId)))], token);
            return result[0].Column("deleted").Single().GetInt32() > 0;
        }, ct);

    /// <summary>Write-locks the nodes that exist among the ids (in a fixed order, against deadlocks) and reads them.</summary>
    private static async Task<Dictionary<string, GraphNode>> LockNodes(Neo4jTransaction transaction, IEnumerable<string> ids, CancellationToken ct)
    {
        var ordered = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var read = await transaction.Run([new CypherStatement(CypherQueries.Get("ImportReadNodes"), Params(("ids", ordered)))], ct);
        return read[0].Column("node").Select(GraphRows.Node).ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    private static void ThrowIfUnknown(IEnumerable<string> references, Dictionary<string, GraphNode> existing)
    {
        var unknown = WriteChecks.Unknown(references, existing.ContainsKey);
        if (unknown.Count > 0) throw new UnknownReferencesException(unknown);
    }

    /// <summary>Every stored property of a node, for <c>SET n = $properties</c>.</summary>
    private static Dictionary<string, object?> FullProperties(GraphNode node)
    {
        var properties = node.Properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        properties["id"] = node.Id;
        if (node.Evidence.Count > 0)
        {
            properties[GraphRows.EvidenceSources] = node.Evidence.Select(e => e.SourceId).ToArray();
            properties[GraphRows.EvidenceTexts] = node.Evidence.Select(e => e.Text).ToArray();
        }
        return properties;
    }
}

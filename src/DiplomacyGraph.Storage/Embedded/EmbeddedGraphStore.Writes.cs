using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;

namespace DiplomacyGraph.Storage.Embedded;

// Single-resource writes. Each runs under the write lock, commits to SQLite, then publishes a new index.
public sealed partial class EmbeddedGraphStore
{
    public Task CreateNode(GraphNode node, CancellationToken ct)
    {
        lock (writeLock)
        {
            var snapshot = index;
            if (snapshot.Nodes.TryGetValue(node.Id, out var existing))
            {
                throw new IdConflictException([$"'{node.Id}' is already taken by a node of label {existing.Label}."]);
            }
            ThrowIfUnknown(snapshot, WriteChecks.References(node));
            Publish(snapshot, upserted: [node]);
        }
        return Task.CompletedTask;
    }

    public Task<GraphNode?> ReplaceNode(GraphNode node, CancellationToken ct)
    {
        lock (writeLock)
        {
            var snapshot = index;
            if (snapshot.Find(node.Label, node.Id) is not { } existing)
            {
                return Task.FromResult<GraphNode?>(null);
            }
            ThrowIfUnknown(snapshot, WriteChecks.References(node));
            var replaced = node with { Evidence = GraphMerge.MergeEvidence(existing.Evidence, node.Evidence) };
            Publish(snapshot, upserted: [replaced]);
            return Task.FromResult<GraphNode?>(replaced);
        }
    }

    public Task<DeleteResult> DeleteNode(NodeLabel label, string id, bool cascade, CancellationToken ct)
    {
        lock (writeLock)
        {
            var snapshot = index;
            if (snapshot.Find(label, id) is null)
            {
                return Task.FromResult(new DeleteResult(DeleteOutcome.NotFound, 0));
            }
            if (label == NodeLabel.Source)
            {
                // A source's facts are not its relationships: retracting them is not a delete's job.
                var citing = snapshot.Nodes.Values.Count(n => n.Evidence.Any(e => e.SourceId == id))
                    + snapshot.Edges.Values.Count(e => e.Evidence.Any(ev => ev.SourceId == id));
                if (citing > 0) return Task.FromResult(new DeleteResult(DeleteOutcome.InUse, citing));
                Publish(snapshot, deletedNodes: [id]);
                return Task.FromResult(new DeleteResult(DeleteOutcome.Deleted, 0));
            }
            var links = snapshot.LinksOf(id);
            if (links.Count > 0 && !cascade)
            {
                return Task.FromResult(new DeleteResult(DeleteOutcome.InUse, links.Count));
            }
            Publish(snapshot, deletedNodes: [id], deletedEdges: [.. links.Select(l => l.Edge.Id)]);
            return Task.FromResult(new DeleteResult(DeleteOutcome.Deleted, links.Count));
        }
    }

    public Task CreateEdge(GraphEdge edge, CancellationToken ct)
    {
        lock (writeLock)
        {
            var snapshot = index;
            if (snapshot.Edges.ContainsKey(edge.Id))
            {
                throw new IdConflictException([$"The relationship {edge.From} -{edge.Type}-> {edge.To} already exists."]);
            }
            ThrowIfUnknown(snapshot, WriteChecks.References(edge));
            WriteChecks.ThrowIfEndpointsMismatch([edge], id => snapshot.Nodes[id].Label);
            Publish(snapshot, upsertedEdges: [edge]);
        }
        return Task.CompletedTask;
    }

    public Task<GraphEdge?> GetEdge(string fromId, string type, string toId, CancellationToken ct) =>
        Task.FromResult(index.Edges.GetValueOrDefault(GraphEdge.EdgeId(fromId, type, toId)));

    public Task<bool> DeleteEdge(string fromId, string type, string toId, CancellationToken ct)
    {
        lock (writeLock)
        {
            var snapshot = index;
            var id = GraphEdge.EdgeId(fromId, type, toId);
            if (!snapshot.Edges.ContainsKey(id)) return Task.FromResult(false);
            Publish(snapshot, deletedEdges: [id]);
            return Task.FromResult(true);
        }
    }

    private static void ThrowIfUnknown(GraphIndex snapshot, IEnumerable<string> references)
    {
        var unknown = WriteChecks.Unknown(references, snapshot.Nodes.ContainsKey);
        if (unknown.Count > 0) throw new UnknownReferencesException(unknown);
    }

    /// <summary>Commits the change to the file, then makes it visible. Callers hold the write lock.</summary>
    private void Publish(GraphIndex snapshot, IReadOnlyList<GraphNode>? upserted = null, IReadOnlyList<GraphEdge>? upsertedEdges = null,
        IReadOnlyList<string>? deletedNodes = null, IReadOnlyList<string>? deletedEdges = null)
    {
        file.Write(upserted ?? [], upsertedEdges ?? [], deletedNodes, deletedEdges);
        var nodes = new Dictionary<string, GraphNode>(snapshot.Nodes, StringComparer.Ordinal);
        var edges = new Dictionary<string, GraphEdge>(snapshot.Edges, StringComparer.Ordinal);
        foreach (var node in upserted ?? []) nodes[node.Id] = node;
        foreach (var edge in upsertedEdges ?? []) edges[edge.Id] = edge;
        foreach (var id in deletedEdges ?? []) edges.Remove(id);
        foreach (var id in deletedNodes ?? []) nodes.Remove(id);
        index = new GraphIndex(nodes.Values, edges.Values);
    }
}

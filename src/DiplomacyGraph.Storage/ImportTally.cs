using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;

namespace DiplomacyGraph.Storage;

/// <summary>Counts what an import created, updated and left unchanged.</summary>
public sealed class ImportTally
{
    private readonly List<string> nodesCreated = [], nodesUpdated = [], nodesUnchanged = [];
    private readonly List<string> edgesCreated = [], edgesUpdated = [], edgesUnchanged = [];

    /// <summary>Records a node's outcome; true when it must be written.</summary>
    public bool Node(string id, GraphNode? before, GraphNode after) =>
        Record(id, before is null, before is not null && GraphMerge.SameContent(before.Properties, before.Evidence, after.Properties, after.Evidence),
            nodesCreated, nodesUpdated, nodesUnchanged);

    /// <summary>Records an edge's outcome; true when it must be written.</summary>
    public bool Edge(string id, GraphEdge? before, GraphEdge after) =>
        Record(id, before is null, before is not null && GraphMerge.SameContent(before.Properties, before.Evidence, after.Properties, after.Evidence),
            edgesCreated, edgesUpdated, edgesUnchanged);

    private static bool Record(string id, bool created, bool unchanged, List<string> c, List<string> u, List<string> same)
    {
        (created ? c : unchanged ? same : u).Add(id);
        return !unchanged;
    }

    public ImportSummary ToSummary() => new(nodesCreated, nodesUpdated, nodesUnchanged, edgesCreated, edgesUpdated, edgesUnchanged);
}

/// <summary>A write refers to ids that neither it nor the store holds.</summary>
public sealed class UnknownReferencesException(IReadOnlyList<string> ids)
    : Exception($"Unknown ids: {string.Join(", ", ids)}.")
{
    public IReadOnlyList<string> Ids { get; } = ids;
}

/// <summary>A write uses an id that the store holds for another kind of node.</summary>
public sealed class IdConflictException(IReadOnlyList<string> conflicts)
    : Exception(string.Join("; ", conflicts))
{
    public IReadOnlyList<string> Conflicts { get; } = conflicts;
}

/// <summary>
/// What an import will do to what a store holds, decided the same way by every store: it refuses unknown
/// endpoints, relationships between labels their type does not join, and ids held under another label
/// (throwing before anything is written), then merges each element and keeps those that change.
/// </summary>
/// <param name="Summary">Ids created, updated and left unchanged.</param>
/// <param name="Nodes">Changed nodes: as the document gives them, and as merged into the stored node.</param>
/// <param name="Edges">Changed edges, likewise.</param>
public sealed record ImportPlan(
    ImportSummary Summary,
    IReadOnlyList<(GraphNode Incoming, GraphNode Merged)> Nodes,
    IReadOnlyList<(GraphEdge Incoming, GraphEdge Merged)> Edges)
{
    /// <param name="incoming">The document, as nodes and edges.</param>
    /// <param name="stored">The stored nodes the document names or refers to (more may be given).</param>
    /// <param name="storedEdges">The stored edges the document names (more may be given).</param>
    public static ImportPlan Make(DocumentGraph incoming, IReadOnlyDictionary<string, GraphNode> stored, IReadOnlyDictionary<string, GraphEdge> storedEdges)
    {
        var declared = incoming.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        var unknown = WriteChecks.Unknown(incoming.Edges.SelectMany(e => new[] { e.From, e.To }), id => declared.ContainsKey(id) || stored.ContainsKey(id));
        if (unknown.Count > 0) throw new UnknownReferencesException(unknown);
        WriteChecks.ThrowIfEndpointsMismatch(incoming.Edges, id => declared.TryGetValue(id, out var label) ? label : stored[id].Label);
        var declaredKinds = incoming.Nodes.Where(n => n.Label == NodeLabel.Actor).ToDictionary(n => n.Id, n => n.Kind, StringComparer.Ordinal);
        WriteChecks.ThrowIfNotPersons(incoming.Edges, id => declaredKinds.TryGetValue(id, out var kind) ? kind : stored[id].Kind);
        var conflicts = incoming.Nodes.Where(n => stored.TryGetValue(n.Id, out var current) && current.Label != n.Label)
            .Select(n => $"'{n.Id}' is a {stored[n.Id].Label}, not a {n.Label}").ToList();
        if (conflicts.Count > 0) throw new IdConflictException(conflicts);

        var tally = new ImportTally();
        var nodes = new List<(GraphNode, GraphNode)>();
        foreach (var node in incoming.Nodes)
        {
            var current = stored.GetValueOrDefault(node.Id);
            var merged = current is null ? node : GraphMerge.Node(current, node);
            if (tally.Node(node.Id, current, merged)) nodes.Add((node, merged));
        }
        var edges = new List<(GraphEdge, GraphEdge)>();
        foreach (var edge in incoming.Edges)
        {
            var current = storedEdges.GetValueOrDefault(edge.Id);
            var merged = current is null ? edge : GraphMerge.Edge(current, edge);
            if (tally.Edge(edge.Id, current, merged)) edges.Add((edge, merged));
        }
        return new ImportPlan(tally.ToSummary(), nodes, edges);
    }
}

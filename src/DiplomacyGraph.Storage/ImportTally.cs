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
        Record(id, before is null, before is not null && GraphMerge.SameContent(before.Properties, before.Evidence, after.Properties, after.Evidence)
            && ClaimRules.Same(before.Claims, after.Claims),
            nodesCreated, nodesUpdated, nodesUnchanged);

    /// <summary>Records an edge's outcome; true when it must be written.</summary>
    public bool Edge(string id, GraphEdge? before, GraphEdge after) =>
        Record(id, before is null, before is not null && GraphMerge.SameContent(before.Properties, before.Evidence, after.Properties, after.Evidence)
            && ClaimRules.Same(before.Claims, after.Claims),
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
    /// <param name="publishedOf">The <c>published</c> of a source that claims something of a fact the document names (ranks claims).</param>
    public static ImportPlan Make(DocumentGraph incoming, IReadOnlyDictionary<string, GraphNode> stored, IReadOnlyDictionary<string, GraphEdge> storedEdges,
        Func<string, string?> publishedOf)
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

        // A source the document (re)writes ranks by its new publication date.
        var incomingSources = incoming.Nodes.Where(n => n.Label == NodeLabel.Source).ToDictionary(n => n.Id, n => n.Properties.GetValueOrDefault("published") as string, StringComparer.Ordinal);
        string? Published(string id) => incomingSources.TryGetValue(id, out var published) ? published : publishedOf(id);
        var tally = new ImportTally();
        var nodes = new List<(GraphNode, GraphNode)>();
        foreach (var node in incoming.Nodes)
        {
            var current = stored.GetValueOrDefault(node.Id);
            var merged = current is null ? ClaimRules.Fresh(node) : ClaimRules.Merge(current, node, Published);
            if (tally.Node(node.Id, current, merged)) nodes.Add((node, merged));
        }
        var edges = new List<(GraphEdge, GraphEdge)>();
        foreach (var edge in incoming.Edges)
        {
            var current = storedEdges.GetValueOrDefault(edge.Id);
            var merged = current is null ? ClaimRules.Fresh(edge) : ClaimRules.Merge(current, edge, Published);
            if (tally.Edge(edge.Id, current, merged)) edges.Add((edge, merged));
        }
        return new ImportPlan(tally.ToSummary(), nodes, edges);
    }
}

/// <summary>
/// What retracting a source does to what a store holds, decided the same way by every store: each fact citing it loses
/// that source's evidence and claims and shows the other sources' values; a fact left without evidence is deleted, and
/// so is every relationship of a deleted node; then the source itself goes.
/// </summary>
/// <param name="Summary">What was deleted and what updated.</param>
/// <param name="Nodes">Nodes that stay, as they become.</param>
/// <param name="Edges">Relationships that stay, as they become.</param>
/// <param name="DeletedNodes">Ids of the nodes deleted (the source not among them).</param>
/// <param name="DeletedEdges">The relationships deleted.</param>
public sealed record RetractionPlan(
    SourceRetraction Summary,
    IReadOnlyList<GraphNode> Nodes,
    IReadOnlyList<GraphEdge> Edges,
    IReadOnlyList<string> DeletedNodes,
    IReadOnlyList<GraphEdge> DeletedEdges)
{
    /// <param name="sourceId">The source retracted.</param>
    /// <param name="citingNodes">Every node citing it, with its claims.</param>
    /// <param name="citingEdges">Every relationship citing it, with its claims.</param>
    /// <param name="edgesOf">All relationships of a node (asked only of nodes that are deleted).</param>
    /// <param name="publishedOf">The <c>published</c> of a source (ranks the remaining claims).</param>
    public static RetractionPlan Make(string sourceId, IEnumerable<GraphNode> citingNodes, IEnumerable<GraphEdge> citingEdges,
        Func<string, IEnumerable<GraphEdge>> edgesOf, Func<string, string?> publishedOf)
    {
        var nodes = new List<GraphNode>();
        var deletedNodes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var node in citingNodes)
        {
            if (ClaimRules.Without(node, sourceId, publishedOf) is { } kept) nodes.Add(kept);
            else deletedNodes.Add(node.Id);
        }
        var edges = new List<GraphEdge>();
        var deletedEdges = new SortedDictionary<string, GraphEdge>(StringComparer.Ordinal);
        foreach (var edge in citingEdges)
        {
            if (!deletedNodes.Contains(edge.From) && !deletedNodes.Contains(edge.To) && ClaimRules.Without(edge, sourceId, publishedOf) is { } kept) edges.Add(kept);
            else deletedEdges[edge.Id] = edge;
        }
        foreach (var edge in deletedNodes.SelectMany(edgesOf))
        {
            deletedEdges[edge.Id] = edge;
        }
        var keptEdges = edges.Where(e => !deletedEdges.ContainsKey(e.Id)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var keptNodes = nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        return new RetractionPlan(
            new SourceRetraction([.. deletedNodes], [.. keptNodes.Select(n => n.Id)], [.. deletedEdges.Keys], [.. keptEdges.Select(e => e.Id)]),
            keptNodes, keptEdges, [.. deletedNodes], [.. deletedEdges.Values]);
    }
}

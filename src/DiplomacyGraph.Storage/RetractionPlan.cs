using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage;

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

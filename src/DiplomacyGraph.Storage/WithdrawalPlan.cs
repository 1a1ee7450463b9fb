using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage;

/// <summary>
/// What withdrawing some sources from some nodes does, decided the same way by every store (a retraction of those
/// sources, but for these nodes only): each node and each of its relationships loses those sources' evidence and claims
/// and shows the other sources' values; a fact left without evidence is deleted, and so is every relationship of a
/// deleted node. The sources themselves stay. An OpenSanctions delta's DEL is this, for its entity and its dataset.
/// </summary>
public static class WithdrawalPlan
{
    /// <param name="nodes">The nodes, with their claims (absent ids are simply not given).</param>
    /// <param name="edgesOf">All relationships of a node, with their claims.</param>
    /// <param name="fromSource">Whether a source is one of those withdrawn.</param>
    /// <param name="publishedOf">The <c>published</c> of a source (ranks the remaining claims).</param>
    /// <returns>A <see cref="RetractionPlan"/>: the facts that change, those deleted, and the summary.</returns>
    public static RetractionPlan Make(IEnumerable<GraphNode> nodes, Func<string, IEnumerable<GraphEdge>> edgesOf, Func<string, bool> fromSource,
        Func<string, string?> publishedOf)
    {
        var kept = new SortedDictionary<string, GraphNode>(StringComparer.Ordinal);
        var deleted = new SortedSet<string>(StringComparer.Ordinal);
        var edges = new SortedDictionary<string, GraphEdge>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var edge in edgesOf(node.Id)) edges.TryAdd(edge.Id, edge);
            var evidence = node.Evidence.Where(e => !fromSource(e.SourceId)).ToArray();
            if (evidence.Length == node.Evidence.Count) continue;
            if (evidence.Length == 0)
            {
                deleted.Add(node.Id);
                continue;
            }
            var claims = node.Claims.Where(c => !fromSource(c.SourceId)).ToArray();
            kept[node.Id] = node with { Evidence = evidence, Claims = claims, Properties = claims.Length == 0 ? node.Properties : ClaimRules.NodeValues(claims, publishedOf) };
        }
        var keptEdges = new List<GraphEdge>();
        var deletedEdges = new List<GraphEdge>();
        foreach (var edge in edges.Values)
        {
            if (deleted.Contains(edge.From) || deleted.Contains(edge.To))
            {
                deletedEdges.Add(edge);
                continue;
            }
            var evidence = edge.Evidence.Where(e => !fromSource(e.SourceId)).ToArray();
            if (evidence.Length == edge.Evidence.Count) continue;
            if (evidence.Length == 0)
            {
                deletedEdges.Add(edge);
                continue;
            }
            var claims = edge.Claims.Where(c => !fromSource(c.SourceId)).ToArray();
            keptEdges.Add(edge with { Evidence = evidence, Claims = claims, Properties = claims.Length == 0 ? edge.Properties : ClaimRules.Resolve(claims, publishedOf) });
        }
        return new RetractionPlan(
            new SourceRetraction([.. deleted], [.. kept.Keys], [.. deletedEdges.Select(e => e.Id)], [.. keptEdges.Select(e => e.Id)]),
            [.. kept.Values], keptEdges, [.. deleted], deletedEdges);
    }
}

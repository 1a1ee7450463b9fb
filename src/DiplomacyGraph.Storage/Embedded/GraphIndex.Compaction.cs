using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage.Embedded;

// Copies of what a write brings, with pooled strings and compact property maps: made by Prepare, outside the store's
// write lock, since only the writer touches the pool.
internal sealed partial class GraphIndex
{
    private GraphNode Compact(GraphNode node) =>
        new(pool.Get(node.Id), node.Label, CompactProperties.From(node.Properties, pool), CompactEvidence(node.Evidence)) { Claims = CompactClaims(node.Claims, null) };

    private GraphEdge Compact(GraphEdge edge)
    {
        var properties = CompactProperties.From(edge.Properties, pool);
        return new(pool.Get(edge.Type), pool.Get(edge.From), pool.Get(edge.To), properties, CompactEvidence(edge.Evidence)) { Claims = CompactClaims(edge.Claims, properties) };
    }

    /// <summary>
    /// Claims with pooled strings. Most relationships have one source, whose claims are exactly the relationship's
    /// properties: those share the properties' map instead of holding a copy, which at a million relationships matters.
    /// </summary>
    private SourceClaims[] CompactClaims(IReadOnlyList<SourceClaims> claims, CompactProperties? shown)
    {
        if (claims.Count == 0) return [];
        var result = new SourceClaims[claims.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var values = shown is not null && GraphMerge.SameValues(claims[i].Values, shown) ? shown : CompactProperties.From(claims[i].Values, pool);
            result[i] = new SourceClaims(pool.Get(claims[i].SourceId), values) { Origin = claims[i].Origin is { } origin ? pool.Get(origin) : null };
        }
        return result;
    }

    private Evidence[] CompactEvidence(IReadOnlyList<Evidence> evidence)
    {
        if (evidence.Count == 0) return [];
        var result = new Evidence[evidence.Count];
        for (var i = 0; i < result.Length; i++) result[i] = new Evidence(pool.Get(evidence[i].SourceId), pool.Get(evidence[i].Text)) { Origin = evidence[i].Origin is { } origin ? pool.Get(origin) : null };
        return result;
    }
}

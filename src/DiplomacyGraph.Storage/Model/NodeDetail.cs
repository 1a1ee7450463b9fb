namespace DiplomacyGraph.Storage.Model;

/// <summary>How much of each node and edge a graph read (a network, the whole graph) gives.</summary>
public enum NodeDetail
{
    /// <summary>Every property, the evidence and what the store keeps of claims.</summary>
    Full,

    /// <summary>
    /// References: a node's id, label and the properties <see cref="Link.OtherProperties"/> names (name, kind, date,
    /// sortKey), an edge's ends, type and properties; no evidence and no claims on either. A store builds these without
    /// reading what they leave out (on Neo4j the query does not return it), so a broad network or graph costs what it shows.
    /// </summary>
    Summary,
}

/// <summary>Reference forms of nodes and edges (<see cref="NodeDetail.Summary"/>), the same in every store.</summary>
public static class References
{
    /// <summary>The node with only what a reference carries.</summary>
    public static GraphNode Of(GraphNode node)
    {
        var properties = new Dictionary<string, object?>(Link.OtherProperties.Count, StringComparer.Ordinal);
        foreach (var key in Link.OtherProperties)
        {
            if (node.Properties.TryGetValue(key, out var value) && value is not null) properties[key] = value;
        }
        return new GraphNode(node.Id, node.Label, properties, []);
    }

    /// <summary>The edge without its evidence and claims; its properties (a role, a side, the dates it holds) stay, being part of what it says.</summary>
    public static GraphEdge Of(GraphEdge edge) => new(edge.Type, edge.From, edge.To, edge.Properties, []);
}

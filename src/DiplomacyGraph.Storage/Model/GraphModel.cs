using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Model;

/// <summary>The sentence that supports a fact, and the source it comes from.</summary>
public sealed record Evidence(string SourceId, string Text)
{
    /// <summary>The fact this evidence was given for when it now hangs on another (entity resolution merged it there):
    /// a node id, or a relationship's original ends (<see cref="Resolution.Origins"/>); null for the fact's own. Undoing the
    /// merge gives it back to that fact.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Origin { get; init; }
}

/// <summary>
/// A node as every store holds it: its id, its label, its properties (name, kind and the label's own),
/// and the evidence for it. Property values are strings, string lists, numbers or booleans.
/// </summary>
public sealed record GraphNode(string Id, NodeLabel Label, IReadOnlyDictionary<string, object?> Properties, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>What each source says of the node's fields (<see cref="ClaimRules"/>); the properties are what they resolve to.
    /// Filled where a store reads one fact for its own page or for a write; may be empty elsewhere, so not serialised.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<SourceClaims> Claims { get; init; } = [];

    /// <summary>The id a write named when it resolved to this (canonical) node: its claims and evidence keep that origin,
    /// so undoing the merge gives them back (<see cref="Resolution.Origins"/>). Null for a write to the node itself.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Origin { get; init; }

    public string Name => Properties.TryGetValue("name", out var name) ? name as string ?? Id : Id;
    public string? Kind => Properties.TryGetValue("kind", out var kind) ? kind as string : null;
    public string? Date => Properties.TryGetValue("date", out var date) ? date as string : null;

    /// <summary>The key lists of this node sort by: the folded name (ties broken by id).</summary>
    public string SortKey => Properties.TryGetValue(InternalProperties.SortKey, out var key) && key is string s ? s : Text.Fold(Name);

    /// <summary>Folded names, aliases, text and quote: what a text search matches against.</summary>
    public IReadOnlyList<string> SearchTerms => Properties.TryGetValue(InternalProperties.SearchTerms, out var terms) && terms is string[] list ? list : [];

    public bool Matches(string foldedQuery) => SearchTerms.Any(t => t.Contains(foldedQuery, StringComparison.Ordinal));
}

/// <summary>Properties every store keeps for ordering and search; the API does not show them.</summary>
public static class InternalProperties
{
    public const string SortKey = "sortKey";
    public const string SearchTerms = "searchTerms";

    public static bool IsInternal(string key) => key is SortKey or SearchTerms or FactProvenance.Property;
}

/// <summary>A directed, typed relationship with its properties and evidence. One edge per (from, type, to).</summary>
public sealed record GraphEdge(string Type, string From, string To, IReadOnlyDictionary<string, object?> Properties, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>What each source says of the relationship's properties (<see cref="ClaimRules"/>), as for nodes.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<SourceClaims> Claims { get; init; } = [];

    /// <summary>The ends a write named (<see cref="Resolution.Origins.Edge"/>) when they resolved to merged nodes; null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Origin { get; init; }

    public string Id => EdgeId(From, Type, To);

    public static string EdgeId(string from, string type, string to) => $"{from}:{type}:{to}";
}

/// <summary>
/// An edge seen from one of its ends: the edge (with its properties and evidence), whether it leaves or enters that end,
/// and the node at the other end. That node is a reference, not the whole node: stores guarantee only its id, its label
/// and the properties <see cref="OtherProperties"/> names (name, kind, date and sortKey, when it has them); its other
/// properties, evidence and claims may be missing. The Neo4j store sends just these, which keeps its answers small (an
/// actor's linked events with all their evidence were 70 times the API's answer). Read a linked node in full with
/// <see cref="IGraphStore.GetNode"/>.
/// </summary>
public sealed record Link(GraphEdge Edge, string Direction, GraphNode Other)
{
    /// <summary>The properties of <see cref="Other"/> every store gives: what references, link order
    /// (<see cref="GraphOrder.Sort(IEnumerable{Link})"/>) and chronological lists of links read.</summary>
    public static readonly IReadOnlySet<string> OtherProperties =
        new HashSet<string>(["name", "kind", "date", InternalProperties.SortKey], StringComparer.Ordinal);
}

/// <summary>A node with every relationship it has; each linked node carries only what <see cref="Link"/> guarantees.</summary>
public sealed record NodeWithLinks(GraphNode Node, IReadOnlyList<Link> Links)
{
    public IEnumerable<Link> Out(string type) => Links.Where(l => l.Direction == Directions.Out && l.Edge.Type == type);
    public IEnumerable<Link> In(string type) => Links.Where(l => l.Direction == Directions.In && l.Edge.Type == type);
}

/// <summary>A set of nodes and the edges among them.</summary>
public sealed record Subgraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, bool Truncated);

/// <summary>One page of a longer list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

/// <summary>The shortest connection between two nodes: nodes in order, and the edge between each pair.</summary>
public sealed record GraphPath(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>Another actor who shared events with an actor, and those events.</summary>
public sealed record CoParticipant(GraphNode Actor, IReadOnlyList<GraphNode> Events);

/// <summary>A source and every node and edge its evidence supports.</summary>
public sealed record SourceFacts(GraphNode Source, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>What retracting a source removed: the facts deleted (left without evidence, or joined to a deleted node) and
/// the facts that lost its evidence and claims but keep other sources'.</summary>
public sealed record SourceRetraction(
    IReadOnlyList<string> NodesDeleted,
    IReadOnlyList<string> NodesUpdated,
    IReadOnlyList<string> EdgesDeleted,
    IReadOnlyList<string> EdgesUpdated);

namespace DiplomacyGraph.Storage.Vocabulary;

/// <summary>Node labels of the graph: the only labels any store writes or queries, each with its entry in <see cref="NodeKinds.All"/>.</summary>
public enum NodeLabel
{
    Actor,
    Event,
    Sanction,
    Statement,
    Place,
    Figure,
    Program,
    Source,
}

/// <summary>How a store lists the nodes of one kind, and so which index serves the list.</summary>
public enum ListOrder
{
    /// <summary>By id: no list of its own is asked for.</summary>
    ById,

    /// <summary>By folded name, then id (an index on the sort key).</summary>
    ByName,

    /// <summary>By date with the undated last, then id (an index on the date).</summary>
    Chronological,
}

/// <summary>One kind of node, as everything that handles nodes needs to know it.</summary>
/// <param name="Label">The node label: the only labels any store writes or queries.</param>
/// <param name="Section">The knowledge document's section that holds this kind (<c>actors</c>; the source is the single <c>source</c>).</param>
/// <param name="PathRank">Its rank among the nodes of a shortest path, lowest preferred (<see cref="Model.GraphOrder.First"/>).</param>
/// <param name="Order">How its lists are ordered, and so which index a store keeps for it.</param>
/// <param name="FilteredByKind">Whether its lists filter by <c>kind</c>, and so whether a store indexes the kind.</param>
/// <param name="IsFact">Whether it is a fact that sources cite (every kind but the source itself): relationships such as
/// ABOUT may point at it, and a 404 suggests it wherever an id of any kind was expected.</param>
/// <param name="Meaning">What a node of this kind is, for the documentation.</param>
public sealed record NodeKind(NodeLabel Label, string Section, int PathRank, ListOrder Order, bool FilteredByKind, bool IsFact, string Meaning)
{
    /// <summary>The label as Cypher writes it; interpolated into queries only from this table.</summary>
    public string CypherLabel { get; } = Enum.GetName(Label)!;
}

/// <summary>
/// The one table of node kinds. The document format (its sections, validator and reader), the graph mapping, path
/// preferences, both stores' schema and list orders, the OpenAPI enums, the Cypher lint allow-list and the table in
/// seed/README.md read it; <c>NodeKindRegistryTests</c> fails when a kind is missing from any of them.
/// </summary>
public static class NodeKinds
{
    public static readonly IReadOnlyList<NodeKind> All =
    [
        new(NodeLabel.Actor, "actors", PathRank: 3, ListOrder.ByName, FilteredByKind: true, IsFact: true,
            "a person, country or organization (kind), with the offices it holds"),
        new(NodeLabel.Event, "events", PathRank: 0, ListOrder.Chronological, FilteredByKind: true, IsFact: true,
            "something that happened on a date: a meeting, an operation, a demonstration, a decision (kind: a PLOVER type)"),
        new(NodeLabel.Sanction, "sanctions", PathRank: 2, ListOrder.Chronological, FilteredByKind: true, IsFact: true,
            "a sanction or restriction that actors imposed on actors"),
        new(NodeLabel.Statement, "statements", PathRank: 1, ListOrder.Chronological, FilteredByKind: false, IsFact: true,
            "something an actor said or wrote, about whom and where"),
        new(NodeLabel.Place, "places", PathRank: 4, ListOrder.ById, FilteredByKind: false, IsFact: true,
            "a place events occur in"),
        new(NodeLabel.Figure, "figures", PathRank: 5, ListOrder.ById, FilteredByKind: false, IsFact: true,
            "a number a source gives, with its unit, about something"),
        new(NodeLabel.Program, "programs", PathRank: 6, ListOrder.ById, FilteredByKind: false, IsFact: true,
            "a programme an actor runs, or a sanctions programme sanctions are imposed under"),
        new(NodeLabel.Source, "source", PathRank: 7, ListOrder.ById, FilteredByKind: false, IsFact: false,
            "the article, report or transcript that facts cite"),
    ];

    private static readonly NodeKind[] ByLabel = Index();

    public static NodeKind Of(NodeLabel label) => ByLabel[(int)label];

    /// <summary>The kinds that sources cite: what ABOUT may point at and what an id of any kind may suggest.</summary>
    public static IEnumerable<NodeKind> Facts => All.Where(k => k.IsFact);

    private static NodeKind[] Index()
    {
        var labels = Enum.GetValues<NodeLabel>();
        var byLabel = new NodeKind[labels.Length];
        foreach (var kind in All) byLabel[(int)kind.Label] = kind;
        var missing = labels.Where(l => byLabel[(int)l] is null).ToList();
        return missing.Count == 0 ? byLabel
            : throw new InvalidOperationException($"NodeKinds.All has no entry for {string.Join(", ", missing)}.");
    }
}

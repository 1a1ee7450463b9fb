namespace DiplomacyGraph.Storage.Model;

/// <summary>
/// Links as references: each relationship keeps its type and ends and loses its properties, evidence and claims. The
/// lists whose answers show only whom or what a fact links to (the event list, the timeline) promise no more, so the
/// Neo4j store never reads or sends the rest (on the timeline of a busy actor that was half of Neo4j's answer), and
/// the embedded store drops it, so both answer alike.
/// </summary>
public static class BareLinks
{
    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>(StringComparer.Ordinal);

    public static NodeWithLinks Of(NodeWithLinks node) => node with { Links = [.. node.Links.Select(Of)] };

    public static Page<NodeWithLinks> Of(Page<NodeWithLinks> page) => page with { Items = [.. page.Items.Select(Of)] };

    private static Link Of(Link link) =>
        link with { Edge = link.Edge with { Properties = NoProperties, Evidence = [], Claims = [], Origin = null } };
}

using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Model;

/// <summary>What every store imports: nodes and edges, whatever format they were read from.</summary>
public sealed record DocumentGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    /// <summary>
    /// An edge as every store holds it; a symmetric relationship (spouses, associates) is stored once, from the smaller id
    /// (see <see cref="RelationshipTypes.Canonical"/>).
    /// </summary>
    public static GraphEdge Edge(string type, string from, string to, IReadOnlyDictionary<string, string> properties, IReadOnlyList<Evidence> evidence)
    {
        var (first, second) = RelationshipTypes.Canonical(type, from, to, properties);
        return new(type, first, second,
            new SortedDictionary<string, object?>(properties.ToDictionary(p => p.Key, p => (object?)p.Value), StringComparer.Ordinal), evidence);
    }

    /// <summary>
    /// Several graphs as one, for a batch written in one transaction: a node or relationship that several hold (a source,
    /// a country) is merged (<see cref="GraphMerge"/>), so it carries every graph's evidence and claims. Nodes and edges
    /// keep the order in which they first appear.
    /// </summary>
    public static DocumentGraph Merge(IEnumerable<DocumentGraph> graphs)
    {
        var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var edges = new Dictionary<string, int>(StringComparer.Ordinal);
        var (nodeList, edgeList) = (new List<GraphNode>(), new List<GraphEdge>());
        foreach (var graph in graphs)
        {
            foreach (var node in graph.Nodes)
            {
                if (nodes.TryGetValue(node.Id, out var at)) nodeList[at] = GraphMerge.Node(nodeList[at], node);
                else { nodes[node.Id] = nodeList.Count; nodeList.Add(node); }
            }
            foreach (var edge in graph.Edges)
            {
                if (edges.TryGetValue(edge.Id, out var at)) edgeList[at] = GraphMerge.Edge(edgeList[at], edge);
                else { edges[edge.Id] = edgeList.Count; edgeList.Add(edge); }
            }
        }
        return new DocumentGraph(nodeList, edgeList);
    }

    private static readonly string[] SearchedProperties = ["name", "aliases", "weakAliases", "text", "quote"];

    /// <summary>One sentence of one source, as a fact's evidence.</summary>
    public static Evidence[] Cite(string sourceId, string text) => [new Evidence(sourceId, text)];

    /// <summary>
    /// A node as every store holds it: absent values and empty lists dropped, and the sort key and search terms derived
    /// from its name and searched values. Every input format builds its nodes through this.
    /// </summary>
    public static GraphNode Node(string id, NodeLabel label, IReadOnlyList<Evidence>? evidence, params (string Key, object? Value)[] properties)
    {
        var bag = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            // Absent values and empty lists are not stored, so that every store holds the same properties.
            switch (value)
            {
                case null:
                case IReadOnlyCollection<string> { Count: 0 }:
                    continue;
                case IEnumerable<string> list:
                    bag[key] = list.ToArray();
                    break;
                // Stores read every number back as a double (JSON), so whole numbers are held as doubles from the start:
                // a re-import compares equal.
                case long or int:
                    bag[key] = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    bag[key] = value;
                    break;
            }
        }
        var name = (string)bag["name"]!;
        bag[InternalProperties.SortKey] = Text.Fold(name);
        bag[InternalProperties.SearchTerms] = SearchedValues(bag).Select(Text.Fold).Distinct(StringComparer.Ordinal).ToArray();
        return new GraphNode(id, label, bag, evidence ?? []);
    }

    /// <summary>The names, aliases (weak ones too), text and quote of a node's values: what its search terms are folded from.</summary>
    public static IEnumerable<string> SearchedValues(IReadOnlyDictionary<string, object?> values) =>
        SearchedProperties.SelectMany(key => values.GetValueOrDefault(key) switch { string s => [s], string[] list => list, _ => Array.Empty<string>() });
}

/// <summary>
/// How a write merges into what a store already holds, the same in every store:
/// new non-null values win, lists are unioned (existing items first), and evidence accumulates per source.
/// </summary>
public static class GraphMerge
{
    public static IReadOnlyDictionary<string, object?> MergeProperties(IReadOnlyDictionary<string, object?> existing, IReadOnlyDictionary<string, object?> incoming)
    {
        var merged = new SortedDictionary<string, object?>(existing.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        foreach (var (key, value) in incoming)
        {
            merged[key] = value is string[] list && merged.GetValueOrDefault(key) is string[] current
                ? current.Concat(list.Where(item => !current.Contains(item, StringComparer.Ordinal))).ToArray()
                : value;
        }
        return merged;
    }

    public static IReadOnlyList<Evidence> MergeEvidence(IReadOnlyList<Evidence> existing, IReadOnlyList<Evidence> incoming) =>
        [.. existing, .. incoming.Where(e => !existing.Contains(e)).Distinct()];

    public static GraphNode Node(GraphNode existing, GraphNode incoming) =>
        existing with { Properties = MergeProperties(existing.Properties, incoming.Properties), Evidence = MergeEvidence(existing.Evidence, incoming.Evidence) };

    public static GraphEdge Edge(GraphEdge existing, GraphEdge incoming) =>
        existing with { Properties = MergeProperties(existing.Properties, incoming.Properties), Evidence = MergeEvidence(existing.Evidence, incoming.Evidence) };

    /// <summary>Whether merging changed anything, for import summaries.</summary>
    public static bool SameContent(IReadOnlyDictionary<string, object?> a, IReadOnlyList<Evidence> ea, IReadOnlyDictionary<string, object?> b, IReadOnlyList<Evidence> eb) =>
        ea.SequenceEqual(eb) && SameValues(a, b);

    public static bool SameValues(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && ValueEquals(p.Value, v));

    private static bool ValueEquals(object? x, object? y) => (x, y) switch
    {
        (string[] l, string[] r) => l.SequenceEqual(r, StringComparer.Ordinal),
        (double l, double r) => l.Equals(r),
        _ => Equals(x, y),
    };
}

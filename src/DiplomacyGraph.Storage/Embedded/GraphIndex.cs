using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>An immutable in-memory snapshot of the graph with adjacency lists; replaced whole on every write.</summary>
internal sealed class GraphIndex
{
    public IReadOnlyDictionary<string, GraphNode> Nodes { get; }
    public IReadOnlyDictionary<string, GraphEdge> Edges { get; }
    private readonly Dictionary<string, List<Link>> adjacency = new(StringComparer.Ordinal);

    public GraphIndex(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges)
    {
        Nodes = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        Edges = edges.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var edge in Edges.Values)
        {
            if (!Nodes.TryGetValue(edge.From, out var from) || !Nodes.TryGetValue(edge.To, out var to)) continue;
            Adjacent(edge.From).Add(new Link(edge, Directions.Out, to));
            Adjacent(edge.To).Add(new Link(edge, Directions.In, from));
        }
    }

    private List<Link> Adjacent(string id) =>
        adjacency.TryGetValue(id, out var list) ? list : adjacency[id] = [];

    public IReadOnlyList<Link> LinksOf(string id) =>
        adjacency.TryGetValue(id, out var list) ? list : [];

    public GraphNode? Find(NodeLabel label, string id) =>
        Nodes.TryGetValue(id, out var node) && node.Label == label ? node : null;

    public IEnumerable<GraphNode> WithLabel(NodeLabel label) => Nodes.Values.Where(n => n.Label == label);

    public NodeWithLinks WithLinks(GraphNode node) => new(node, GraphOrder.Sort(LinksOf(node.Id)));

    public bool Linked(string a, string b) => LinksOf(a).Any(l => l.Other.Id == b);

    public bool HasEdge(string from, string type, string to) => Edges.ContainsKey(GraphEdge.EdgeId(from, type, to));

    /// <summary>Breadth-first distances from a node, following edges both ways, up to a depth.</summary>
    public Dictionary<string, int> Distances(string start, int depth)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
        var frontier = new List<string> { start };
        for (var d = 1; d <= depth && frontier.Count > 0; d++)
        {
            var next = new List<string>();
            foreach (var id in frontier)
            {
                foreach (var link in LinksOf(id))
                {
                    if (distance.TryAdd(link.Other.Id, d)) next.Add(link.Other.Id);
                }
            }
            frontier = next;
        }
        return distance;
    }

    /// <summary>The nodes given and every edge between two of them.</summary>
    public Subgraph Induced(IReadOnlyList<GraphNode> nodes, bool truncated)
    {
        // Follow the chosen nodes' own outgoing links rather than scanning every edge of the graph.
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var edges = nodes.SelectMany(n => LinksOf(n.Id))
            .Where(l => l.Direction == Directions.Out && ids.Contains(l.Other.Id))
            .Select(l => l.Edge);
        return new Subgraph(nodes, GraphOrder.Sort(edges), truncated);
    }

    /// <summary>Every shortest undirected path from one node to another of at most maxDepth hops.</summary>
    public IEnumerable<GraphPath> AllShortestPaths(string from, string to, int maxDepth)
    {
        var distance = Distances(from, maxDepth);
        if (!distance.TryGetValue(to, out var length)) yield break;

        // Walk back from the target along edges whose far end is one step closer to the start.
        IEnumerable<(List<GraphNode> Nodes, List<GraphEdge> Edges)> Back(string id, int d)
        {
            if (d == 0)
            {
                yield return ([Nodes[id]], []);
                yield break;
            }
            foreach (var link in LinksOf(id).Where(l => distance.TryGetValue(l.Other.Id, out var od) && od == d - 1))
            {
                foreach (var (nodes, edges) in Back(link.Other.Id, d - 1))
                {
                    yield return ([.. nodes, Nodes[id]], [.. edges, link.Edge]);
                }
            }
        }

        foreach (var (nodes, edges) in Back(to, length))
        {
            yield return new GraphPath(nodes, edges);
        }
    }
}

using System.Text;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// The in-memory graph of the embedded store, with the indexes its queries start from: adjacency per node, nodes of a
/// label (and of a label and kind) in the order lists come in, facts by id, what each source's evidence supports, and
/// actors' search keys, and hubs' ordered lists (<see cref="HubCaches"/>). <see cref="Apply(Change)"/> changes it in place at a cost
/// proportional to what changed (a node's adjacency list aside), never to the graph; <see cref="Prepare"/> does the part
/// of that work that touches nothing readers see. Not thread-safe: <see cref="EmbeddedGraphStore"/> guards it.
/// </summary>
internal sealed partial class GraphIndex
{
    /// <summary>An edge's identity without building its string id.</summary>
    public readonly record struct EdgeKey(string From, string Type, string To)
    {
        public static EdgeKey Of(GraphEdge edge) => new(edge.From, edge.Type, edge.To);
    }

    private readonly Dictionary<string, GraphNode> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<EdgeKey, GraphEdge> edges = new();
    private readonly Dictionary<string, List<GraphEdge>> adjacency = new(StringComparer.Ordinal);
    // The self-loops of each node that has any: a node's degree is its adjacency list's length plus these (a self-loop
    // is one entry but two links), so ranking thousands of search matches by degree reads no edge.
    private readonly Dictionary<string, int> selfLoops = new(StringComparer.Ordinal);
    private readonly Dictionary<(NodeLabel Label, string? Kind), SortedSet<GraphNode>> ordered = new();

    // Facts of a chronological label by their curated/coded marker (FactProvenance), in list order: provenance= lists.
    private readonly Dictionary<(NodeLabel Label, string Provenance), SortedSet<GraphNode>> byProvenance = new();
    private readonly SortedSet<GraphNode> factsById = new(Comparer<GraphNode>.Create(GraphOrder.ById));
    private readonly Dictionary<string, HashSet<string>> nodesCiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<EdgeKey>> edgesCiting = new(StringComparer.Ordinal);
    private readonly ActorSearchIndex search = new();
    // Actors by topic code, each set in list order (by name), so a topic filter pages without sorting.
    private readonly Dictionary<string, SortedSet<GraphNode>> actorsByTopic = new(StringComparer.Ordinal);
    private readonly StringPool pool = new();
    private readonly EventFacets eventFacets = new();
    // Hubs' neighbours in name order and linked nodes in date order, built by the first read that needs them and kept
    // up to date by writes.
    private readonly HubCaches hubs = new();

    /// <summary>From how many links a node's neighbours are kept in name order for walks (<see cref="NeighboursByName"/>).</summary>
    public int HubDegree { get; init; } = DefaultHubDegree;

    public const int DefaultHubDegree = 1024;

    public IReadOnlyDictionary<string, GraphNode> Nodes => nodes;

    public int EdgeCount => edges.Count;

    public GraphNode? Find(NodeLabel label, string id) =>
        nodes.TryGetValue(id, out var node) && node.Label == label ? node : null;

    public GraphEdge? Edge(string from, string type, string to) => edges.GetValueOrDefault(new EdgeKey(from, type, to));

    public bool HasEdge(string from, string type, string to) => edges.ContainsKey(new EdgeKey(from, type, to));

    /// <summary>A node's relationships seen from it; a self-loop appears once out and once in.</summary>
    public IReadOnlyList<Link> LinksOf(string id)
    {
        if (!adjacency.TryGetValue(id, out var list)) return [];
        var links = new List<Link>(list.Count);
        foreach (var edge in list)
        {
            if (edge.From == id && nodes.TryGetValue(edge.To, out var to)) links.Add(new Link(edge, Directions.Out, to));
            if (edge.To == id && nodes.TryGetValue(edge.From, out var from)) links.Add(new Link(edge, Directions.In, from));
        }
        return links;
    }

    /// <summary>How many links <see cref="LinksOf"/> gives, without building them or reading an edge.</summary>
    public int Degree(string id) =>
        adjacency.TryGetValue(id, out var list) ? list.Count + selfLoops.GetValueOrDefault(id) : 0;

    /// <summary>The ids one hop from a node, either way.</summary>
    public IEnumerable<string> Neighbours(string id)
    {
        if (!adjacency.TryGetValue(id, out var list)) yield break;
        foreach (var edge in list) yield return edge.From == id ? edge.To : edge.From;
    }

    /// <summary>
    /// A hub's distinct neighbours by sort key then id, so that a walk keeping the first few by name stops reading after
    /// them; null for a node with fewer than <see cref="HubDegree"/> links (reading those is already cheap).
    /// </summary>
    public IReadOnlyCollection<GraphNode>? NeighboursByName(string id) =>
        Degree(id) < HubDegree ? null : hubs.Neighbours(id, NeighbourNodes);

    private IEnumerable<GraphNode> NeighbourNodes(string id) => Neighbours(id).Select(n => nodes.GetValueOrDefault(n)).OfType<GraphNode>();

    /// <summary>
    /// The distinct nodes of a label at the other end of a node's links of one type and direction, in
    /// <see cref="GraphOrder.Chronological"/> order; kept for hubs and updated by writes, as <see cref="NeighboursByName"/> is.
    /// </summary>
    public IReadOnlyCollection<GraphNode> LinkedChronologically(string id, string type, string direction, NodeLabel label)
    {
        var key = new HubCaches.LinkedKey(id, type, direction, label);
        return Degree(id) < HubDegree ? GraphOrder.SortChronologically(LinkedNodes(key)) : hubs.Linked(key, LinkedNodes);
    }

    private IEnumerable<GraphNode> LinkedNodes(HubCaches.LinkedKey key) => EdgesOf(key.Id)
        .Where(e => e.Type == key.Type && (key.Direction == Directions.Out ? e.From == key.Id : e.To == key.Id))
        .Select(e => nodes.GetValueOrDefault(key.Direction == Directions.Out ? e.To : e.From))
        .OfType<GraphNode>()
        .Where(n => n.Label == key.Label)
        .DistinctBy(n => n.Id);

    /// <summary>The hub lists that differ from the same lists built afresh: none, when writes keep them right (for tests).</summary>
    public IReadOnlyList<string> HubDrift() => [.. hubs.Drift(NeighbourNodes, LinkedNodes)];

    public bool Linked(string a, string b) => adjacency.TryGetValue(a, out var list) && list.Exists(e => e.From == b || e.To == b);

    /// <summary>The nodes of a label (and kind), in list order: by name for actors, by date for events, sanctions and statements, else by id.</summary>
    public IReadOnlyCollection<GraphNode> Ordered(NodeLabel label, string? kind = null) =>
        ordered.TryGetValue((label, kind), out var set) ? set : [];

    /// <summary>The facts of a chronologically listed label with this marker (<see cref="FactProvenance"/>), in list order.</summary>
    public IReadOnlyCollection<GraphNode> OrderedByProvenance(NodeLabel label, string provenance) =>
        byProvenance.TryGetValue((label, provenance), out var set) ? set : [];

    /// <summary>
    /// The dated nodes of a chronologically listed label (and kind) whose date lies between two bounds, inclusive, in list
    /// order: a range of the ordered set, not a filter over all of it. <paramref name="ceiling"/> compares as a whole date
    /// (every node dated exactly so is in), and null means every date (undated nodes are never in).
    /// </summary>
    public IEnumerable<GraphNode> OrderedBetween(NodeLabel label, string? kind, string floor, string? ceiling)
    {
        if (ListOrder(label) != GraphOrder.Chronological) throw new ArgumentOutOfRangeException(nameof(label), label, "Not listed by date.");
        if (!ordered.TryGetValue((label, kind), out var set)) return [];
        // Probes: the least node of the floor's date, and the greatest of the ceiling's ("~" sorts after every date, before undated).
        var low = Probe(label, floor, "");
        var high = Probe(label, ceiling ?? "~", "\uffff");
        return set.Comparer.Compare(low, high) > 0 ? [] : set.GetViewBetween(low, high);

        static GraphNode Probe(NodeLabel label, string date, string id) =>
            new(id, label, new Dictionary<string, object?>(StringComparer.Ordinal) { ["date"] = date }, []);
    }

    /// <summary>Every node but sources, by id.</summary>
    public IReadOnlyCollection<GraphNode> FactsById => factsById;

    /// <summary>The facts whose id comes after <paramref name="after"/> (ordinal; all of them when null), by id: a view of the ordered set, entered in a log.</summary>
    public IEnumerable<GraphNode> FactsAfter(string? after)
    {
        if (after is null || factsById.Count == 0) return factsById;
        var probe = new GraphNode(after, NodeLabel.Actor, new Dictionary<string, object?>(), []);
        if (factsById.Comparer.Compare(probe, factsById.Max!) >= 0) return [];
        return factsById.GetViewBetween(probe, factsById.Max!).Where(n => string.CompareOrdinal(n.Id, after) > 0);
    }

    public NodeWithLinks WithLinks(GraphNode node) => new(node, GraphOrder.Sort(LinksOf(node.Id)));

    public IEnumerable<GraphNode> NodesCiting(string sourceId) =>
        nodesCiting.TryGetValue(sourceId, out var ids) ? ids.Select(id => nodes[id]) : [];

    public IEnumerable<GraphEdge> EdgesCiting(string sourceId) =>
        edgesCiting.TryGetValue(sourceId, out var keys) ? keys.Select(k => edges[k]) : [];

    /// <summary>
    /// One page of the actors one of whose keys starts with the folded query (an ordered range, not a scan), ranked
    /// (<see cref="ActorSearchIndex.Find"/>), and how many match.
    /// </summary>
    public (List<GraphNode> Items, int Total) SearchActors(string foldedQuery, Func<GraphNode, bool>? filter, int skip, int take) =>
        search.Find(foldedQuery, filter, skip, take);

    /// <summary>Puts every actor in search rank order, once the file has been read (writes keep it so from then on).</summary>
    public void RankSearch() => search.Rank(Degree);

    /// <summary>The actors carrying a topic code, in list order (by name).</summary>
    public IReadOnlyCollection<GraphNode> ActorsWithTopic(string topic) =>
        actorsByTopic.TryGetValue(topic, out var set) ? set : [];

    /// <summary>Events by PLOVER mode, context, sector and quad class, each in list order.</summary>
    public EventFacets EventFacets => eventFacets;

    /// <summary>A node's edges as stored (a self-loop once), without building links: for walks over hubs.</summary>
    public IReadOnlyList<GraphEdge> EdgesOf(string id) => adjacency.TryGetValue(id, out var list) ? list : [];

    /// <summary>A write made ready for <see cref="Apply(Change)"/>: its nodes and edges compacted, with pooled strings.</summary>
    public sealed record Change(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, IReadOnlyList<string> DeletedNodes, IReadOnlyList<EdgeKey> DeletedEdges);

    /// <summary>
    /// Readies a committed write: strings pooled and property maps compacted, which is most of the index's memory saving
    /// and most of a write's work. It changes nothing readers see (only the writer uses the pool), so the store does it
    /// before taking its write lock; the caller must be the only writer.
    /// </summary>
    public Change Prepare(IEnumerable<GraphNode> upserted, IEnumerable<GraphEdge> upsertedEdges, IEnumerable<string> deletedNodes, IEnumerable<EdgeKey> deletedEdges) =>
        new([.. upserted.Select(Compact)], [.. upsertedEdges.Select(Compact)], [.. deletedNodes], [.. deletedEdges]);

    /// <summary>Applies a committed write: upserts, then edge deletes, then node deletes (whose edges the caller deletes too).</summary>
    public void Apply(IEnumerable<GraphNode> upserted, IEnumerable<GraphEdge> upsertedEdges, IEnumerable<string> deletedNodes, IEnumerable<EdgeKey> deletedEdges) =>
        Apply(Prepare(upserted, upsertedEdges, deletedNodes, deletedEdges));

    /// <summary>Applies a prepared write (<see cref="Prepare"/>); hubs' lists are updated, not dropped.</summary>
    public void Apply(Change change)
    {
        foreach (var node in change.Nodes) Put(node);
        foreach (var edge in change.Edges) Put(edge);
        foreach (var key in change.DeletedEdges) RemoveEdge(key);
        foreach (var id in change.DeletedNodes) RemoveNode(id);
        search.Refresh(Degree);
    }

    private void RemoveEdge(EdgeKey key)
    {
        if (!edges.Remove(key, out var edge)) return;
        RemoveAdjacent(edge.From, edge);
        if (edge.To != edge.From) RemoveAdjacent(edge.To, edge);
        else if (selfLoops.GetValueOrDefault(edge.From) > 1) selfLoops[edge.From]--;
        else selfLoops.Remove(edge.From);
        if (!hubs.IsEmpty) hubs.Unlinked(edge, nodes.GetValueOrDefault(edge.From), nodes.GetValueOrDefault(edge.To), StillLinked(edge.From, edge.To));
        search.Touch(edge.From);
        search.Touch(edge.To);
        foreach (var source in edge.Evidence.Select(e => e.SourceId).Distinct()) Uncite(edgesCiting, source, key);
        eventFacets.Unlink(edge);
    }

    private void Put(GraphNode node)
    {
        if (nodes.TryGetValue(node.Id, out var old)) Unindex(old);
        nodes[node.Id] = node;
        Index(node);
        if (hubs.IsEmpty) return;
        if (old is not null && old.Label == node.Label) hubs.Replaced(old, node, EdgesOf(node.Id));
        // A node changing label, or arriving after links to it: not what writes do (both are refused), so not kept in place.
        else if (old is not null || EdgesOf(node.Id).Count > 0) hubs.Clear();
    }

    private void Put(GraphEdge edge)
    {
        var key = EdgeKey.Of(edge);
        if (edges.TryGetValue(key, out var old))
        {
            ReplaceAdjacent(edge.From, old, edge);
            if (edge.To != edge.From) ReplaceAdjacent(edge.To, old, edge);
            foreach (var source in old.Evidence.Select(e => e.SourceId).Distinct()) Uncite(edgesCiting, source, key);
            eventFacets.Unlink(old);
        }
        else
        {
            Adjacent(edge.From).Add(edge);
            if (edge.To != edge.From) Adjacent(edge.To).Add(edge);
            else selfLoops[edge.From] = selfLoops.GetValueOrDefault(edge.From) + 1;
            if (!hubs.IsEmpty) hubs.Linked(edge, nodes.GetValueOrDefault(edge.From), nodes.GetValueOrDefault(edge.To));
            search.Touch(edge.From);
            search.Touch(edge.To);
        }
        edges[key] = edge;
        foreach (var source in edge.Evidence.Select(e => e.SourceId).Distinct()) Cite(edgesCiting, source, key);
        eventFacets.Link(edge);
    }

    private void RemoveNode(string id)
    {
        if (!nodes.Remove(id, out var node)) return;
        Unindex(node);
        eventFacets.Forget(id);
        adjacency.Remove(id);
        selfLoops.Remove(id);
        hubs.Removed(id);
    }

    /// <summary>
    /// Whether any link still joins two nodes (after one between them was removed): read off the smaller end's links, or,
    /// when both are large (two hubs), looked up by every relationship type either way, so the cost never follows a hub.
    /// </summary>
    private bool StillLinked(string a, string b)
    {
        var (fewer, other) = Degree(a) <= Degree(b) ? (a, b) : (b, a);
        var list = EdgesOf(fewer);
        if (list.Count <= LinkTypes.Length * 2) return list.Any(e => (e.From == fewer ? e.To : e.From) == other);
        return LinkTypes.Any(type => edges.ContainsKey(new EdgeKey(a, type, b)) || edges.ContainsKey(new EdgeKey(b, type, a)));
    }

    private static readonly string[] LinkTypes = [.. RelationshipTypes.All.Select(r => r.Type).Distinct(StringComparer.Ordinal)];

    private void Index(GraphNode node)
    {
        Set(node.Label, null).Add(node);
        if (node.Kind is not null) Set(node.Label, node.Kind).Add(node);
        if (GraphOrder.IsFact(node.Label)) factsById.Add(node);
        eventFacets.Index(node);
        if (NodeKinds.Of(node.Label).Order == Vocabulary.ListOrder.Chronological) ProvenanceSet(node).Add(node);
        foreach (var source in node.Evidence.Select(e => e.SourceId).Distinct()) Cite(nodesCiting, source, node.Id);
        if (node.Label == NodeLabel.Actor)
        {
            search.Add(node, [.. ActorSearchKeys.Of(node).Select(k => new ActorSearchKeys.Key(pool.Get(k.Text), k.Whole))], Degree(node.Id));
            foreach (var topic in Topics(node))
            {
                if (!actorsByTopic.TryGetValue(topic, out var set)) actorsByTopic[topic] = set = new SortedSet<GraphNode>(Comparer<GraphNode>.Create(GraphOrder.ByName));
                set.Add(node);
            }
        }
    }

    private static IEnumerable<string> Topics(GraphNode actor) =>
        (actor.Properties.GetValueOrDefault("topics") as string[] ?? []).Distinct(StringComparer.Ordinal);

    private void Unindex(GraphNode node)
    {
        Set(node.Label, null).Remove(node);
        if (node.Kind is not null && ordered.TryGetValue((node.Label, node.Kind), out var ofKind))
        {
            ofKind.Remove(node);
            if (ofKind.Count == 0) ordered.Remove((node.Label, node.Kind));
        }
        factsById.Remove(node);
        eventFacets.Unindex(node);
        if (NodeKinds.Of(node.Label).Order == Vocabulary.ListOrder.Chronological) ProvenanceSet(node).Remove(node);
        foreach (var source in node.Evidence.Select(e => e.SourceId).Distinct()) Uncite(nodesCiting, source, node.Id);
        if (node.Label == NodeLabel.Actor)
        {
            search.Remove(node.Id);
            foreach (var topic in Topics(node))
            {
                if (actorsByTopic.TryGetValue(topic, out var set) && set.Remove(node) && set.Count == 0) actorsByTopic.Remove(topic);
            }
        }
    }

    private SortedSet<GraphNode> ProvenanceSet(GraphNode node)
    {
        var key = (node.Label, FactProvenance.Of(node));
        if (!byProvenance.TryGetValue(key, out var set)) byProvenance[key] = set = new SortedSet<GraphNode>(Comparer<GraphNode>.Create(ListOrder(node.Label)));
        return set;
    }

    private SortedSet<GraphNode> Set(NodeLabel label, string? kind)
    {
        if (!ordered.TryGetValue((label, kind), out var set))
        {
            set = new SortedSet<GraphNode>(Comparer<GraphNode>.Create(ListOrder(label)));
            ordered[(label, kind)] = set;
        }
        return set;
    }

    public static Comparison<GraphNode> ListOrder(NodeLabel label) => NodeKinds.Of(label).Order switch
    {
        Vocabulary.ListOrder.ByName => GraphOrder.ByName,
        Vocabulary.ListOrder.Chronological => GraphOrder.Chronological,
        _ => GraphOrder.ById,
    };

    private List<GraphEdge> Adjacent(string id)
    {
        if (!adjacency.TryGetValue(id, out var list))
        {
            list = new List<GraphEdge>(2);
            adjacency[id] = list;
        }
        return list;
    }

    private void RemoveAdjacent(string id, GraphEdge edge)
    {
        if (!adjacency.TryGetValue(id, out var list)) return;
        var at = list.FindIndex(e => ReferenceEquals(e, edge));
        if (at < 0) return;
        // Order within a list does not matter (links are sorted when read), so swap with the last: O(1) after the find.
        list[at] = list[^1];
        list.RemoveAt(list.Count - 1);
    }

    private void ReplaceAdjacent(string id, GraphEdge old, GraphEdge edge)
    {
        var list = Adjacent(id);
        var at = list.FindIndex(e => ReferenceEquals(e, old));
        if (at >= 0) list[at] = edge;
        else list.Add(edge);
    }

    private static void Cite<T>(Dictionary<string, HashSet<T>> citing, string source, T fact)
    {
        if (!citing.TryGetValue(source, out var set))
        {
            set = [];
            citing[source] = set;
        }
        set.Add(fact);
    }

    private static void Uncite<T>(Dictionary<string, HashSet<T>> citing, string source, T fact)
    {
        if (citing.TryGetValue(source, out var set) && set.Remove(fact) && set.Count == 0) citing.Remove(source);
    }

    /// <summary>
    /// A description of everything the index holds, in a fixed order, for comparing an index kept up to date
    /// write by write with one built afresh from the file.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var node in nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            text.Append("node ").Append(node.Id).Append(' ').Append(node.Label).Append(' ').AppendJoin(",", node.Properties.Select(p => $"{p.Key}={Show(p.Value)}"))
                .Append(" [").AppendJoin("|", node.Evidence).Append("] claims ").AppendJoin(";", node.Claims.Select(Claims)).Append('\n');
            text.Append("  degree ").Append(Degree(node.Id)).Append(" links ").AppendJoin(",", GraphOrder.Sort(LinksOf(node.Id)).Select(l => $"{l.Direction}:{l.Edge.Id}")).Append('\n');
        }
        foreach (var edge in edges.Values.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            text.Append("edge ").Append(edge.Id).Append(' ').AppendJoin(",", edge.Properties.Select(p => $"{p.Key}={Show(p.Value)}"))
                .Append(" [").AppendJoin("|", edge.Evidence).Append("] claims ").AppendJoin(";", edge.Claims.Select(Claims)).Append('\n');
        }
        foreach (var ((label, kind), set) in ordered.OrderBy(o => o.Key.Label).ThenBy(o => o.Key.Kind, StringComparer.Ordinal))
        {
            text.Append("list ").Append(label).Append(' ').Append(kind).Append(": ").AppendJoin(",", set.Select(n => n.Id)).Append('\n');
        }
        text.Append("facts: ").AppendJoin(",", factsById.Select(n => n.Id)).Append('\n');
        foreach (var (source, ids) in nodesCiting.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append("cited by nodes ").Append(source).Append(": ").AppendJoin(",", ids.Order(StringComparer.Ordinal)).Append('\n');
        }
        foreach (var (source, keys) in edgesCiting.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append("cited by edges ").Append(source).Append(": ").AppendJoin(",", keys.Select(k => $"{k.From}:{k.Type}:{k.To}").Order(StringComparer.Ordinal)).Append('\n');
        }
        text.Append("search: ").AppendJoin(",", search.Describe()).Append('\n');
        text.Append("search ranks: ").AppendJoin(",", search.DescribeRanks()).Append('\n');
        foreach (var (topic, set) in actorsByTopic.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.Append("topic ").Append(topic).Append(": ").AppendJoin(",", set.Select(n => n.Id)).Append('\n');
        }
        return text.ToString();

        static string Claims(SourceClaims c) => $"{c.SourceId}{(c.Origin is null ? "" : "@" + c.Origin)}:{string.Join(",", c.Values.Select(p => $"{p.Key}={Show(p.Value)}"))}";

        static string Show(object? value) => value is string[] list ? $"[{string.Join("|", list)}]" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}

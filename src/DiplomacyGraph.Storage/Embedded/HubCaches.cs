using System.Collections.Concurrent;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// A hub's ordered lists, for <see cref="GraphIndex"/>: its distinct neighbours in name order (network walks), and its
/// distinct linked nodes of one relationship type, direction and label in date order (a country's sanctions). The first
/// read that needs one builds it; from then on every write updates it in place, an insert or a removal per changed link
/// or node, so a write costs what it changes (times log of the hub's size) and never throws away a 45,000-neighbour list
/// for the next reader to rebuild.
/// </summary>
/// <remarks>
/// Reads build and walk the lists under the store's read lock, several at once (hence concurrent maps: two readers may
/// race to build the same list, and one wins); writes change them only under its write lock, when no reader walks them.
/// </remarks>
internal sealed class HubCaches
{
    /// <summary>A hub's linked nodes: those at the other end of its links of <paramref name="Type"/>, seen from it in <paramref name="Direction"/>, of <paramref name="Label"/>.</summary>
    public readonly record struct LinkedKey(string Id, string Type, string Direction, NodeLabel Label);

    private static readonly IComparer<GraphNode> NameOrder = Comparer<GraphNode>.Create(GraphOrder.ByName);
    private static readonly IComparer<GraphNode> DateOrder = Comparer<GraphNode>.Create(GraphOrder.Chronological);

    private readonly ConcurrentDictionary<string, SortedSet<GraphNode>> neighbours = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<LinkedKey, SortedSet<GraphNode>> linked = new();

    public bool IsEmpty => neighbours.IsEmpty && linked.IsEmpty;

    /// <summary>How many lists are kept: a write touching a hub node updates at most this many.</summary>
    public int Count => neighbours.Count + linked.Count;

    public IReadOnlyCollection<GraphNode> Neighbours(string hub, Func<string, IEnumerable<GraphNode>> build) =>
        neighbours.GetOrAdd(hub, static (id, build) => new SortedSet<GraphNode>(build(id), NameOrder), build);

    public IReadOnlyCollection<GraphNode> Linked(LinkedKey key, Func<LinkedKey, IEnumerable<GraphNode>> build) =>
        linked.GetOrAdd(key, static (k, build) => new SortedSet<GraphNode>(build(k), DateOrder), build);

    /// <summary>For the rare change the in-place updates do not follow (a node changing label, links arriving before their node).</summary>
    public void Clear()
    {
        neighbours.Clear();
        linked.Clear();
    }

    /// <summary>A new link: each end joins the other's lists (a set: a neighbour already there through another link stays once).</summary>
    public void Linked(GraphEdge edge, GraphNode? from, GraphNode? to)
    {
        if (from is null || to is null) return;
        if (neighbours.TryGetValue(edge.From, out var ofFrom)) ofFrom.Add(to);
        if (neighbours.TryGetValue(edge.To, out var ofTo)) ofTo.Add(from);
        if (linked.TryGetValue(new(edge.From, edge.Type, Directions.Out, to.Label), out var outgoing)) outgoing.Add(to);
        if (linked.TryGetValue(new(edge.To, edge.Type, Directions.In, from.Label), out var incoming)) incoming.Add(from);
    }

    /// <summary>
    /// A removed link: each end leaves the other's linked lists (an edge is the only one of its type and direction between
    /// its ends), and the other's neighbours unless another link still joins them (<paramref name="stillNeighbours"/>).
    /// </summary>
    public void Unlinked(GraphEdge edge, GraphNode? from, GraphNode? to, bool stillNeighbours)
    {
        if (from is null || to is null) return;
        if (!stillNeighbours)
        {
            if (neighbours.TryGetValue(edge.From, out var ofFrom)) ofFrom.Remove(to);
            if (neighbours.TryGetValue(edge.To, out var ofTo)) ofTo.Remove(from);
        }
        if (linked.TryGetValue(new(edge.From, edge.Type, Directions.Out, to.Label), out var outgoing)) outgoing.Remove(to);
        if (linked.TryGetValue(new(edge.To, edge.Type, Directions.In, from.Label), out var incoming)) incoming.Remove(from);
    }

    /// <summary>
    /// A node replaced by a new copy (same id and label): the lists holding the old copy hold the new one, at its new place
    /// (its name or date may have changed). Only lists of the node's neighbours can hold it: its links are read when they
    /// are fewer than the lists kept, else every list is asked.
    /// </summary>
    public void Replaced(GraphNode old, GraphNode node, IReadOnlyList<GraphEdge> links)
    {
        if (IsEmpty) return;
        if (links.Count <= Count)
        {
            foreach (var edge in links)
            {
                if (edge.From == node.Id)
                {
                    Swap(neighbours.GetValueOrDefault(edge.To));
                    Swap(linked.GetValueOrDefault(new(edge.To, edge.Type, Directions.In, node.Label)));
                }
                if (edge.To == node.Id)
                {
                    Swap(neighbours.GetValueOrDefault(edge.From));
                    Swap(linked.GetValueOrDefault(new(edge.From, edge.Type, Directions.Out, node.Label)));
                }
            }
            return;
        }
        foreach (var set in neighbours.Values) Swap(set);
        foreach (var set in linked.Values) Swap(set);

        void Swap(SortedSet<GraphNode>? set)
        {
            // Found by the old copy's own name or date, which the comparer reads: the set still orders it by them.
            if (set is not null && set.Remove(old)) set.Add(node);
        }
    }

    /// <summary>A removed node: its own lists go (its links were removed before it, which took it out of its neighbours').</summary>
    public void Removed(string id)
    {
        if (IsEmpty) return;
        neighbours.TryRemove(id, out _);
        foreach (var key in linked.Keys)
        {
            if (key.Id == id) linked.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// Each kept list that differs from the same list built afresh (the same node copies in the same order), for tests:
    /// empty when every in-place update was right.
    /// </summary>
    public IEnumerable<string> Drift(Func<string, IEnumerable<GraphNode>> buildNeighbours, Func<LinkedKey, IEnumerable<GraphNode>> buildLinked)
    {
        foreach (var (hub, set) in neighbours)
        {
            if (!set.SequenceEqual(new SortedSet<GraphNode>(buildNeighbours(hub), NameOrder), ReferenceEqualityComparer.Instance))
            {
                yield return $"neighbours of {hub}";
            }
        }
        foreach (var (key, set) in linked)
        {
            if (!set.SequenceEqual(new SortedSet<GraphNode>(buildLinked(key), DateOrder), ReferenceEqualityComparer.Instance))
            {
                yield return $"{key.Type} {key.Direction} {key.Label} of {key.Id}";
            }
        }
    }
}

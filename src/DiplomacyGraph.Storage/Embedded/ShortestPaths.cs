using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// The shortest undirected path that <see cref="GraphOrder.First"/> prefers, found without listing paths.
/// A bidirectional breadth-first search grows the smaller side one level at a time and stops at the level where the
/// sides meet, so its cost is the two balls of half the path's length, not the ball of its whole length. The layers
/// of nodes that lie on some shortest path are then walked greedily: first the least label preferences, then the
/// least relationship-type ranks, then the least node ids, then the least edge id per step, which is
/// GraphOrder.First's order over every shortest path.
/// </summary>
internal static class ShortestPaths
{
    public static GraphPath? Best(GraphIndex index, string from, string to, int maxDepth)
    {
        if (from == to) return new GraphPath([index.Nodes[from]], []);
        var forward = new Dictionary<string, int>(StringComparer.Ordinal) { [from] = 0 };
        var backward = new Dictionary<string, int>(StringComparer.Ordinal) { [to] = 0 };
        List<string> forwardFrontier = [from], backwardFrontier = [to];
        var (forwardDepth, backwardDepth) = (0, 0);
        List<string>? meeting = null;
        while (meeting is null && forwardDepth + backwardDepth < maxDepth && forwardFrontier.Count > 0 && backwardFrontier.Count > 0)
        {
            var growForward = forwardFrontier.Count <= backwardFrontier.Count;
            var (frontier, seen, other) = growForward ? (forwardFrontier, forward, backward) : (backwardFrontier, backward, forward);
            var depth = (growForward ? forwardDepth : backwardDepth) + 1;
            var next = new List<string>();
            foreach (var id in frontier)
            {
                foreach (var neighbour in index.Neighbours(id))
                {
                    if (seen.TryAdd(neighbour, depth)) next.Add(neighbour);
                }
            }
            var met = next.Where(other.ContainsKey).ToList();
            if (growForward)
            {
                (forwardFrontier, forwardDepth) = (next, depth);
            }
            else
            {
                (backwardFrontier, backwardDepth) = (next, depth);
            }
            if (met.Count > 0) meeting = met;
        }
        if (meeting is null) return null;

        // Layer i holds the nodes at distance i from `from` on some shortest path; the meeting nodes are layer forwardDepth.
        var length = forwardDepth + backwardDepth;
        var layers = new HashSet<string>[length + 1];
        layers[forwardDepth] = meeting.Where(id => forward.GetValueOrDefault(id, -1) == forwardDepth && backward.GetValueOrDefault(id, -1) == backwardDepth)
            .ToHashSet(StringComparer.Ordinal);
        for (var i = forwardDepth - 1; i >= 0; i--)
        {
            layers[i] = layers[i + 1].SelectMany(index.Neighbours).Where(id => forward.GetValueOrDefault(id, -1) == i).ToHashSet(StringComparer.Ordinal);
        }
        for (var i = forwardDepth + 1; i <= length; i++)
        {
            var remaining = length - i;
            layers[i] = layers[i - 1].SelectMany(index.Neighbours).Where(id => backward.GetValueOrDefault(id, -1) == remaining).ToHashSet(StringComparer.Ordinal);
        }

        // Least label preferences, step by step, then keep only nodes that still lead on to the target.
        var best = new HashSet<string>[length + 1];
        best[0] = [from];
        for (var i = 1; i <= length; i++)
        {
            var reachable = best[i - 1].SelectMany(index.Neighbours).Where(layers[i].Contains).Distinct(StringComparer.Ordinal).ToList();
            var least = reachable.Select(id => GraphOrder.PathPreference(index.Nodes[id].Label)).Min(StringComparer.Ordinal);
            best[i] = reachable.Where(id => GraphOrder.PathPreference(index.Nodes[id].Label) == least).ToHashSet(StringComparer.Ordinal);
        }
        for (var i = length - 1; i >= 0; i--)
        {
            var kept = best[i + 1];
            best[i].RemoveWhere(id => !index.Neighbours(id).Any(kept.Contains));
        }

        // Then the least relationship-type rank at each step (GraphOrder.TypeRank), keeping every node a least-ranked
        // prefix reaches, and again only nodes that lead on to the target through an edge of the next step's rank.
        var ranks = new string[length + 1];
        for (var i = 1; i <= length; i++)
        {
            var steps = best[i - 1].SelectMany(a => index.LinksOf(a).Where(l => best[i].Contains(l.Other.Id))
                .Select(l => (To: l.Other.Id, Rank: GraphOrder.TypeRank(l.Edge.Type)))).ToList();
            ranks[i] = steps.Select(s => s.Rank).Min(StringComparer.Ordinal)!;
            best[i] = steps.Where(s => s.Rank == ranks[i]).Select(s => s.To).ToHashSet(StringComparer.Ordinal);
        }
        for (var i = length - 1; i >= 0; i--)
        {
            var (kept, rank) = (best[i + 1], ranks[i + 1]);
            best[i].RemoveWhere(id => !index.LinksOf(id).Any(l => kept.Contains(l.Other.Id) && GraphOrder.TypeRank(l.Edge.Type) == rank));
        }

        // Then the least node id at each step, then the least edge of that step's rank between each pair.
        var path = new List<string> { from };
        var edges = new List<GraphEdge>();
        for (var i = 1; i <= length; i++)
        {
            var (candidates, rank) = (best[i], ranks[i]);
            var step = index.LinksOf(path[^1]).Where(l => candidates.Contains(l.Other.Id) && GraphOrder.TypeRank(l.Edge.Type) == rank)
                .OrderBy(l => l.Other.Id, StringComparer.Ordinal).ThenBy(l => l.Edge.Id, StringComparer.Ordinal).First();
            path.Add(step.Other.Id);
            edges.Add(step.Edge);
        }
        return new GraphPath([.. path.Select(id => index.Nodes[id])], edges);
    }

    /// <summary>
    /// Every shortest undirected path, unordered: a breadth-first search from <paramref name="from"/> that stops at the
    /// target's level, then walks back from the target along links whose far end is one step closer to the start.
    /// Lazy, so a caller's Take bounds the walk.
    /// </summary>
    public static IEnumerable<GraphPath> All(GraphIndex index, string from, string to, int maxDepth)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [from] = 0 };
        List<string> frontier = [from];
        for (var depth = 1; depth <= maxDepth && frontier.Count > 0 && !distance.ContainsKey(to); depth++)
        {
            var next = new List<string>();
            foreach (var id in frontier)
            {
                foreach (var neighbour in index.Neighbours(id))
                {
                    if (distance.TryAdd(neighbour, depth)) next.Add(neighbour);
                }
            }
            frontier = next;
        }
        if (!distance.TryGetValue(to, out var length)) yield break;

        IEnumerable<(List<GraphNode> Nodes, List<GraphEdge> Edges)> Back(string id, int d)
        {
            if (d == 0)
            {
                yield return ([index.Nodes[id]], []);
                yield break;
            }
            foreach (var link in index.LinksOf(id).Where(l => distance.TryGetValue(l.Other.Id, out var od) && od == d - 1))
            {
                foreach (var (nodes, edges) in Back(link.Other.Id, d - 1))
                {
                    yield return ([.. nodes, index.Nodes[id]], [.. edges, link.Edge]);
                }
            }
        }

        foreach (var (nodes, edges) in Back(to, length))
        {
            yield return new GraphPath(nodes, edges);
        }
    }
}

using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage.Resolution;

/// <summary>Origins of merged facts (<see cref="SourceClaims.Origin"/>, <see cref="Evidence.Origin"/>).</summary>
public static class Origins
{
    /// <summary>A relationship's original ends, which its claims and evidence keep once an end is merged into another node.</summary>
    public static string Edge(string from, string to) => $"{from}|{to}";

    /// <summary>The ends an edge origin names.</summary>
    public static (string From, string To) Ends(string origin)
    {
        var bar = origin.IndexOf('|', StringComparison.Ordinal);
        return (origin[..bar], origin[(bar + 1)..]);
    }
}

/// <summary>What a merge or its undo writes, in one transaction: nodes and relationships upserted, and deleted.</summary>
public sealed record ResolutionChange(
    IReadOnlyList<GraphNode> Nodes,
    IReadOnlyList<GraphEdge> Edges,
    IReadOnlyList<string> DeletedNodes,
    IReadOnlyList<GraphEdge> DeletedEdges);

/// <summary>
/// How a merge moves one node's facts onto another and how its undo gives them back, the same in every store. Nothing
/// is copied or lost: each claim and evidence item keeps the fact it was given for as its origin (a node id, or a
/// relationship's original ends), so the undo sends each back where its origin now resolves. A write to the canonical id
/// after the merge has no origin and stays; a write under the merged id carries it and goes back with it.
/// </summary>
public static class MergePlan
{
    /// <summary>
    /// <paramref name="merged"/> into <paramref name="canonical"/>: its claims and evidence join the canonical node's
    /// (tagged with its id), its relationships move to the canonical node (tagged with their original ends, and merged
    /// with one the canonical node already has), and the merged node goes.
    /// </summary>
    public static ResolutionChange Merge(GraphNode canonical, GraphNode merged, IReadOnlyList<GraphEdge> mergedEdges,
        Func<GraphEdge, GraphEdge?> storedEdge, Func<string, string?> publishedOf)
    {
        var claims = canonical.Claims.Concat(merged.Claims.Select(c => c with { Origin = c.Origin ?? merged.Id })).ToList();
        var evidence = GraphMerge.MergeEvidence(canonical.Evidence, [.. merged.Evidence.Select(e => e with { Origin = e.Origin ?? merged.Id })]);
        var node = Node(canonical with { Evidence = evidence }, claims, publishedOf);
        var moved = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        foreach (var edge in mergedEdges.DistinctBy(e => e.Id))
        {
            var origin = Origins.Edge(edge.From, edge.To);
            var target = edge with
            {
                From = edge.From == merged.Id ? canonical.Id : edge.From,
                To = edge.To == merged.Id ? canonical.Id : edge.To,
                Claims = [.. edge.Claims.Select(c => c with { Origin = c.Origin ?? origin })],
                Evidence = [.. edge.Evidence.Select(e => e with { Origin = e.Origin ?? origin })],
            };
            var current = moved.GetValueOrDefault(target.Id) ?? storedEdge(target);
            moved[target.Id] = current is null ? EdgeValues(target, publishedOf) : Join(current, target, publishedOf);
        }
        return new ResolutionChange([node], [.. moved.Values], [merged.Id], mergedEdges);
    }

    /// <summary>
    /// The undo of a merge: the claims and evidence on <paramref name="canonical"/> whose origin is among
    /// <paramref name="returning"/> (the merged id and the ids once merged into it) go back to <paramref name="mergedId"/>
    /// (its own lose their origin), and each relationship part goes to the edge its original ends resolve to once the
    /// merge is undone (<paramref name="resolveAfter"/>). What is left on the canonical node stays there.
    /// </summary>
    public static ResolutionChange Unmerge(GraphNode canonical, string mergedId, IReadOnlySet<string> returning, IReadOnlyList<GraphEdge> canonicalEdges,
        Func<string, string> resolveAfter, Func<string, string?> publishedOf)
    {
        bool Returns(string? origin) => origin is not null && returning.Contains(origin);
        string? Home(string? origin) => origin == mergedId ? null : origin;
        var kept = Node(canonical with { Evidence = [.. canonical.Evidence.Where(e => !Returns(e.Origin))] },
            [.. canonical.Claims.Where(c => !Returns(c.Origin))], publishedOf);
        var back = Node(new GraphNode(mergedId, canonical.Label, new Dictionary<string, object?>(), [.. canonical.Evidence.Where(e => Returns(e.Origin)).Select(e => e with { Origin = Home(e.Origin) })]),
            [.. canonical.Claims.Where(c => Returns(c.Origin)).Select(c => c with { Origin = Home(c.Origin) })], publishedOf);

        var upserted = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        var deleted = new List<GraphEdge>();
        foreach (var edge in canonicalEdges.DistinctBy(e => e.Id))
        {
            // Each part of the edge (its claims and evidence of one origin) goes where its original ends now resolve.
            string TargetOf(string? origin) => origin is null ? edge.Id : Target(origin);
            string Target(string origin)
            {
                var (from, to) = Origins.Ends(origin);
                return GraphEdge.EdgeId(resolveAfter(from), edge.Type, resolveAfter(to));
            }
            var parts = edge.Claims.Select(c => c.Origin).Concat(edge.Evidence.Select(e => e.Origin)).Distinct().ToList();
            if (parts.All(o => TargetOf(o) == edge.Id)) continue;
            foreach (var group in parts.GroupBy(TargetOf, StringComparer.Ordinal))
            {
                var origins = group.ToHashSet();
                var (from, to) = group.Key == edge.Id ? (edge.From, edge.To) : Resolved(group.First()!);
                var home = Origins.Edge(from, to);
                var part = edge with
                {
                    From = from,
                    To = to,
                    Claims = [.. edge.Claims.Where(c => origins.Contains(c.Origin)).Select(c => c with { Origin = c.Origin == home ? null : c.Origin })],
                    Evidence = [.. edge.Evidence.Where(e => origins.Contains(e.Origin)).Select(e => e with { Origin = e.Origin == home ? null : e.Origin })],
                };
                upserted[part.Id] = upserted.TryGetValue(part.Id, out var current) ? Join(current, part, publishedOf) : EdgeValues(part, publishedOf);
            }
            if (!upserted.ContainsKey(edge.Id)) deleted.Add(edge);

            (string, string) Resolved(string origin)
            {
                var (from, to) = Origins.Ends(origin);
                return (resolveAfter(from), resolveAfter(to));
            }
        }
        return new ResolutionChange([kept, back], [.. upserted.Values], [], deleted);
    }

    private static GraphNode Node(GraphNode node, IReadOnlyList<SourceClaims> claims, Func<string, string?> publishedOf)
    {
        var ordered = claims.OrderBy(c => c.SourceId, StringComparer.Ordinal).ThenBy(c => c.Origin, StringComparer.Ordinal).ToList();
        return node with { Claims = ordered, Properties = ordered.Count == 0 ? node.Properties : ClaimRules.NodeValues(ordered, publishedOf) };
    }

    private static GraphEdge EdgeValues(GraphEdge edge, Func<string, string?> publishedOf) =>
        edge.Claims.Count == 0 ? edge : edge with { Properties = ClaimRules.Resolve(edge.Claims, publishedOf) };

    private static GraphEdge Join(GraphEdge current, GraphEdge part, Func<string, string?> publishedOf) =>
        EdgeValues(current with
        {
            Claims = [.. current.Claims.Concat(part.Claims).OrderBy(c => c.SourceId, StringComparer.Ordinal).ThenBy(c => c.Origin, StringComparer.Ordinal)],
            Evidence = GraphMerge.MergeEvidence(current.Evidence, part.Evidence),
        }, publishedOf);
}

using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Model;

/// <summary>
/// The orders every store returns things in. Strings compare ordinally (UTF-16 code units), which is also
/// how Neo4j compares them, so paged Cypher (<c>ORDER BY n.sortKey, n.id</c> / <c>ORDER BY n.date, n.id</c>) agrees.
/// </summary>
public static class GraphOrder
{
    /// <summary>By folded name, then id.</summary>
    public static readonly Comparison<GraphNode> ByName = (a, b) =>
        Then(string.CompareOrdinal(a.SortKey, b.SortKey), a, b);

    /// <summary>By date with undated last (as Cypher orders nulls), then id.</summary>
    public static readonly Comparison<GraphNode> Chronological = (a, b) =>
        Then(CompareDates(a.Date, b.Date), a, b);

    /// <summary>By date, then label, then id: the timeline's order.</summary>
    public static readonly Comparison<GraphNode> Timeline = (a, b) =>
    {
        var byDate = CompareDates(a.Date, b.Date);
        return byDate != 0 ? byDate : Then(string.CompareOrdinal(a.Label.ToString(), b.Label.ToString()), a, b);
    };

    /// <summary>By label, then id.</summary>
    public static readonly Comparison<GraphNode> ByLabel = (a, b) =>
        Then(string.CompareOrdinal(a.Label.ToString(), b.Label.ToString()), a, b);

    public static readonly Comparison<GraphNode> ById = (a, b) => string.CompareOrdinal(a.Id, b.Id);

    /// <summary>Dates as <see cref="Chronological"/> orders them: undated last.</summary>
    public static readonly IComparer<string?> DateOrder = Comparer<string?>.Create(CompareDates);

    /// <summary>
    /// <see cref="Chronological"/> order with each node's date read once, not once per comparison: at hub size (thousands of
    /// sanctions of one imposer) the property lookups of a comparison sort are most of its cost.
    /// </summary>
    public static IReadOnlyList<GraphNode> SortChronologically(IEnumerable<GraphNode> nodes) =>
        [.. nodes.OrderBy(n => n.Date, DateOrder).ThenBy(n => n.Id, StringComparer.Ordinal)];

    public static IReadOnlyList<GraphNode> Sort(IEnumerable<GraphNode> nodes, Comparison<GraphNode> order)
    {
        var list = nodes.ToList();
        list.Sort(order);
        return list;
    }

    public static IReadOnlyList<GraphEdge> Sort(IEnumerable<GraphEdge> edges) =>
        [.. edges.OrderBy(e => e.Id, StringComparer.Ordinal)];

    /// <summary>By type, then direction, then the other end's name and id.</summary>
    public static IReadOnlyList<Link> Sort(IEnumerable<Link> links) =>
        [.. links.OrderBy(l => l.Edge.Type, StringComparer.Ordinal)
            .ThenBy(l => l.Direction, StringComparer.Ordinal)
            .ThenBy(l => l.Other.SortKey, StringComparer.Ordinal)
            .ThenBy(l => l.Other.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Of several shortest paths, the one that says most: through events first (a shared event is the
    /// strongest tie between actors), then statements, sanctions, actors, places, figures and programs;
    /// then by the relationship types' <see cref="RelationshipRule.PathRank"/> (a family tie before a critic's);
    /// then the one whose node ids come first, then whose edge ids do.
    /// </summary>
    public static GraphPath? First(IEnumerable<GraphPath> paths) => Paths(paths).FirstOrDefault();

    /// <summary>Paths in the order <see cref="First"/> picks from, best first.</summary>
    public static IOrderedEnumerable<GraphPath> Paths(IEnumerable<GraphPath> paths) =>
        paths.OrderBy(p => p, Comparer<GraphPath>.Create(static (a, b) =>
        {
            var byLabels = CompareSequences(a.Nodes.Select(n => PathPreference(n.Label)), b.Nodes.Select(n => PathPreference(n.Label)));
            if (byLabels != 0) return byLabels;
            var byTypes = CompareSequences(a.Edges.Select(e => TypeRank(e.Type)), b.Edges.Select(e => TypeRank(e.Type)));
            if (byTypes != 0) return byTypes;
            var byNodes = CompareSequences(a.Nodes.Select(n => n.Id), b.Nodes.Select(n => n.Id));
            return byNodes != 0 ? byNodes : CompareSequences(a.Edges.Select(e => e.Id), b.Edges.Select(e => e.Id));
        }));

    /// <summary>A label's rank among path nodes: events first (see <see cref="First"/>).</summary>
    public static string PathPreference(NodeLabel label) => PathRanks[(int)label];

    private static readonly string[] PathRanks = [.. Enum.GetValues<NodeLabel>()
        .Select(l => NodeKinds.Of(l).PathRank.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))];

    internal static string TypeRank(string type) =>
        RelationshipTypes.ByType.TryGetValue(type, out var rule) ? rule.PathRank.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) : "99";

    private static int CompareSequences(IEnumerable<string> a, IEnumerable<string> b)
    {
        foreach (var (x, y) in a.Zip(b))
        {
            var c = string.CompareOrdinal(x, y);
            if (c != 0) return c;
        }
        return a.Count().CompareTo(b.Count());
    }

    private static int CompareDates(string? a, string? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => string.CompareOrdinal(a, b),
    };

    private static int Then(int first, GraphNode a, GraphNode b) => first != 0 ? first : string.CompareOrdinal(a.Id, b.Id);

    /// <summary>What a page skips and takes, clamped so that stores slicing a list themselves (Cypher's SKIP/LIMIT, a bounded
    /// heap) agree with <see cref="Paginate{T}"/>.</summary>
    public static (int Skip, int Take) Slice(int page, int pageSize)
    {
        var skip = Math.Clamp(((long)page - 1) * pageSize, 0, int.MaxValue / 2);
        return ((int)skip, Math.Clamp(pageSize, 0, int.MaxValue / 2));
    }

    public static Page<T> Paginate<T>(IReadOnlyList<T> all, int page, int pageSize) =>
        new([.. all.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, all.Count);

    /// <summary>
    /// Whether an ISO date overlaps an inclusive range of days; undated never does when a bound is set. A partial date
    /// is the whole month or year: "2026-02" starts before any day of February (a prefix sorts first) and, with "~"
    /// appended (above every digit and '-'), ends after all of them. Cypher compares <c>n.date + '~' &gt;= $from</c> alike.
    /// </summary>
    public static bool InRange(string? date, string? from, string? to) =>
        (from is null && to is null) ||
        (date is not null && (from is null || EndsOnOrAfter(date, from)) && (to is null || string.CompareOrdinal(date, to) <= 0));

    /// <summary><c>date + "~" &gt;= from</c>, ordinally, without building the string: lists filter every node of a range with it.</summary>
    private static bool EndsOnOrAfter(string date, string from)
    {
        var common = string.CompareOrdinal(date, 0, from, 0, Math.Min(date.Length, from.Length));
        if (common != 0) return common > 0;
        if (from.Length <= date.Length) return true;
        // date is a proper prefix of from: the appended '~' meets from's next character.
        var next = from[date.Length];
        return next < '~' || (next == '~' && from.Length == date.Length + 1);
    }

    public static bool IsFact(NodeLabel label) => NodeKinds.Of(label).IsFact;
}

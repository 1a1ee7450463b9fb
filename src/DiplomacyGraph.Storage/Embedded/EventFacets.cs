using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// The embedded store's indexes of events by PLOVER facet (<c>GET /api/events?mode=&amp;context=&amp;sector=&amp;quadClass=</c>):
/// for each mode, context, sector and quad class, its events in list order (by date), so a filter reads its events,
/// never the whole label. Sectors live on relationships (PARTICIPATED_IN into the event, TARGETED out of it), so each
/// event's sectors are counted per relationship and the event joins a sector's set with its first such relationship.
/// Kept up to date by <see cref="GraphIndex"/>, write by write; not thread-safe, as the index is not.
/// </summary>
internal sealed class EventFacets
{
    private readonly Dictionary<string, SortedSet<GraphNode>> sets = new(StringComparer.Ordinal);
    // Per event id: how many of its relationships carry each sector.
    private readonly Dictionary<string, Dictionary<string, int>> sectorCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphNode> events = new(StringComparer.Ordinal);

    public static string ModeKey(string mode) => "mode:" + mode;
    public static string ContextKey(string context) => "context:" + context;
    public static string SectorKey(string sector) => "sector:" + sector;
    public static string QuadClassKey(int quadClass) => "quadClass:" + quadClass.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The events of a facet key, in list order.</summary>
    public IReadOnlyCollection<GraphNode> Of(string key) => sets.TryGetValue(key, out var set) ? set : [];

    public bool HasSector(string eventId, string sector) =>
        sectorCounts.TryGetValue(eventId, out var counts) && counts.ContainsKey(sector);

    public void Index(GraphNode node)
    {
        if (node.Label != NodeLabel.Event) return;
        events[node.Id] = node;
        foreach (var key in Keys(node)) Set(key).Add(node);
    }

    public void Unindex(GraphNode node)
    {
        if (node.Label != NodeLabel.Event) return;
        events.Remove(node.Id);
        foreach (var key in Keys(node)) Remove(key, node);
    }

    /// <summary>A node left the graph: its sector counts go with it (its relationships were deleted first).</summary>
    public void Forget(string id) => sectorCounts.Remove(id);

    public void Link(GraphEdge edge) => Count(edge, +1);

    public void Unlink(GraphEdge edge) => Count(edge, -1);

    private void Count(GraphEdge edge, int delta)
    {
        if (EventEnd(edge) is not { } eventId || edge.Properties.GetValueOrDefault("sector") is not string sector) return;
        if (!sectorCounts.TryGetValue(eventId, out var counts)) sectorCounts[eventId] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = counts.GetValueOrDefault(sector) + delta;
        if (count > 0) counts[sector] = count;
        else counts.Remove(sector);
        if (counts.Count == 0) sectorCounts.Remove(eventId);
        if (!events.TryGetValue(eventId, out var node)) return;
        if (delta > 0 && count == 1) Set(SectorKey(sector)).Add(node);
        else if (delta < 0 && count == 0) Remove(SectorKey(sector), node);
    }

    /// <summary>The event a sector-carrying relationship belongs to: the target of PARTICIPATED_IN, the source of TARGETED.</summary>
    private static string? EventEnd(GraphEdge edge) => edge.Type switch
    {
        RelationshipTypes.ParticipatedIn => edge.To,
        RelationshipTypes.Targeted => edge.From,
        _ => null,
    };

    private IEnumerable<string> Keys(GraphNode e)
    {
        if (e.Properties.GetValueOrDefault("mode") is string mode) yield return ModeKey(mode);
        foreach (var context in (e.Properties.GetValueOrDefault("contexts") as string[] ?? []).Distinct(StringComparer.Ordinal)) yield return ContextKey(context);
        if (QuadClassOf(e) is { } quadClass) yield return QuadClassKey(quadClass);
        if (sectorCounts.TryGetValue(e.Id, out var counts))
        {
            foreach (var sector in counts.Keys) yield return SectorKey(sector);
        }
    }

    /// <summary>An event's stored quad class (a double, as every stored number).</summary>
    public static int? QuadClassOf(GraphNode e) => e.Properties.GetValueOrDefault("quadClass") switch
    {
        double d => (int)d,
        long l => (int)l,
        int i => i,
        _ => null,
    };

    private SortedSet<GraphNode> Set(string key)
    {
        if (!sets.TryGetValue(key, out var set)) sets[key] = set = new SortedSet<GraphNode>(Comparer<GraphNode>.Create(GraphOrder.Chronological));
        return set;
    }

    private void Remove(string key, GraphNode node)
    {
        if (sets.TryGetValue(key, out var set) && set.Remove(node) && set.Count == 0) sets.Remove(key);
    }
}

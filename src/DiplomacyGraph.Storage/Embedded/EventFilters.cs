using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// Events by PLOVER mode, context, sector and quad class, with the kind, date and actor filters besides. The smallest of
/// the given filters' index sets (<see cref="EventFacets"/>, the kind's list, the actor's links) is read, in list order,
/// and the other filters test each of its events: no filter reads the whole label.
/// </summary>
internal static class EventFilters
{
    public static IEnumerable<GraphNode> Find(GraphIndex index, EventSearch search, Func<string, NodeLabel, IEnumerable<GraphNode>> neighbours)
    {
        var facets = index.EventFacets;
        var anchors = new List<(int Size, Func<IEnumerable<GraphNode>> Read)>();
        void Add(IReadOnlyCollection<GraphNode> set) => anchors.Add((set.Count, () => set));
        if (search.Mode is { } mode) Add(facets.Of(EventFacets.ModeKey(mode)));
        if (search.Context is { } context) Add(facets.Of(EventFacets.ContextKey(context)));
        if (search.Sector is { } sector) Add(facets.Of(EventFacets.SectorKey(sector)));
        if (search.QuadClass is { } quadClass) Add(facets.Of(EventFacets.QuadClassKey(quadClass)));
        if (search.Kind is { } kind) Add(index.Ordered(NodeLabel.Event, kind));
        // An actor's events are its links, unsorted: their number is at most its degree.
        if (search.ActorId is { } actor) anchors.Add((index.Degree(actor), () => GraphOrder.SortChronologically(neighbours(actor, NodeLabel.Event))));

        var anchor = anchors.MinBy(a => a.Size).Read();
        return anchor.Where(e =>
            (search.Kind is null || e.Kind == search.Kind)
            && (search.Mode is null || e.Properties.GetValueOrDefault("mode") as string == search.Mode)
            && (search.Context is null || (e.Properties.GetValueOrDefault("contexts") as string[] ?? []).Contains(search.Context, StringComparer.Ordinal))
            && (search.Sector is null || facets.HasSector(e.Id, search.Sector))
            && (search.QuadClass is null || EventFacets.QuadClassOf(e) == search.QuadClass)
            && (search.ActorId is null || index.Linked(e.Id, search.ActorId))
            && (search.Provenance is null || FactProvenance.Of(e) == search.Provenance)
            && GraphOrder.InRange(e.Date, search.From, search.To));
    }
}

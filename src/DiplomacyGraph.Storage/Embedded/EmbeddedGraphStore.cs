using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// The zero-setup store: a SQLite file holds the graph durably, and an immutable in-memory index,
/// rebuilt from it at start and swapped after each committed write, answers the queries.
/// </summary>
public sealed partial class EmbeddedGraphStore : IGraphStore
{
    /// <summary>How many shortest paths are weighed before the first in <see cref="GraphOrder.First"/> order is chosen.</summary>
    internal const int MaxShortestPaths = 1000;

    private readonly SqliteGraphFile file;
    private readonly Lock writeLock = new();
    private volatile GraphIndex index;

    public EmbeddedGraphStore(string path)
    {
        file = new SqliteGraphFile(path);
        var (nodes, edges) = file.ReadAll();
        index = new GraphIndex(nodes, edges);
    }

    public Task<bool> Exists(NodeLabel label, string id, CancellationToken ct) =>
        Task.FromResult(index.Find(label, id) is not null);

    public Task<Page<GraphNode>> SearchActors(ActorSearch search, CancellationToken ct)
    {
        var query = search.Query is null ? null : Text.Fold(search.Query);
        var actors = index.WithLabel(NodeLabel.Actor)
            .Where(a => search.Kind is null || a.Kind == search.Kind)
            .Where(a => query is null || a.Matches(query));
        return Task.FromResult(GraphOrder.Paginate(GraphOrder.Sort(actors, GraphOrder.ByName), search.Page, search.PageSize));
    }

    public Task<NodeWithLinks?> GetNode(NodeLabel label, string id, CancellationToken ct)
    {
        var snapshot = index;
        return Task.FromResult(snapshot.Find(label, id) is { } node ? snapshot.WithLinks(node) : null);
    }

    public Task<IReadOnlyList<Link>?> GetRelationships(string actorId, string? type, string direction, CancellationToken ct)
    {
        var snapshot = index;
        if (snapshot.Find(NodeLabel.Actor, actorId) is null) return Task.FromResult<IReadOnlyList<Link>?>(null);
        var links = snapshot.LinksOf(actorId)
            .Where(l => type is null || l.Edge.Type == type)
            .Where(l => direction == Directions.Both || l.Direction == direction);
        return Task.FromResult<IReadOnlyList<Link>?>(GraphOrder.Sort(links));
    }

    public Task<Subgraph?> GetNetwork(string actorId, int depth, int maxNodes, CancellationToken ct)
    {
        var snapshot = index;
        if (snapshot.Find(NodeLabel.Actor, actorId) is null) return Task.FromResult<Subgraph?>(null);
        var distance = snapshot.Distances(actorId, depth);
        var ordered = distance.Keys.Select(id => snapshot.Nodes[id])
            .OrderBy(n => distance[n.Id])
            .ThenBy(n => n.SortKey, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<Subgraph?>(snapshot.Induced([.. ordered.Take(maxNodes)], ordered.Count > maxNodes));
    }

    public Task<IReadOnlyList<CoParticipant>?> GetCoParticipants(string actorId, CancellationToken ct)
    {
        var snapshot = index;
        if (snapshot.Find(NodeLabel.Actor, actorId) is null) return Task.FromResult<IReadOnlyList<CoParticipant>?>(null);
        var events = snapshot.LinksOf(actorId)
            .Where(l => l.Edge.Type == "PARTICIPATED_IN" && l.Direction == Directions.Out)
            .Select(l => l.Other);
        var shared = events
            .SelectMany(e => snapshot.LinksOf(e.Id)
                .Where(l => l.Edge.Type == "PARTICIPATED_IN" && l.Direction == Directions.In && l.Other.Id != actorId)
                .Select(l => (Actor: l.Other, Event: e)))
            .GroupBy(p => p.Actor.Id)
            .Select(g => new CoParticipant(g.First().Actor, GraphOrder.Sort(g.Select(p => p.Event).DistinctBy(e => e.Id), GraphOrder.Chronological)))
            .OrderBy(c => c.Actor.SortKey, StringComparer.Ordinal)
            .ThenBy(c => c.Actor.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<CoParticipant>?>(shared);
    }

    public Task<Page<NodeWithLinks>> FindEvents(EventSearch search, CancellationToken ct)
    {
        var snapshot = index;
        var events = Candidates(snapshot, NodeLabel.Event, search.ActorId)
            .Where(e => search.Kind is null || e.Kind == search.Kind)
            .Where(e => GraphOrder.InRange(e.Date, search.From, search.To))
            .Where(e => search.ActorId is null || snapshot.Linked(e.Id, search.ActorId));
        return Task.FromResult(Page(snapshot, events, GraphOrder.Chronological, search.Page, search.PageSize));
    }

    public Task<Page<NodeWithLinks>> FindSanctions(SanctionSearch search, CancellationToken ct)
    {
        var snapshot = index;
        var sanctions = snapshot.WithLabel(NodeLabel.Sanction)
            .Where(s => search.Kind is null || s.Kind == search.Kind)
            .Where(s => search.ImposerId is null || snapshot.HasEdge(search.ImposerId, "IMPOSED", s.Id))
            .Where(s => search.TargetId is null || snapshot.HasEdge(s.Id, "TARGETS", search.TargetId))
            .Where(s => search.ActiveOn is null || SanctionLifetime.IsActiveOn(s, search.ActiveOn));
        return Task.FromResult(Page(snapshot, sanctions, GraphOrder.Chronological, search.Page, search.PageSize));
    }

    public Task<Page<NodeWithLinks>> FindStatements(StatementSearch search, CancellationToken ct)
    {
        var snapshot = index;
        var query = search.Query is null ? null : Text.Fold(search.Query);
        var statements = snapshot.WithLabel(NodeLabel.Statement)
            .Where(s => search.SpeakerId is null || snapshot.HasEdge(search.SpeakerId, "SAID", s.Id))
            .Where(s => search.AboutId is null || snapshot.HasEdge(s.Id, "ABOUT", search.AboutId))
            .Where(s => query is null || s.Matches(query));
        return Task.FromResult(Page(snapshot, statements, GraphOrder.Chronological, search.Page, search.PageSize));
    }

    public Task<GraphPath?> FindShortestPath(string fromId, string toId, int maxDepth, CancellationToken ct)
    {
        var snapshot = index;
        if (!snapshot.Nodes.ContainsKey(fromId) || !snapshot.Nodes.ContainsKey(toId)) return Task.FromResult<GraphPath?>(null);
        return Task.FromResult(GraphOrder.First(snapshot.AllShortestPaths(fromId, toId, maxDepth).Take(MaxShortestPaths)));
    }

    public Task<IReadOnlyList<NodeWithLinks>> GetTimeline(TimelineSearch search, CancellationToken ct)
    {
        var snapshot = index;
        var entries = (search.ActorId is null ? snapshot.Nodes.Values : snapshot.LinksOf(search.ActorId).Select(l => l.Other).DistinctBy(n => n.Id))
            .Where(n => n.Label is NodeLabel.Event or NodeLabel.Statement && n.Date is not null)
            .Where(n => GraphOrder.InRange(n.Date, search.From, search.To))
            .Where(n => search.ActorId is null || snapshot.Linked(n.Id, search.ActorId));
        return Task.FromResult<IReadOnlyList<NodeWithLinks>>([.. GraphOrder.Sort(entries, GraphOrder.Timeline).Take(search.Limit).Select(snapshot.WithLinks)]);
    }

    public Task<Subgraph> GetGraph(int maxNodes, CancellationToken ct)
    {
        var snapshot = index;
        var facts = GraphOrder.Sort(snapshot.Nodes.Values.Where(n => GraphOrder.IsFact(n.Label)), GraphOrder.ById);
        return Task.FromResult(snapshot.Induced([.. facts.Take(maxNodes)], facts.Count > maxNodes));
    }

    public Task<IReadOnlyList<GraphNode>> ListSources(CancellationToken ct) =>
        Task.FromResult(GraphOrder.Sort(index.WithLabel(NodeLabel.Source), GraphOrder.ById));

    public Task<SourceFacts?> GetSource(string sourceId, CancellationToken ct)
    {
        var snapshot = index;
        if (snapshot.Find(NodeLabel.Source, sourceId) is not { } source) return Task.FromResult<SourceFacts?>(null);
        var nodes = snapshot.Nodes.Values.Where(n => n.Evidence.Any(e => e.SourceId == sourceId));
        var edges = snapshot.Edges.Values.Where(e => e.Evidence.Any(ev => ev.SourceId == sourceId));
        return Task.FromResult<SourceFacts?>(new SourceFacts(source, GraphOrder.Sort(nodes, GraphOrder.ByLabel), GraphOrder.Sort(edges)));
    }

    public Task<ImportSummary> Import(DocumentGraph incoming, CancellationToken ct)
    {
        lock (writeLock)
        {
            var snapshot = index;
            var plan = ImportPlan.Make(incoming, snapshot.Nodes, snapshot.Edges);
            if (plan.Nodes.Count > 0 || plan.Edges.Count > 0)
            {
                Publish(snapshot, [.. plan.Nodes.Select(n => n.Merged)], [.. plan.Edges.Select(e => e.Merged)]);
            }
            return Task.FromResult(plan.Summary);
        }
    }

    public Task<bool> IsReady(CancellationToken ct) => Task.FromResult(true);

    /// <summary>Nothing to prepare: the SQLite file creates its tables when opened.</summary>
    public Task Initialize(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The nodes of a label, or with an actor filter only that actor's neighbours of the label.</summary>
    private static IEnumerable<GraphNode> Candidates(GraphIndex snapshot, NodeLabel label, string? actorId) =>
        actorId is null
            ? snapshot.WithLabel(label)
            : snapshot.LinksOf(actorId).Select(l => l.Other).Where(n => n.Label == label).DistinctBy(n => n.Id);

    private static Page<NodeWithLinks> Page(GraphIndex snapshot, IEnumerable<GraphNode> nodes, Comparison<GraphNode> order, int page, int pageSize)
    {
        var sorted = GraphOrder.Sort(nodes, order);
        var slice = GraphOrder.Paginate(sorted, page, pageSize);
        return new Page<NodeWithLinks>([.. slice.Items.Select(snapshot.WithLinks)], page, pageSize, slice.Total);
    }
}

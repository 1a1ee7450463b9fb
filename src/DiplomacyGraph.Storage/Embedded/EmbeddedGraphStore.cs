using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// The zero-setup store: a SQLite file holds the graph durably, and an in-memory <see cref="GraphIndex"/>, built from
/// it at start and updated in place after each committed write, answers the queries. Every query starts from an
/// index (a node's links, a label's ordered list, a source's citations, the search keys), never from a scan of the graph.
/// Readers share a lock that a write takes alone only while it applies an already committed change to the index,
/// so a write is visible as soon as it returns, and never half-visible.
/// </summary>
public sealed partial class EmbeddedGraphStore : IGraphStore, IDisposable
{
    private readonly SqliteGraphFile file;
    private readonly Lock writeLock = new();
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly GraphIndex index;
    private readonly ResolutionIndex resolution = new();
    private readonly StoreMisconfiguredException? refusal;


    public EmbeddedGraphStore(string path)
        : this(path, GraphIndex.DefaultHubDegree)
    {
    }

    /// <summary>The application's store: it logs the schema migrations it runs when it opens the file.</summary>
    public EmbeddedGraphStore(string path, ILogger<EmbeddedGraphStore> logger)
        : this(path, GraphIndex.DefaultHubDegree, logger)
    {
    }

    /// <summary>A store whose walks treat nodes of <paramref name="hubDegree"/> links or more as hubs (tests use small ones).</summary>
    internal EmbeddedGraphStore(string path, int hubDegree, ILogger? logger = null)
    {
        index = new GraphIndex { HubDegree = hubDegree };
        try
        {
            // Migrations run as the file opens: the rows are read into the index in this build's format.
            file = new SqliteGraphFile(path, logger ?? NullLogger.Instance);
        }
        catch (StoreMisconfiguredException e)
        {
            // A file newer than this build: kept for Initialize, where start-up refuses it with one line; until then
            // the store answers nothing and writes nothing.
            refusal = e;
            file = null!;
            return;
        }
        file.ReadAll(node => index.Apply([node], [], [], []), edge => index.Apply([], [edge], [], []));
        index.RankSearch();
        foreach (var judgement in file.ReadJudgements()) resolution.Put(judgement);
        resolution.Refresh(index.Ordered(NodeLabel.Actor), []);
    }

    public Task<bool> Exists(NodeLabel label, string id, CancellationToken ct) =>
        Read(() => index.Find(label, id) is not null);

    public Task<Page<GraphNode>> SearchActors(ActorSearch search, CancellationToken ct) => Read(() =>
    {
        var query = ActorSearchKeys.Normalize(search.Query);
        if (query is null)
        {
            // The topic's actors are already in list order; a kind then only filters them (as on Neo4j).
            return search.Topic is { } topic
                ? Paginate(index.ActorsWithTopic(topic).Where(a => search.Kind is null || a.Kind == search.Kind), search.Page, search.PageSize)
                : Paginate(index.Ordered(NodeLabel.Actor, search.Kind), search.Page, search.PageSize);
        }
        // Ranked: exact name or alias, then word prefix; ties by number of relationships (most first), then name. The
        // index keeps every actor in that order, so a broad prefix reads its page without ranking all its matches.
        var (skip, take) = GraphOrder.Slice(search.Page, search.PageSize);
        Func<GraphNode, bool>? filter = search.Kind is null && search.Topic is null ? null
            : actor => (search.Kind is null || actor.Kind == search.Kind) && (search.Topic is null || HasTopic(actor, search.Topic));
        var (items, total) = index.SearchActors(query, filter, skip, take);
        return new Page<GraphNode>(items, search.Page, search.PageSize, total);
    });

    public async Task<Lookup<NodeWithLinks>> GetNode(NodeLabel label, string id, CancellationToken ct) =>
        await this.FoundOrMissing(await Read(() => index.Find(label, id) is { } node ? index.WithLinks(node) : null), label, id, null, ct);

    public Task<IReadOnlyList<NodeWithLinks>> GetNodes(NodeLabel label, IReadOnlyList<string> ids, CancellationToken ct) =>
        Read(() => (IReadOnlyList<NodeWithLinks>)[.. ids.Distinct(StringComparer.Ordinal).Select(id => index.Find(label, id)).OfType<GraphNode>().Select(index.WithLinks)]);

    public async Task<Lookup<IReadOnlyList<Link>>> GetRelationships(string actorId, string? type, string direction, CancellationToken ct) =>
        await this.FoundOrMissing(await RelationshipsOf(actorId, type, direction), NodeLabel.Actor, actorId, null, ct);

    private Task<IReadOnlyList<Link>?> RelationshipsOf(string actorId, string? type, string direction) => Read(() =>
    {
        if (index.Find(NodeLabel.Actor, actorId) is null) return null;
        var links = index.LinksOf(actorId)
            .Where(l => type is null || l.Edge.Type == type)
            .Where(l => direction == Directions.Both || l.Direction == direction);
        return (IReadOnlyList<Link>?)GraphOrder.Sort(links);
    });

    public Task<Lookup<Subgraph>> GetNetwork(string actorId, int depth, int maxNodes, CancellationToken ct) =>
        GetNetwork(actorId, depth, maxNodes, NodeDetail.Full, ct);

    public async Task<Lookup<Subgraph>> GetNetwork(string actorId, int depth, int maxNodes, NodeDetail detail, CancellationToken ct) =>
        await this.FoundOrMissing(await NetworkOf(actorId, depth, maxNodes, detail), NodeLabel.Actor, actorId, null, ct);

    private Task<Subgraph?> NetworkOf(string actorId, int depth, int maxNodes, NodeDetail detail) => Read(() =>
    {
        if (index.Find(NodeLabel.Actor, actorId) is not { } actor) return null;
        if (maxNodes < 1) return (Subgraph?)Induced([], truncated: true, detail);
        // Level by level, nearest first and by name within a level. Each level keeps only as many of its nodes as there
        // is room for, in a bounded heap fed straight from the adjacency lists: depth 2 around a hub reads the hub's
        // neighbours once and holds at most the cap, never a list or set of all of them.
        var chosen = new List<GraphNode> { actor };
        var taken = new HashSet<string>(StringComparer.Ordinal) { actorId };
        var level = chosen.ToList();
        var truncated = false;
        for (var d = 1; d <= depth && level.Count > 0 && !truncated; d++)
        {
            var room = maxNodes - chosen.Count;
            var least = new PriorityQueue<GraphNode, (string SortKey, string Id)>(Math.Max(room, 0), NameOrderDescending.Instance);
            var held = new HashSet<string>(StringComparer.Ordinal);
            var hubs = new List<IReadOnlyCollection<GraphNode>>();
            foreach (var node in level)
            {
                if (index.NeighboursByName(node.Id) is { } byName)
                {
                    hubs.Add(byName);
                    continue;
                }
                foreach (var id in index.Neighbours(node.Id))
                {
                    if (index.Nodes.TryGetValue(id, out var other)) Offer(other);
                }
            }
            // A hub's neighbours come in name order: once one would not be kept, none after it would be.
            foreach (var byName in hubs)
            {
                foreach (var other in byName)
                {
                    if (!Offer(other)) break;
                }
            }

            // Keeps the node if it is among the `room` least so far; false when it, and so anything greater, is left out.
            bool Offer(GraphNode other)
            {
                if (taken.Contains(other.Id) || held.Contains(other.Id)) return true;
                if (least.Count < room)
                {
                    least.Enqueue(other, (other.SortKey, other.Id));
                    held.Add(other.Id);
                    return true;
                }
                // Full: this node or the greatest held one is left out, so the level does not fit.
                truncated = true;
                if (room == 0 || !least.TryPeek(out var greatest, out var greatestKey) || NameOrderDescending.Instance.Compare((other.SortKey, other.Id), greatestKey) <= 0) return false;
                held.Remove(greatest.Id);
                least.EnqueueDequeue(other, (other.SortKey, other.Id));
                held.Add(other.Id);
                return true;
            }
            level = new List<GraphNode>(least.Count);
            while (least.Count > 0) level.Add(least.Dequeue());
            level.Reverse();
            chosen.AddRange(level);
            taken.UnionWith(held);
        }
        return (Subgraph?)Induced(chosen, truncated, detail);
    });

    /// <summary>The relationship types that may lead from a node of one label to one of another (writes are checked against them).</summary>
    private static string[] TypesBetween(NodeLabel from, NodeLabel to) => AllowedTypes[((int)from, (int)to)];

    private static readonly Dictionary<(int From, int To), string[]> AllowedTypes =
        (from l in Enum.GetValues<NodeLabel>() from m in Enum.GetValues<NodeLabel>() select (l, m))
        .ToDictionary(p => ((int)p.l, (int)p.m), p => RelationshipTypes.All.Where(r => r.From.Contains(p.l) && r.To.Contains(p.m)).Select(r => r.Type).ToArray());

    /// <summary>By sort key, then id, greatest first: the root of a bounded heap is the node to drop.</summary>
    private sealed class NameOrderDescending : IComparer<(string SortKey, string Id)>
    {
        public static readonly NameOrderDescending Instance = new();

        public int Compare((string SortKey, string Id) x, (string SortKey, string Id) y) =>
            string.CompareOrdinal(y.SortKey, x.SortKey) is var byName and not 0 ? byName : string.CompareOrdinal(y.Id, x.Id);
    }

    public async Task<Lookup<IReadOnlyList<CoParticipant>>> GetCoParticipants(string actorId, CancellationToken ct) =>
        await this.FoundOrMissing(await CoParticipantsOf(actorId), NodeLabel.Actor, actorId, null, ct);

    private Task<IReadOnlyList<CoParticipant>?> CoParticipantsOf(string actorId) => Read(() =>
    {
        if (index.Find(NodeLabel.Actor, actorId) is null) return null;
        var events = index.LinksOf(actorId)
            .Where(l => l.Edge.Type == RelationshipTypes.ParticipatedIn && l.Direction == Directions.Out)
            .Select(l => l.Other);
        var shared = events
            .SelectMany(e => index.LinksOf(e.Id)
                .Where(l => l.Edge.Type == RelationshipTypes.ParticipatedIn && l.Direction == Directions.In && l.Other.Id != actorId)
                .Select(l => (Actor: l.Other, Event: e)))
            .GroupBy(p => p.Actor.Id)
            .Select(g => new CoParticipant(g.First().Actor, GraphOrder.Sort(g.Select(p => p.Event).DistinctBy(e => e.Id), GraphOrder.Chronological)))
            .OrderBy(c => c.Actor.SortKey, StringComparer.Ordinal)
            .ThenBy(c => c.Actor.Id, StringComparer.Ordinal)
            .ToList();
        return (IReadOnlyList<CoParticipant>?)shared;
    });

    public Task<Page<NodeWithLinks>> FindEvents(EventSearch search, CancellationToken ct) => Read(() =>
    {
        if (search.HasPloverFilter) return BareLinks.Of(PageWithLinks(EventFilters.Find(index, search, Neighbours), search.Page, search.PageSize));
        if (search.ActorId is not null)
        {
            var linked = Neighbours(search.ActorId, NodeLabel.Event)
                .Where(e => search.Kind is null || e.Kind == search.Kind)
                .Where(e => search.Provenance is null || FactProvenance.Of(e) == search.Provenance)
                .Where(e => GraphOrder.InRange(e.Date, search.From, search.To));
            return BareLinks.Of(PageWithLinks(GraphOrder.SortChronologically(linked), search.Page, search.PageSize));
        }
        // A date range reads its part of the chronological list, from the year of `from` (a partial date such as
        // "2025-09" overlaps "2025-09-15" yet sorts before it, but never before its year); InRange is the exact test.
        var events = (search.From is null && search.To is null
                ? (search is { Kind: null, Provenance: { } provenance } ? index.OrderedByProvenance(NodeLabel.Event, provenance) : index.Ordered(NodeLabel.Event, search.Kind))
                : index.OrderedBetween(NodeLabel.Event, search.Kind, search.From is { } from ? from[..Math.Min(4, from.Length)] : "", search.To))
            .Where(e => GraphOrder.InRange(e.Date, search.From, search.To))
            .Where(e => search.Provenance is null || FactProvenance.Of(e) == search.Provenance);
        return BareLinks.Of(PageWithLinks(events, search.Page, search.PageSize));
    });

    public Task<Page<NodeWithLinks>> FindSanctions(SanctionSearch search, CancellationToken ct) => Read(() =>
    {
        IEnumerable<GraphNode> sanctions = search switch
        {
            { ImposerId: { } imposer } => index.LinkedChronologically(imposer, RelationshipTypes.Imposed, Directions.Out, NodeLabel.Sanction),
            { TargetId: { } target } => index.LinkedChronologically(target, RelationshipTypes.Targets, Directions.In, NodeLabel.Sanction),
            { ProgramId: { } program } => index.LinkedChronologically(program, RelationshipTypes.UnderProgram, Directions.In, NodeLabel.Sanction),
            { Kind: null, Provenance: { } provenance } => index.OrderedByProvenance(NodeLabel.Sanction, provenance),
            _ => index.Ordered(NodeLabel.Sanction, search.Kind),
        };
        var matches = sanctions
            .Where(s => search.Kind is null || s.Kind == search.Kind)
            .Where(s => search.ImposerId is null || index.HasEdge(search.ImposerId, RelationshipTypes.Imposed, s.Id))
            .Where(s => search.TargetId is null || index.HasEdge(s.Id, RelationshipTypes.Targets, search.TargetId))
            .Where(s => search.ProgramId is null || index.HasEdge(s.Id, RelationshipTypes.UnderProgram, search.ProgramId))
            .Where(s => search.ActiveOn is null || SanctionLifetime.IsActiveOn(s, search.ActiveOn))
            .Where(s => search.Provenance is null || FactProvenance.Of(s) == search.Provenance);
        return PageWithLinks(matches, search.Page, search.PageSize);
    });

    public Task<Page<NodeWithLinks>> FindStatements(StatementSearch search, CancellationToken ct) => Read(() =>
    {
        var query = search.Query is null ? null : Text.Fold(search.Query);
        IEnumerable<GraphNode> statements = search switch
        {
            { SpeakerId: { } speaker } => index.LinkedChronologically(speaker, RelationshipTypes.Said, Directions.Out, NodeLabel.Statement),
            { AboutId: { } about } => index.LinkedChronologically(about, RelationshipTypes.About, Directions.In, NodeLabel.Statement),
            // Text alone still reads every statement: statement text search is a CONTAINS over sentences (see README).
            { Provenance: { } provenance } => index.OrderedByProvenance(NodeLabel.Statement, provenance),
            _ => index.Ordered(NodeLabel.Statement),
        };
        var matches = statements
            .Where(s => search.SpeakerId is null || index.HasEdge(search.SpeakerId, RelationshipTypes.Said, s.Id))
            .Where(s => search.AboutId is null || index.HasEdge(s.Id, RelationshipTypes.About, search.AboutId))
            .Where(s => query is null || s.Matches(query))
            .Where(s => search.Provenance is null || FactProvenance.Of(s) == search.Provenance);
        return PageWithLinks(matches, search.Page, search.PageSize);
    });

    public Task<IReadOnlyList<NodeWithLinks>> GetTimeline(TimelineSearch search, CancellationToken ct) => Read(() =>
    {
        IEnumerable<GraphNode> entries = search.ActorId is null
            ? (search.Provenance is { } provenance
                ? Merge(index.OrderedByProvenance(NodeLabel.Event, provenance), index.OrderedByProvenance(NodeLabel.Statement, provenance), GraphOrder.Timeline)
                : Merge(index.Ordered(NodeLabel.Event), index.Ordered(NodeLabel.Statement), GraphOrder.Timeline))
            : GraphOrder.Sort(index.LinksOf(search.ActorId).Select(l => l.Other).Where(n => n.Label is NodeLabel.Event or NodeLabel.Statement)
                .DistinctBy(n => n.Id), GraphOrder.Timeline);
        return (IReadOnlyList<NodeWithLinks>)[.. entries
            .Where(n => n.Date is null ? search.IncludeUndated : GraphOrder.InRange(n.Date, search.From, search.To))
            .Where(n => search.Provenance is null || FactProvenance.Of(n) == search.Provenance)
            .Take(Math.Max(0, search.Limit))
            .Select(n => BareLinks.Of(index.WithLinks(n)))];
    });

    public Task<Subgraph> GetGraph(int maxNodes, CancellationToken ct) => GetGraph(maxNodes, NodeDetail.Full, ct);

    public Task<Subgraph> GetGraph(int maxNodes, NodeDetail detail, CancellationToken ct) => Read(() =>
    {
        var facts = index.FactsById;
        return Induced([.. facts.Take(Math.Max(0, maxNodes))], facts.Count > maxNodes, detail);
    });

    public Task<IReadOnlyList<GraphNode>> ListSources(CancellationToken ct) =>
        Read(() => (IReadOnlyList<GraphNode>)[.. index.Ordered(NodeLabel.Source)]);

    public async Task<Lookup<SourceFacts>> GetSource(string sourceId, CancellationToken ct) =>
        await this.FoundOrMissing(await Read(() => index.Find(NodeLabel.Source, sourceId) is { } source
            ? new SourceFacts(source, GraphOrder.Sort(index.NodesCiting(sourceId), GraphOrder.ByLabel), GraphOrder.Sort(index.EdgesCiting(sourceId)))
            : null), NodeLabel.Source, sourceId, null, ct);

    public Task<IImportOutcome> Import(DocumentGraph incoming, CancellationToken ct)
    {
        lock (writeLock)
        {
            // Only what the document names is looked up: the plan's cost follows the document, not the graph.
            var stored = incoming.Nodes.Select(n => n.Id).Concat(incoming.Edges.SelectMany(e => new[] { e.From, e.To }))
                .Distinct(StringComparer.Ordinal)
                .Select(id => index.Nodes.GetValueOrDefault(id))
                .OfType<GraphNode>()
                .ToDictionary(n => n.Id, StringComparer.Ordinal);
            var storedEdges = incoming.Edges.Select(e => index.Edge(e.From, e.Type, e.To)).OfType<GraphEdge>()
                .DistinctBy(e => e.Id).ToDictionary(e => e.Id, StringComparer.Ordinal);
            if (ImportPlan.Refusal(incoming, stored) is { } refused) return Task.FromResult(refused);
            var plan = ImportPlan.Make(incoming, stored, storedEdges, Published);
            if (plan.Nodes.Count > 0 || plan.Edges.Count > 0)
            {
                Publish([.. plan.Nodes.Select(n => n.Merged)], [.. plan.Edges.Select(e => e.Merged)]);
            }
            return Task.FromResult<IImportOutcome>(new WriteOutcome.Imported(plan.Summary));
        }
    }

    public Task<bool> IsReady(CancellationToken ct) => Task.FromResult(true);

    /// <summary>The SQLite file was created or migrated when opened (<see cref="EmbeddedMigrations"/>); a file newer than
    /// this build is refused here.</summary>
    public Task Initialize(CancellationToken ct) => refusal is null ? Task.CompletedTask : Task.FromException(refusal);

    public void Dispose() => gate.Dispose();

    /// <summary>What the in-memory index holds, for tests that compare it with one rebuilt from the file.</summary>
    internal string DescribeIndex() => Read(index.Describe).Result;

    /// <summary>The hubs' kept lists that differ from lists built afresh (none when writes keep them right), for tests.</summary>
    internal IReadOnlyList<string> HubDrift() => Read(index.HubDrift).Result;

    private Task<T> Read<T>(Func<T> query)
    {
        if (refusal is not null) return Task.FromException<T>(refusal);
        gate.EnterReadLock();
        try
        {
            return Task.FromResult(query());
        }
        finally
        {
            gate.ExitReadLock();
        }
    }



    /// <summary>The distinct nodes of a label linked to a node either way.</summary>
    private IEnumerable<GraphNode> Neighbours(string id, NodeLabel label) =>
        index.LinksOf(id).Select(l => l.Other).Where(n => n.Label == label).DistinctBy(n => n.Id);

    /// <summary>
    /// The edges among chosen nodes, each once, without reading a hub's whole adjacency: nodes are ranked by degree, and
    /// an edge is found from its lower-ranked end, by scanning that end's edges or, when they outnumber the edges that
    /// could join it to the higher-ranked nodes (the relationship types their labels allow, both ways), by looking those
    /// up. A hub ranks last and is not read. As references (<see cref="NodeDetail.Summary"/>), nodes and edges are given
    /// without evidence or claims (the index holds them, so leaving them out saves the answer, not a read).
    /// </summary>
    private Subgraph Induced(IReadOnlyList<GraphNode> nodes, bool truncated, NodeDetail detail)
    {
        var ranked = nodes.DistinctBy(n => n.Id).OrderBy(n => index.Degree(n.Id)).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var rank = ranked.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var edges = new List<GraphEdge>();
        for (var r = 0; r < ranked.Count; r++)
        {
            var node = ranked[r];
            var degree = index.Degree(node.Id);
            var lookups = TypesBetween(node.Label, node.Label).Length;
            for (var h = r + 1; h < ranked.Count && lookups < degree; h++)
            {
                lookups += TypesBetween(node.Label, ranked[h].Label).Length + TypesBetween(ranked[h].Label, node.Label).Length;
            }
            if (degree <= lookups)
            {
                foreach (var edge in index.EdgesOf(node.Id))
                {
                    var other = edge.From == node.Id ? edge.To : edge.From;
                    if (other == node.Id || (rank.TryGetValue(other, out var otherRank) && otherRank > r)) edges.Add(edge);
                }
                continue;
            }
            foreach (var type in TypesBetween(node.Label, node.Label))
            {
                if (index.Edge(node.Id, type, node.Id) is { } loop) edges.Add(loop);
            }
            for (var h = r + 1; h < ranked.Count; h++)
            {
                var higher = ranked[h];
                foreach (var type in TypesBetween(node.Label, higher.Label))
                {
                    if (index.Edge(node.Id, type, higher.Id) is { } outgoing) edges.Add(outgoing);
                }
                foreach (var type in TypesBetween(higher.Label, node.Label))
                {
                    if (index.Edge(higher.Id, type, node.Id) is { } incoming) edges.Add(incoming);
                }
            }
        }
        return detail == NodeDetail.Summary
            ? new Subgraph([.. nodes.Select(References.Of)], GraphOrder.Sort(edges.Select(References.Of)), truncated)
            : new Subgraph(nodes, GraphOrder.Sort(edges), truncated);
    }

    /// <summary>One page of nodes already in list order, counting the rest without building them.</summary>
    private static bool HasTopic(GraphNode actor, string topic) =>
        actor.Properties.GetValueOrDefault("topics") is string[] topics && Array.IndexOf(topics, topic) >= 0;

    private static Page<GraphNode> Paginate(IEnumerable<GraphNode> ordered, int page, int pageSize)
    {
        var (skip, take) = GraphOrder.Slice(page, pageSize);
        var items = new List<GraphNode>();
        var total = 0;
        foreach (var node in ordered)
        {
            if (total >= skip && items.Count < take) items.Add(node);
            total++;
        }
        return new Page<GraphNode>(items, page, pageSize, total);
    }

    private Page<NodeWithLinks> PageWithLinks(IEnumerable<GraphNode> ordered, int page, int pageSize)
    {
        var slice = Paginate(ordered, page, pageSize);
        return new Page<NodeWithLinks>([.. slice.Items.Select(index.WithLinks)], page, pageSize, slice.Total);
    }

    /// <summary>Two sequences each already in an order, merged in that order.</summary>
    private static IEnumerable<GraphNode> Merge(IEnumerable<GraphNode> a, IEnumerable<GraphNode> b, Comparison<GraphNode> order)
    {
        using var x = a.GetEnumerator();
        using var y = b.GetEnumerator();
        var (hasX, hasY) = (x.MoveNext(), y.MoveNext());
        while (hasX || hasY)
        {
            if (hasX && (!hasY || order(x.Current, y.Current) <= 0))
            {
                yield return x.Current;
                hasX = x.MoveNext();
            }
            else
            {
                yield return y.Current;
                hasY = y.MoveNext();
            }
        }
    }
}

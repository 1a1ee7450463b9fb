using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Neo4j;

// Reads anchored on ids that must exist. The anchors' existence checks run in the request that reads the list or the
// paths, so a read costs one request; only a miss asks a second one, for its suggestions.
public sealed partial class Neo4jGraphStore
{
    public Task<Lookup<Page<NodeWithLinks>>> FindEventsIfAnchorsExist(EventSearch search, CancellationToken ct) =>
        PageIfAnchorsExist(EventsVariant(search), search.Page, search.PageSize, [("actor", NodeLabel.Actor, search.ActorId)], ct);

    public Task<Lookup<Page<NodeWithLinks>>> FindSanctionsIfAnchorsExist(SanctionSearch search, CancellationToken ct) =>
        PageIfAnchorsExist(SanctionsVariant(search), search.Page, search.PageSize,
            [("imposer", NodeLabel.Actor, search.ImposerId), ("target", NodeLabel.Actor, search.TargetId), ("program", NodeLabel.Program, search.ProgramId)], ct);

    public Task<Lookup<Page<NodeWithLinks>>> FindStatementsIfAnchorsExist(StatementSearch search, CancellationToken ct) =>
        PageIfAnchorsExist(StatementsVariant(search), search.Page, search.PageSize,
            [("speaker", NodeLabel.Actor, search.SpeakerId), ("about", null, search.AboutId)], ct);

    public Task<Lookup<Page<NodeWithLinks>>> FindFiguresIfAnchorsExist(FigureSearch search, CancellationToken ct) =>
        PageIfAnchorsExist(FiguresVariant(search), search.Page, search.PageSize,
            [("about", null, search.AboutId), ("reporter", NodeLabel.Actor, search.ReporterId)], ct);

    public async Task<Lookup<IReadOnlyList<NodeWithLinks>>> GetTimelineIfAnchorsExist(TimelineSearch search, CancellationToken ct)
    {
        if (search.ActorId is not { } actor) return new Found<IReadOnlyList<NodeWithLinks>>(await GetTimeline(search, ct));
        var (entries, exists) = await TimelineByActor(search, ActorExists(actor), ct);
        return exists ? new Found<IReadOnlyList<NodeWithLinks>>(entries) : await this.Missing<IReadOnlyList<NodeWithLinks>>(NodeLabel.Actor, actor, "actor", ct);
    }

    public Task<Lookup<RolePages>> FindActorStatements(string actorId, bool said, bool about, int limit, CancellationToken ct) =>
        RolePagesOf(actorId, limit,
            said ? StatementsVariant(new StatementSearch(actorId, null, null, 1, limit)) : null,
            about ? StatementsVariant(new StatementSearch(null, actorId, null, 1, limit)) : null, ct);

    public Task<Lookup<RolePages>> FindActorSanctions(string actorId, bool imposed, bool targeted, string? activeOn, int limit, CancellationToken ct) =>
        RolePagesOf(actorId, limit,
            imposed ? SanctionsVariant(new SanctionSearch(actorId, null, null, 1, limit) { ActiveOn = activeOn }) : null,
            targeted ? SanctionsVariant(new SanctionSearch(null, actorId, null, 1, limit) { ActiveOn = activeOn }) : null, ct);

    public Task<Lookup<RolePages>> FindActorFigures(string actorId, bool about, bool reported, int limit, CancellationToken ct) =>
        RolePagesOf(actorId, limit,
            about ? FiguresVariant(new FigureSearch(actorId, null, null, null, 1, limit)) : null,
            reported ? FiguresVariant(new FigureSearch(null, actorId, null, null, 1, limit)) : null, ct);

    public async Task<Lookup<IReadOnlyList<RelativeSanctions>>> GetFamilySanctions(string actorId, string? activeOn, int maxMembers, int maxSanctions, CancellationToken ct)
    {
        if (await RelationshipsOf(actorId, RelationshipTypes.FamilyOf, Directions.Both, ct) is not { } ties)
        {
            return await this.Missing<IReadOnlyList<RelativeSanctions>>(NodeLabel.Actor, actorId, null, ct);
        }
        var members = ties.Take(maxMembers).ToList();
        if (members.Count == 0) return new Found<IReadOnlyList<RelativeSanctions>>([]);
        // Every member's sanctions in one query, each member's already in FindSanctionsByTarget's order and cut.
        var ids = members.Select(t => t.Other.Id).Distinct(StringComparer.Ordinal).ToArray();
        var results = await client.Run(
        [
            new CypherStatement(CypherQueries.Get("FamilySanctions"), Params(("targetIds", ids), ("activeOn", activeOn), ("limit", maxSanctions))),
            new CypherStatement(CypherQueries.Get("NodeTopics"), Params(("ids", ids))),
        ], ct);
        var sanctions = results[0].Column("targetId").Zip(results[0].Column("node")).Where(row => GraphRows.Exists(row.Second))
            .Select(row => (Member: row.First.GetString()!, Sanction: GraphRows.WithLinks(row.Second)))
            .ToLookup(row => row.Member, row => row.Sanction, StringComparer.Ordinal);
        var topics = results[1].Column("id").Zip(results[1].Column("topics"), (id, list) => (Id: id.GetString()!, Topics: PropertyValues.Strings(list)))
            .ToDictionary(row => row.Id, row => row.Topics, StringComparer.Ordinal);
        return new Found<IReadOnlyList<RelativeSanctions>>([.. members.Select(tie => new RelativeSanctions(tie, [.. sanctions[tie.Other.Id]])
        {
            Topics = topics.GetValueOrDefault(tie.Other.Id) ?? [],
        })]);
    }

    public Task<Lookup<GraphPath?>> FindShortestPath(string fromId, string toId, int maxDepth, CancellationToken ct) =>
        BetweenEnds<GraphPath?>(fromId, toId, maxDepth, GraphOrder.First, ct);

    public Task<Lookup<IReadOnlyList<GraphPath>>> FindAllShortestPaths(string fromId, string toId, int maxDepth, int limit, CancellationToken ct) =>
        BetweenEnds<IReadOnlyList<GraphPath>>(fromId, toId, maxDepth, paths => [.. GraphOrder.Paths(paths).Take(limit)], ct);

    /// <summary>
    /// What <paramref name="pick"/> makes of every shortest path between two nodes (ShortestPaths.cypher), or the miss of
    /// the first end (<c>from</c>, then <c>to</c>) that names no node of any label: the ends' checks and the paths, in one request.
    /// </summary>
    private async Task<Lookup<T>> BetweenEnds<T>(string fromId, string toId, int maxDepth, Func<IEnumerable<GraphPath>, T> pick, CancellationToken ct)
    {
        // Cypher's shortest path needs two distinct nodes; the path from a node to itself is the node, which its check reads.
        var itself = string.Equals(fromId, toId, StringComparison.Ordinal);
        (string Parameter, string Id)[] ends = itself ? [("from", fromId)] : [("from", fromId), ("to", toId)];
        var results = await client.Run(
        [
            .. ends.Select(end => Check(null, end.Id)),
            .. itself ? [] : new[] { new CypherStatement(CypherQueries.Get("ShortestPaths"), Params(("from", fromId), ("to", toId), ("maxDepth", maxDepth))) },
        ], ct);
        var missing = results.Take(ends.Length).ToList().FindIndex(check => check.Count == 0);
        if (missing >= 0) return await this.Missing<T>(null, ends[missing].Id, ends[missing].Parameter, ct);
        IEnumerable<GraphPath> paths = itself
            ? [new GraphPath([GraphRows.Node(results[0].Column("node").Single())], [])]
            : results[^1].Column("nodes").Zip(results[^1].Column("edges"))
                // A path through a node that another transaction is deleting is gone, not shortened.
                .Where(path => path.First.EnumerateArray().All(GraphRows.Exists))
                .Select(path => new GraphPath([.. path.First.EnumerateArray().AsNodes()], [.. path.Second.EnumerateArray().Select(GraphRows.Edge)]));
        return new Found<T>(pick(paths));
    }

    /// <summary>A page of a list variant, or the miss of the first given anchor (in the filters' order) that names no node.</summary>
    private async Task<Lookup<Page<NodeWithLinks>>> PageIfAnchorsExist((string Name, Dictionary<string, object?> Parameters) variant, int page, int pageSize,
        (string? Parameter, NodeLabel? Label, string? Id)[] anchors, CancellationToken ct)
    {
        var given = anchors.Where(a => a.Id is not null).ToList();
        var (pages, missing) = await PagesWithChecks([variant], page, pageSize, [.. given.Select(a => Check(a.Label, a.Id!))], ct);
        return missing < 0
            ? new Found<Page<NodeWithLinks>>(pages[0])
            : await this.Missing<Page<NodeWithLinks>>(given[missing].Label, given[missing].Id!, given[missing].Parameter, ct);
    }

    /// <summary>An actor's lists in two roles (each when asked) and the actor's existence check, in one request.</summary>
    private async Task<Lookup<RolePages>> RolePagesOf(string actorId, int limit,
        (string Name, Dictionary<string, object?> Parameters)? first, (string Name, Dictionary<string, object?> Parameters)? second, CancellationToken ct)
    {
        var asked = new[] { first, second }.Where(v => v is not null).Select(v => v!.Value).ToList();
        var (pages, missing) = await PagesWithChecks(asked, 1, limit, [Check(NodeLabel.Actor, actorId)], ct);
        if (missing >= 0) return await this.Missing<RolePages>(NodeLabel.Actor, actorId, null, ct);
        return new Found<RolePages>(new RolePages(first is null ? null : pages[0], second is null ? null : pages[^1]));
    }

    /// <summary>A statement that answers a row when a node with this id exists, of this label (of any label when null).</summary>
    private static CypherStatement Check(NodeLabel? label, string id) =>
        label is { } known
            ? new CypherStatement(CypherQueries.WithLabel("NodeExists", known), Params(("id", id)))
            : new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", new[] { id })));
}

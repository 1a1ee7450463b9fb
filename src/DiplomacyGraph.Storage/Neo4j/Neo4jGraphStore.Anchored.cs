using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Neo4j;

// Lists anchored on ids that must exist. The anchors' existence checks run in the request that reads the list, so a
// list costs one request; only a miss asks a second one, for its suggestions.
public sealed partial class Neo4jGraphStore
{
    public Task<Lookup<Page<NodeWithLinks>>> FindEventsIfAnchorsExist(EventSearch search, CancellationToken ct) =>
        PageIfAnchorsExist(EventsVariant(search), search.Page, search.PageSize, [("actor", NodeLabel.Actor, search.ActorId)], ct);

    public Task<Lookup<Page<NodeWithLinks>>> FindSanctionsIfAnchorsExist(SanctionSearch search, CancellationToken ct) =>
        PageIfAnchorsExist(SanctionsVariant(search), search.Page, search.PageSize,
            [("imposer", NodeLabel.Actor, search.ImposerId), ("target", NodeLabel.Actor, search.TargetId)], ct);

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
        var result = await client.Run(new CypherStatement(CypherQueries.Get("FamilySanctions"), Params(
            ("targetIds", members.Select(t => t.Other.Id).Distinct(StringComparer.Ordinal).ToArray()), ("activeOn", activeOn), ("limit", maxSanctions))), ct);
        var sanctions = result.Column("targetId").Zip(result.Column("node"), (id, node) => (Member: id.GetString()!, Sanction: GraphRows.WithLinks(node)))
            .ToLookup(row => row.Member, row => row.Sanction, StringComparer.Ordinal);
        return new Found<IReadOnlyList<RelativeSanctions>>([.. members.Select(tie => new RelativeSanctions(tie, [.. sanctions[tie.Other.Id]]))]);
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

using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>Reads anchored on ids that must exist: the first missing anchor comes back with its suggestions.</summary>
public sealed partial class EmbeddedGraphStore
{
    /// <summary>How many shortest paths are listed before ordering: a bound on the walk, above every answer's limit.</summary>
    private const int MaxShortestPaths = 1000;

    public Task<Lookup<Page<NodeWithLinks>>> FindEventsIfAnchorsExist(EventSearch search, CancellationToken ct) =>
        Anchored([("actor", NodeLabel.Actor, search.ActorId)], () => FindEvents(search, ct), ct);

    public Task<Lookup<Page<NodeWithLinks>>> FindSanctionsIfAnchorsExist(SanctionSearch search, CancellationToken ct) =>
        Anchored([("imposer", NodeLabel.Actor, search.ImposerId), ("target", NodeLabel.Actor, search.TargetId), ("program", NodeLabel.Program, search.ProgramId)],
            () => FindSanctions(search, ct), ct);

    public Task<Lookup<Page<NodeWithLinks>>> FindStatementsIfAnchorsExist(StatementSearch search, CancellationToken ct) =>
        Anchored([("speaker", NodeLabel.Actor, search.SpeakerId), ("about", null, search.AboutId)], () => FindStatements(search, ct), ct);

    public Task<Lookup<Page<NodeWithLinks>>> FindFiguresIfAnchorsExist(FigureSearch search, CancellationToken ct) =>
        Anchored([("about", null, search.AboutId), ("reporter", NodeLabel.Actor, search.ReporterId)], () => FindFigures(search, ct), ct);

    public Task<Lookup<IReadOnlyList<NodeWithLinks>>> GetTimelineIfAnchorsExist(TimelineSearch search, CancellationToken ct) =>
        Anchored([("actor", NodeLabel.Actor, search.ActorId)], () => GetTimeline(search, ct), ct);

    public Task<Lookup<RolePages>> FindActorStatements(string actorId, bool said, bool about, int limit, CancellationToken ct) =>
        Anchored([(null, NodeLabel.Actor, actorId)], async () => new RolePages(
            said ? await FindStatements(new StatementSearch(actorId, null, null, 1, limit), ct) : null,
            about ? await FindStatements(new StatementSearch(null, actorId, null, 1, limit), ct) : null), ct);

    public Task<Lookup<RolePages>> FindActorSanctions(string actorId, bool imposed, bool targeted, string? activeOn, int limit, CancellationToken ct) =>
        Anchored([(null, NodeLabel.Actor, actorId)], async () => new RolePages(
            imposed ? await FindSanctions(new SanctionSearch(actorId, null, null, 1, limit) { ActiveOn = activeOn }, ct) : null,
            targeted ? await FindSanctions(new SanctionSearch(null, actorId, null, 1, limit) { ActiveOn = activeOn }, ct) : null), ct);

    public Task<Lookup<RolePages>> FindActorFigures(string actorId, bool about, bool reported, int limit, CancellationToken ct) =>
        Anchored([(null, NodeLabel.Actor, actorId)], async () => new RolePages(
            about ? await FindFigures(new FigureSearch(actorId, null, null, null, 1, limit), ct) : null,
            reported ? await FindFigures(new FigureSearch(null, actorId, null, null, 1, limit), ct) : null), ct);

    public async Task<Lookup<IReadOnlyList<RelativeSanctions>>> GetFamilySanctions(string actorId, string? activeOn, int maxMembers, int maxSanctions, CancellationToken ct)
    {
        if (await RelationshipsOf(actorId, RelationshipTypes.FamilyOf, Directions.Both) is not { } ties)
        {
            return await this.Missing<IReadOnlyList<RelativeSanctions>>(NodeLabel.Actor, actorId, null, ct);
        }
        var family = new List<RelativeSanctions>();
        foreach (var tie in ties.Take(maxMembers))
        {
            var sanctions = await FindSanctions(new SanctionSearch(null, tie.Other.Id, null, 1, maxSanctions) { ActiveOn = activeOn }, ct);
            var topics = await Read(() => index.Nodes.GetValueOrDefault(tie.Other.Id)?.Properties.GetValueOrDefault("topics") as string[] ?? []);
            family.Add(new RelativeSanctions(tie, sanctions.Items) { Topics = topics });
        }
        return new Found<IReadOnlyList<RelativeSanctions>>(family);
    }

    public Task<Lookup<GraphPath?>> FindShortestPath(string fromId, string toId, int maxDepth, CancellationToken ct) =>
        BetweenEnds<GraphPath?>(fromId, toId, () => ShortestPaths.Best(index, fromId, toId, maxDepth), ct);

    public Task<Lookup<IReadOnlyList<GraphPath>>> FindAllShortestPaths(string fromId, string toId, int maxDepth, int limit, CancellationToken ct) =>
        BetweenEnds<IReadOnlyList<GraphPath>>(fromId, toId,
            () => [.. GraphOrder.Paths(ShortestPaths.All(index, fromId, toId, maxDepth).Take(MaxShortestPaths)).Take(limit)], ct);

    /// <summary>
    /// What <paramref name="search"/> finds between two nodes, or the miss of the first end (<c>from</c>, then <c>to</c>)
    /// that names no node of any label. The ends are checked under the search's own read lock, so no write removes one
    /// between the check and the walk, which needs both.
    /// </summary>
    private async Task<Lookup<T>> BetweenEnds<T>(string fromId, string toId, Func<T> search, CancellationToken ct)
    {
        (string Parameter, string Id)[] ends = [("from", fromId), ("to", toId)];
        var (missing, found) = await Read(() =>
        {
            var missing = Array.FindIndex(ends, end => !index.Nodes.ContainsKey(end.Id));
            return (missing, Found: missing < 0 ? new Found<T>(search()) : (Lookup<T>?)null);
        });
        return found ?? await this.Missing<T>(null, ends[missing].Id, ends[missing].Parameter, ct);
    }

    /// <summary>The miss of the first given anchor (in the filters' order) that names no node of its label (any label when null), else what <paramref name="read"/> finds.</summary>
    private async Task<Lookup<T>> Anchored<T>((string? Parameter, NodeLabel? Label, string? Id)[] anchors, Func<Task<T>> read, CancellationToken ct)
    {
        foreach (var (parameter, label, id) in anchors)
        {
            if (id is not null && !await Read(() => label is { } known ? index.Find(known, id) is not null : index.Nodes.ContainsKey(id)))
            {
                return await this.Missing<T>(label, id, parameter, ct);
            }
        }
        return new Found<T>(await read());
    }
}

using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage;

/// <summary>
/// The questions the API asks of the graph. Every implementation answers them identically,
/// ordering and paging included; the contract suite in the tests holds them to that. A <see cref="Link"/>'s other end
/// is a reference: only its id, label, name, kind, date and sort key are guaranteed (<see cref="Link.OtherProperties"/>).
/// </summary>
public interface IGraphStore
{
    /// <summary>Whether a node with this label and id exists.</summary>
    Task<bool> Exists(NodeLabel label, string id, CancellationToken ct);

    /// <summary>The node with this id, whatever its label, without its links; its miss (suggestions of any label but sources) when there is none.</summary>
    Task<Lookup<GraphNode>> FindNode(string id, CancellationToken ct);

    /// <summary>
    /// Close matches for an id that does not exist, best first, at most <paramref name="max"/>: nodes of the label (of any
    /// label but sources when null) whose id, name or alias contains a word of it, ranked by <see cref="Suggestions.Rank"/>.
    /// </summary>
    Task<IReadOnlyList<GraphNode>> Suggest(string missingId, NodeLabel? label, int max, CancellationToken ct);

    /// <summary>Actors whose name or alias contains the query (case- and accent-insensitive), by name.</summary>
    Task<Page<GraphNode>> SearchActors(ActorSearch search, CancellationToken ct);

    /// <summary>A node with all its relationships (their other ends as references), or its miss when there is no such node.</summary>
    Task<Lookup<NodeWithLinks>> GetNode(NodeLabel label, string id, CancellationToken ct);

    /// <summary>
    /// Several nodes of one label, each as <see cref="GetNode"/> gives it (claims aside: they may be empty), in one
    /// round trip: in the order of <paramref name="ids"/>, a repeated id once, an absent one skipped. The caller caps the ids.
    /// </summary>
    Task<IReadOnlyList<NodeWithLinks>> GetNodes(NodeLabel label, IReadOnlyList<string> ids, CancellationToken ct);

    /// <summary>An actor's relationships, optionally of one type and one direction; the actor's miss when it is unknown.</summary>
    Task<Lookup<IReadOnlyList<Link>>> GetRelationships(string actorId, string? type, string direction, CancellationToken ct);

    /// <summary>The nodes within <paramref name="depth"/> hops of an actor and the edges among them; the actor's miss when it is unknown.</summary>
    Task<Lookup<Subgraph>> GetNetwork(string actorId, int depth, int maxNodes, CancellationToken ct) => GetNetwork(actorId, depth, maxNodes, NodeDetail.Full, ct);

    /// <summary>As <see cref="GetNetwork(string, int, int, CancellationToken)"/>, with nodes and edges read in full or as references (<see cref="NodeDetail"/>).</summary>
    Task<Lookup<Subgraph>> GetNetwork(string actorId, int depth, int maxNodes, NodeDetail detail, CancellationToken ct);

    /// <summary>Other actors who took part in an event with this actor; the actor's miss when it is unknown.</summary>
    Task<Lookup<IReadOnlyList<CoParticipant>>> GetCoParticipants(string actorId, CancellationToken ct);

    /// <summary>A page of events, each with its links as references (<see cref="BareLinks"/>: relationships without their properties or evidence).</summary>
    Task<Page<NodeWithLinks>> FindEvents(EventSearch search, CancellationToken ct);

    Task<Page<NodeWithLinks>> FindSanctions(SanctionSearch search, CancellationToken ct);

    Task<Page<NodeWithLinks>> FindStatements(StatementSearch search, CancellationToken ct);

    // The lists an API filter anchors on a node, asked together with whether that node exists: a missing one is a 404
    // with suggestions, not an empty list, and the first missing anchor in the filters' order is the one reported, under
    // its filter's name (Missing.Parameter). One call answers both; Neo4j asks the checks in the page's own request.

    /// <summary><see cref="FindEvents"/>, or the miss of <see cref="EventSearch.ActorId"/> (<c>actor</c>).</summary>
    Task<Lookup<Page<NodeWithLinks>>> FindEventsIfAnchorsExist(EventSearch search, CancellationToken ct);

    /// <summary><see cref="FindSanctions"/>, or the miss of the imposer (<c>imposer</c>), else of the target (<c>target</c>).</summary>
    Task<Lookup<Page<NodeWithLinks>>> FindSanctionsIfAnchorsExist(SanctionSearch search, CancellationToken ct);

    /// <summary><see cref="FindStatements"/>, or the miss of the speaker (<c>speaker</c>, an actor), else of <c>about</c> (a node of any label).</summary>
    Task<Lookup<Page<NodeWithLinks>>> FindStatementsIfAnchorsExist(StatementSearch search, CancellationToken ct);

    /// <summary><see cref="FindFigures"/>, or the miss of <c>about</c> (a node of any label), else of the reporter (<c>reporter</c>, an actor).</summary>
    Task<Lookup<Page<NodeWithLinks>>> FindFiguresIfAnchorsExist(FigureSearch search, CancellationToken ct);

    /// <summary><see cref="GetTimeline"/>, or the miss of <see cref="TimelineSearch.ActorId"/> (<c>actor</c>).</summary>
    Task<Lookup<IReadOnlyList<NodeWithLinks>>> GetTimelineIfAnchorsExist(TimelineSearch search, CancellationToken ct);

    // An actor's facts in two roles, each list asked or not, with the actor's existence: one call per API request.

    /// <summary>The first <paramref name="limit"/> statements the actor made (<see cref="RolePages.First"/>, when
    /// <paramref name="said"/>) and about them (<see cref="RolePages.Second"/>, when <paramref name="about"/>), as
    /// <see cref="FindStatements"/> pages them; the actor's miss when it is unknown.</summary>
    Task<Lookup<RolePages>> FindActorStatements(string actorId, bool said, bool about, int limit, CancellationToken ct);

    /// <summary>The first <paramref name="limit"/> sanctions the actor imposed (<see cref="RolePages.First"/>, when
    /// <paramref name="imposed"/>) and that target them (<see cref="RolePages.Second"/>, when <paramref name="targeted"/>),
    /// in force on <paramref name="activeOn"/> when given, as <see cref="FindSanctions"/> pages them; the actor's miss when it is unknown.</summary>
    Task<Lookup<RolePages>> FindActorSanctions(string actorId, bool imposed, bool targeted, string? activeOn, int limit, CancellationToken ct);

    /// <summary>The first <paramref name="limit"/> figures about the actor (<see cref="RolePages.First"/>, when
    /// <paramref name="about"/>) and that they reported (<see cref="RolePages.Second"/>, when <paramref name="reported"/>),
    /// as <see cref="FindFigures"/> pages them; the actor's miss when it is unknown.</summary>
    Task<Lookup<RolePages>> FindActorFigures(string actorId, bool about, bool reported, int limit, CancellationToken ct);

    /// <summary>
    /// An actor's FAMILY_OF ties either way (as <see cref="GetRelationships"/> orders them, at most
    /// <paramref name="maxMembers"/>), each with the first <paramref name="maxSanctions"/> sanctions that target the member
    /// (in force on <paramref name="activeOn"/> when given, as <see cref="FindSanctions"/> orders them); the actor's miss when it is unknown.
    /// </summary>
    Task<Lookup<IReadOnlyList<RelativeSanctions>>> GetFamilySanctions(string actorId, string? activeOn, int maxMembers, int maxSanctions, CancellationToken ct);

    /// <summary>Figures by metric then id, optionally only those about a node or reported by one (at most one of the two).</summary>
    Task<Page<NodeWithLinks>> FindFigures(FigureSearch search, CancellationToken ct);

    /// <summary>Programmes by name then id, optionally matching a text.</summary>
    Task<Page<NodeWithLinks>> FindPrograms(ProgramSearch search, CancellationToken ct);

    // Paths join two nodes of any label that must exist: the miss of the first end that names no node (from, then to:
    // Missing.Parameter "from" or "to", Label null) comes back with its suggestions, so a path read is one call whatever it finds.

    /// <summary>
    /// Every shortest undirected connection of at most <paramref name="maxDepth"/> hops, in <see cref="GraphOrder.Paths"/>'s
    /// order, at most <paramref name="limit"/>; empty when there is none; the miss of the first unknown end.
    /// </summary>
    Task<Lookup<IReadOnlyList<GraphPath>>> FindAllShortestPaths(string fromId, string toId, int maxDepth, int limit, CancellationToken ct);

    /// <summary>The shortest undirected connection of at most <paramref name="maxDepth"/> hops, or null when there is none; the miss of the first unknown end.</summary>
    Task<Lookup<GraphPath?>> FindShortestPath(string fromId, string toId, int maxDepth, CancellationToken ct);

    /// <summary>
    /// Events and statements in date order (the undated last, when asked for), optionally only those linked to an actor;
    /// each with its links as references (<see cref="BareLinks"/>: relationships without their properties or evidence).
    /// </summary>
    Task<IReadOnlyList<NodeWithLinks>> GetTimeline(TimelineSearch search, CancellationToken ct);

    /// <summary>The whole graph (sources aside), up to <paramref name="maxNodes"/> nodes.</summary>
    Task<Subgraph> GetGraph(int maxNodes, CancellationToken ct) => GetGraph(maxNodes, NodeDetail.Full, ct);

    /// <summary>As <see cref="GetGraph(int, CancellationToken)"/>, with nodes and edges read in full or as references (<see cref="NodeDetail"/>).</summary>
    Task<Subgraph> GetGraph(int maxNodes, NodeDetail detail, CancellationToken ct);

    Task<IReadOnlyList<GraphNode>> ListSources(CancellationToken ct);

    /// <summary>A source and every fact its evidence supports, or its miss when there is no such source.</summary>
    Task<Lookup<SourceFacts>> GetSource(string sourceId, CancellationToken ct);

    /// <summary>
    /// Merges a graph (a validated knowledge document, or what another format such as FollowTheMoney became) into the
    /// store in one transaction. Its evidence's sources must be among its nodes or already stored.
    /// Refuses (writing nothing) ids taken by another label, unknown endpoints, and relationships their type cannot join.
    /// </summary>
    Task<IImportOutcome> Import(DocumentGraph incoming, CancellationToken ct);

    /// <summary>Creates a node: <see cref="WriteOutcome.Conflict"/> when the id exists (with any label),
    /// <see cref="WriteOutcome.UnknownReferences"/> when its evidence cites an unknown source. Nothing is written then.</summary>
    Task<ICreateNodeOutcome> CreateNode(GraphNode node, CancellationToken ct);

    /// <summary>Replaces the claims of the given evidence's source with the given properties, and shows what the claims then
    /// resolve to (<see cref="ClaimRules"/>); its evidence accumulates (the given evidence is added).
    /// <see cref="WriteOutcome.NotFound"/> when there is no node with that label and id, <see cref="WriteOutcome.UnknownReferences"/>
    /// for unknown sources; nothing is written then.</summary>
    Task<IReplaceNodeOutcome> ReplaceNode(GraphNode node, CancellationToken ct);

    /// <summary>Deletes a node. A node with relationships is <see cref="WriteOutcome.InUse"/> unless <paramref name="cascade"/>,
    /// which deletes them with it; a source cited by any fact is always in use.</summary>
    Task<IDeleteNodeOutcome> DeleteNode(NodeLabel label, string id, bool cascade, CancellationToken ct);

    /// <summary>
    /// Retracts a source in one transaction (<see cref="RetractionPlan"/>): removes its evidence and claims from every fact,
    /// deletes the facts left without evidence (and a deleted node's relationships), then the source.
    /// <see cref="WriteOutcome.NotFound"/> when there is no such source; nothing is written then.
    /// </summary>
    Task<IRetractSourceOutcome> RetractSource(string sourceId, CancellationToken ct);

    /// <summary>
    /// Withdraws the sources <paramref name="fromSource"/> picks from these nodes and their relationships in one
    /// transaction (<see cref="WithdrawalPlan"/>): a retraction of those sources for these facts only. Absent ids are
    /// skipped; the sources stay.
    /// </summary>
    Task<SourceRetraction> Withdraw(IReadOnlyList<string> nodeIds, Func<string, bool> fromSource, CancellationToken ct);

    /// <summary>Creates a relationship: <see cref="WriteOutcome.Conflict"/> when it exists, <see cref="WriteOutcome.UnknownReferences"/>
    /// naming unknown ends or sources, <see cref="WriteOutcome.EndpointMismatch"/> when its type cannot join those nodes.
    /// Nothing is written then.</summary>
    Task<ICreateEdgeOutcome> CreateEdge(GraphEdge edge, CancellationToken ct);

    /// <summary>One relationship, or null.</summary>
    Task<GraphEdge?> GetEdge(string fromId, string type, string toId, CancellationToken ct);

    /// <summary>Deletes one relationship, or answers <see cref="WriteOutcome.NotFound"/>.</summary>
    Task<IDeleteEdgeOutcome> DeleteEdge(string fromId, string type, string toId, CancellationToken ct);

    /// <summary>Whether the store can answer queries now.</summary>
    Task<bool> IsReady(CancellationToken ct);

    /// <summary>Prepares the store (its schema) before the first write; idempotent, called once at start-up.</summary>
    Task Initialize(CancellationToken ct);
}

/// <summary>An actor's facts in two roles (which role is which, the method says); null for a role not asked.</summary>
public sealed record RolePages(Page<NodeWithLinks>? First, Page<NodeWithLinks>? Second);

/// <summary>A family tie and the sanctions that target the member at its other end.</summary>
public sealed record RelativeSanctions(Link Tie, IReadOnlyList<NodeWithLinks> Sanctions)
{
    /// <summary>The member's topic codes (<c>sanction</c>, <c>role.pep</c>, …): the tie's other end is only a reference, so the store reads them.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
}

public sealed record ActorSearch(string? Query, string? Kind, int Page, int PageSize)
{
    /// <summary>Only actors carrying this topic code (e.g. <c>sanction</c>), exactly.</summary>
    public string? Topic { get; init; }
}

public sealed record EventSearch(string? Kind, string? From, string? To, string? ActorId, int Page, int PageSize)
{
    /// <summary>Only events of this PLOVER mode (any type's, or the kind's when a kind is given).</summary>
    public string? Mode { get; init; }

    /// <summary>Only events carrying this PLOVER context (general or auxiliary).</summary>
    public string? Context { get; init; }

    /// <summary>Only events with a participant (PARTICIPATED_IN) or recipient (TARGETED) of this PLOVER sector.</summary>
    public string? Sector { get; init; }

    /// <summary>Only events of this quad class (1 to 4), derived from their kind.</summary>
    public int? QuadClass { get; init; }

    /// <summary>Whether a PLOVER filter (mode, context, sector, quad class) is given: those anchor on their own indexes.</summary>
    public bool HasPloverFilter => Mode is not null || Context is not null || Sector is not null || QuadClass is not null;

    /// <summary>Only facts of this provenance (<c>curated</c>: cited by at least one curated source; <c>coded</c>: cited
    /// by coded sources only), by the marker writes keep (<see cref="Model.FactProvenance"/>); all when null.</summary>
    public string? Provenance { get; init; }
}

public sealed record SanctionSearch(string? ImposerId, string? TargetId, string? Kind, int Page, int PageSize)
{
    /// <summary>Only sanctions in force on this day (yyyy-MM-dd), by <see cref="Model.SanctionLifetime.IsActiveOn"/>.</summary>
    public string? ActiveOn { get; init; }

    /// <summary>Only sanctions imposed under this programme (a Program node's id, linked by UNDER_PROGRAM).</summary>
    public string? ProgramId { get; init; }

    /// <summary>Only facts of this provenance (<c>curated</c>: cited by at least one curated source; <c>coded</c>: cited
    /// by coded sources only), by the marker writes keep (<see cref="Model.FactProvenance"/>); all when null.</summary>
    public string? Provenance { get; init; }
}

/// <summary>What a figure search looks for.</summary>
/// <param name="AboutId">Only figures about this node.</param>
/// <param name="ReporterId">Only figures this actor reported.</param>
/// <param name="Metric">Only figures of this metric, exactly.</param>
/// <param name="Query">Text the metric contains, case and accents ignored.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Items per page.</param>
public sealed record FigureSearch(string? AboutId, string? ReporterId, string? Metric, string? Query, int Page, int PageSize);

/// <summary>What a programme search looks for.</summary>
/// <param name="Query">Text the name contains, case and accents ignored.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Items per page.</param>
public sealed record ProgramSearch(string? Query, int Page, int PageSize);

public sealed record StatementSearch(string? SpeakerId, string? AboutId, string? Query, int Page, int PageSize)
{
    /// <summary>Only facts of this provenance (<c>curated</c>: cited by at least one curated source; <c>coded</c>: cited
    /// by coded sources only), by the marker writes keep (<see cref="Model.FactProvenance"/>); all when null.</summary>
    public string? Provenance { get; init; }
}

/// <summary>What the timeline lists.</summary>
/// <param name="ActorId">Only entries directly linked to this actor.</param>
/// <param name="From">Earliest date, inclusive.</param>
/// <param name="To">Latest date, inclusive.</param>
/// <param name="Limit">The most entries.</param>
/// <param name="IncludeUndated">Whether undated entries come too, after the dated ones; a date range does not exclude them, their date being unknown.</param>
public sealed record TimelineSearch(string? ActorId, string? From, string? To, int Limit, bool IncludeUndated = false)
{
    /// <summary>Only facts of this provenance (<c>curated</c>: cited by at least one curated source; <c>coded</c>: cited
    /// by coded sources only), by the marker writes keep (<see cref="Model.FactProvenance"/>); all when null.</summary>
    public string? Provenance { get; init; }
}

/// <summary>What an import did: ids created, updated and left unchanged.</summary>
public sealed record ImportSummary(
    IReadOnlyList<string> NodesCreated,
    IReadOnlyList<string> NodesUpdated,
    IReadOnlyList<string> NodesUnchanged,
    IReadOnlyList<string> EdgesCreated,
    IReadOnlyList<string> EdgesUpdated,
    IReadOnlyList<string> EdgesUnchanged);

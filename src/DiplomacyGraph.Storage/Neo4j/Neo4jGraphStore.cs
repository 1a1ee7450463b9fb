using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>
/// The graph in a Neo4j server (3.x to 5.x), reached over the HTTP transactional API. Every node carries the label
/// <c>Node</c> and its own label, its id, its properties flat and its evidence as two parallel lists; every edge is
/// one relationship per (from, type, to). It answers exactly as <see cref="Embedded.EmbeddedGraphStore"/> does:
/// paged lists page in Cypher in <see cref="GraphOrder"/>'s order, other lists are ordered in C# with it.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore, IDisposable
{
    /// <summary>The longest path <see cref="FindShortestPath"/> looks for, whatever maxDepth asks (see ShortestPaths.cypher).</summary>
    public const int MaxPathDepth = 15;

    /// <summary>The list properties a node may have (CreateNode.cypher writes each by name); any other would be lost.</summary>
    private static readonly string[] ListProperties =
        ["aliases", "weakAliases", "topics", "identifiers", "nationalities", "referents", "sameAs", InternalProperties.SearchTerms];

    /// <summary>The constraint and indexes of citations (Neo4jGraphStore.Claims.cs), by file name.</summary>
    private static readonly string[] CitationSchema = ["CitationKeyConstraint", "CitationSourceIndex", "CitationFactIndex"];

    private readonly Neo4jHttpClient client;
    private readonly ILogger<Neo4jGraphStore> logger;

    internal Neo4jGraphStore(Neo4jHttpClient client, ILogger<Neo4jGraphStore> logger)
    {
        this.client = client;
        this.logger = logger;
    }

    /// <summary>A kind's id constraint, and the indexes its lists are read by (<see cref="NodeKind.Order"/>, <see cref="NodeKind.FilteredByKind"/>).</summary>
    private static IEnumerable<string> SchemaOf(NodeKind kind, string folder)
    {
        yield return CypherQueries.WithLabel($"{folder}/LabelIdConstraint", kind.Label);
        if (kind.Order == ListOrder.ByName) yield return CypherQueries.WithLabel($"{folder}/SortKeyIndex", kind.Label);
        if (kind.Order == ListOrder.Chronological) yield return CypherQueries.WithLabel($"{folder}/DateIndex", kind.Label);
        if (kind.FilteredByKind) yield return CypherQueries.WithLabel($"{folder}/KindIndex", kind.Label);
        // provenance= lists (FactProvenance) of the chronologically listed facts: events, sanctions, statements.
        if (kind.Order == ListOrder.Chronological) yield return CypherQueries.WithLabel($"{folder}/ProvenanceIndex", kind.Label);
    }

    /// <summary>
    /// Refuses a database newer than this build (one line, <see cref="StoreMisconfiguredException"/>); creates the id
    /// constraints and the indexes the API searches and sorts by, in the DDL of the server's version, each in its own
    /// transaction (schema and data never share one), idempotently; then migrates an older database's data forward
    /// (Neo4jGraphStore.Migrations.cs).
    /// </summary>
    public async Task Initialize(CancellationToken ct)
    {
        var server = await client.Server(ct);
        var version = await RefuseNewer(ct);
        var folder = server.MajorVersion is > 0 and <= 3 ? "Schema3x" : "Schema";
        var statements = new List<string> { CypherQueries.Get($"{folder}/NodeIdConstraint"), CypherQueries.Get($"{folder}/SchemaVersionConstraint") };
        statements.AddRange(NodeKinds.All.SelectMany(kind => SchemaOf(kind, folder)));
        statements.AddRange(SearchKeySchema(folder));
        statements.AddRange(EventKeySchema(folder));
        statements.AddRange(CitationSchema.Select(name => CypherQueries.Get($"{folder}/{name}")));
        statements.AddRange(ResolutionSchema.Select(name => CypherQueries.Get($"{folder}/{name}")));
        statements.AddRange(IdempotencySchema.Select(name => CypherQueries.Get($"{folder}/{name}")));
        foreach (var statement in statements)
        {
            await client.Run(new CypherStatement(statement), ct, write: true);
        }
        logger.LogInformation("Neo4j {Version} schema ensured ({Count} constraints and indexes)", server.Version, statements.Count);
        await Migrate(version, ct);
    }

    public async Task<bool> Exists(NodeLabel label, string id, CancellationToken ct) =>
        (await client.Run(new CypherStatement(CypherQueries.WithLabel("NodeExists", label), Params(("id", id))), ct)).Count > 0;

    public async Task<Lookup<NodeWithLinks>> GetNode(NodeLabel label, string id, CancellationToken ct) =>
        await this.FoundOrMissing(await NodeOf(label, id, ct), label, id, null, ct);

    private async Task<NodeWithLinks?> NodeOf(NodeLabel label, string id, CancellationToken ct)
    {
        var results = await client.Run([new CypherStatement(CypherQueries.WithLabel("GetNode", label), Params(("id", id))), FactCitations(id)], ct);
        return results[0].Column("node").AsNodesWithLinks().FirstOrDefault() is { } found
            ? found with { Node = WithClaims(found.Node, results[1]) }
            : null;
    }

    public async Task<IReadOnlyList<NodeWithLinks>> GetNodes(NodeLabel label, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0) return [];
        var result = await client.Run(new CypherStatement(CypherQueries.WithLabel("NodesWithLinks", label), Params(("ids", distinct))), ct);
        var found = result.Column("node").AsNodesWithLinks().ToDictionary(n => n.Node.Id, StringComparer.Ordinal);
        return [.. distinct.Where(found.ContainsKey).Select(id => found[id])];
    }

    public async Task<Lookup<IReadOnlyList<Link>>> GetRelationships(string actorId, string? type, string direction, CancellationToken ct) =>
        await this.FoundOrMissing(await RelationshipsOf(actorId, type, direction, ct), NodeLabel.Actor, actorId, null, ct);

    private async Task<IReadOnlyList<Link>?> RelationshipsOf(string actorId, string? type, string direction, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("ActorRelationships"),
            Params(("id", actorId), ("type", type), ("direction", direction))), ct);
        return result.Column("node").AsNodesWithLinks().FirstOrDefault()?.Links;
    }

    public async Task<Lookup<Subgraph>> GetNetwork(string actorId, int depth, int maxNodes, NodeDetail detail, CancellationToken ct) =>
        await this.FoundOrMissing(await NetworkOf(actorId, depth, maxNodes, detail, ct), NodeLabel.Actor, actorId, null, ct);

    private async Task<Subgraph?> NetworkOf(string actorId, int depth, int maxNodes, NodeDetail detail, CancellationToken ct)
    {
        // Breadth-first, one request per hop, nearest first and by name within a level, as the embedded store walks.
        // A level past the cap is never expanded, and only ids and sort keys travel until the chosen nodes are read.
        // The first request asks whether the actor exists with its first hop; the last reads the nodes with their edges.
        var chosen = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { actorId };
        var level = new List<(string Id, string SortKey)> { (actorId, "") };
        var anchor = ActorExists(actorId);
        var truncated = false;
        for (var d = 0; level.Count > 0; d++)
        {
            level.Sort((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey) is var c and not 0 ? c : string.CompareOrdinal(a.Id, b.Id));
            var room = Math.Max(0, maxNodes) - chosen.Count;
            chosen.AddRange(level.Take(room).Select(n => n.Id));
            if (level.Count > room)
            {
                truncated = true;
                break;
            }
            if (d == depth) break;
            var results = await client.Run(
            [
                new CypherStatement(CypherQueries.Get("Neighbours"), Params(("ids", level.Select(n => n.Id).ToArray()))),
                .. new[] { anchor }.OfType<CypherStatement>(),
            ], ct);
            if (anchor is not null && results[1].Count == 0) return null;
            anchor = null;
            var next = results[0];
            level = [.. next.Column("id").Zip(next.Column("sortKey"), (id, key) => (Id: id.GetString()!, SortKey: key.GetString() ?? ""))
                .Where(n => seen.Add(n.Id))];
            if (chosen.Count == maxNodes && level.Count > 0)
            {
                truncated = true;
                break;
            }
        }

        var ids = chosen.ToArray();
        var read = await client.Run(
        [
            NodesStatement(ids, detail),
            InducedStatement(ids, detail),
            .. new[] { anchor }.OfType<CypherStatement>(),
        ], ct);
        if (anchor is not null && read[2].Count == 0) return null;
        var nodes = read[0].Column("node").AsNodes().ToDictionary(n => n.Id, StringComparer.Ordinal);
        // A node deleted between the walk and this read is left out, with its edges.
        var edges = ReadEdges(read[1], detail).Where(e => nodes.ContainsKey(e.From) && nodes.ContainsKey(e.To));
        return new Subgraph([.. chosen.Where(nodes.ContainsKey).Select(id => nodes[id])], GraphOrder.Sort(edges), truncated);
    }

    public async Task<Lookup<IReadOnlyList<CoParticipant>>> GetCoParticipants(string actorId, CancellationToken ct) =>
        await this.FoundOrMissing(await CoParticipantsOf(actorId, ct), NodeLabel.Actor, actorId, null, ct);

    private async Task<IReadOnlyList<CoParticipant>?> CoParticipantsOf(string actorId, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("CoParticipants"), Params(("id", actorId))), ct);
        if (result.Count == 0) return null;
        return result.Column("other").Zip(result.Column("events"))
            .Where(row => row.First.ValueKind != System.Text.Json.JsonValueKind.Null && GraphRows.Exists(row.First))
            .Select(row => new CoParticipant(GraphRows.Node(row.First),
                GraphOrder.Sort(row.Second.EnumerateArray().AsNodes(), GraphOrder.Chronological)))
            .OrderBy(c => c.Actor.SortKey, StringComparer.Ordinal)
            .ThenBy(c => c.Actor.Id, StringComparer.Ordinal)
            .ToList();
    }

    // Each list has one query variant per anchor, chosen here: the first of its anchors that is given starts the query
    // (through the id constraint or an index), and the other filters apply to what it found. Pages are cut in Cypher;
    // the total comes from a Count variant run in the same request.

    public Task<Page<NodeWithLinks>> FindEvents(EventSearch search, CancellationToken ct) =>
        PageOf(EventsVariant(search), search.Page, search.PageSize, ct);

    public Task<Page<NodeWithLinks>> FindSanctions(SanctionSearch search, CancellationToken ct) =>
        PageOf(SanctionsVariant(search), search.Page, search.PageSize, ct);

    public Task<Page<NodeWithLinks>> FindStatements(StatementSearch search, CancellationToken ct) =>
        PageOf(StatementsVariant(search), search.Page, search.PageSize, ct);

    private static (string, Dictionary<string, object?>) EventsVariantByAnchor(EventSearch search)
    {
        if (search.HasPloverFilter) return PloverEventsVariant(search);
        var filters = Params(("kind", search.Kind), ("from", search.From), ("to", search.To));
        return search switch
        {
            { ActorId: { } actor } => ("EventsByActor", With(filters, ("actorId", actor))),
            { Kind: not null } => ("EventsByKind", filters),
            { From: not null } or { To: not null } => ("EventsByDate", With(Params(("from", search.From), ("to", search.To)), DateRange(search.From, search.To))),
            _ => ("Events", Params()),
        };
    }

    private static (string, Dictionary<string, object?>) SanctionsVariantByAnchor(SanctionSearch search) => search switch
    {
        { ImposerId: { } imposer } => ("SanctionsByImposer", Params(("imposerId", imposer), ("targetId", search.TargetId), ("programId", search.ProgramId), ("kind", search.Kind), ("activeOn", search.ActiveOn))),
        { TargetId: { } target } => ("SanctionsByTarget", Params(("targetId", target), ("programId", search.ProgramId), ("kind", search.Kind), ("activeOn", search.ActiveOn))),
        { ProgramId: { } program } => ("SanctionsByProgram", Params(("programId", program), ("kind", search.Kind), ("activeOn", search.ActiveOn))),
        { Kind: { } kind } => ("SanctionsByKind", Params(("kind", kind), ("activeOn", search.ActiveOn))),
        _ => ("Sanctions", Params(("activeOn", search.ActiveOn))),
    };

    private static (string, Dictionary<string, object?>) StatementsVariantByAnchor(StatementSearch search)
    {
        var query = search.Query is null ? null : Text.Fold(search.Query);
        return search switch
        {
            { SpeakerId: { } speaker } => ("StatementsBySpeaker", Params(("speakerId", speaker), ("aboutId", search.AboutId), ("query", query))),
            { AboutId: { } about } => ("StatementsAbout", Params(("aboutId", about), ("query", query))),
            _ => ("Statements", Params(("query", query))),
        };
    }

    /// <summary>A statement that answers a row when an actor with this id exists; none when the id is null.</summary>
    private static CypherStatement? ActorExists(string? id) => id is null ? null : Check(NodeLabel.Actor, id);

    public async Task<IReadOnlyList<NodeWithLinks>> GetTimeline(TimelineSearch search, CancellationToken ct)
    {
        var limit = Math.Max(0, search.Limit);
        if (search.ActorId is not null) return (await TimelineByActor(search, null, ct)).Entries;
        // One list per label, each cut at the limit in Cypher, merged here in GraphOrder.Timeline's order.
        var dated = search.From is not null || search.To is not null;
        var parameters = dated
            ? With(Params(("from", search.From), ("to", search.To), ("limit", limit), ("provenance", search.Provenance)), DateRange(search.From, search.To))
            : Params(("limit", limit), ("provenance", search.Provenance));
        var results = await client.Run(
            [.. new[] { NodeLabel.Event, NodeLabel.Statement }.Select(label =>
                new CypherStatement(CypherQueries.WithLabel(dated ? "TimelineOfLabelByDate" : "TimelineOfLabel", label), parameters))], ct);
        var entries = results.SelectMany(r => r.Column("node").AsNodesWithLinks())
            .OrderBy(n => n.Node, Comparer<GraphNode>.Create(GraphOrder.Timeline))
            .Take(limit).ToList();
        if (!search.IncludeUndated || entries.Count >= limit) return entries;
        // Undated entries come after every dated one, whatever the date range (their date is unknown).
        var undated = await client.Run(
            [.. new[] { NodeLabel.Event, NodeLabel.Statement }.Select(label =>
                new CypherStatement(CypherQueries.WithLabel("TimelineUndatedOfLabel", label), Params(("limit", limit - entries.Count), ("provenance", search.Provenance))))], ct);
        return [.. entries, .. undated.SelectMany(r => r.Column("node").AsNodesWithLinks())
            .OrderBy(n => n.Node, Comparer<GraphNode>.Create(GraphOrder.Timeline))
            .Take(limit - entries.Count)];
    }

    /// <summary>The entries linked to the search's actor, with the <paramref name="anchor"/> check (when given) in the same request.</summary>
    private async Task<(IReadOnlyList<NodeWithLinks> Entries, bool AnchorsExist)> TimelineByActor(TimelineSearch search, CypherStatement? anchor, CancellationToken ct)
    {
        var results = await client.Run(
        [
            new CypherStatement(CypherQueries.Get("TimelineByActor"), Params(("from", search.From), ("to", search.To), ("actorId", search.ActorId),
                ("includeUndated", search.IncludeUndated), ("limit", Math.Max(0, search.Limit)), ("provenance", search.Provenance))),
            .. new[] { anchor }.OfType<CypherStatement>(),
        ], ct);
        return ([.. results[0].Column("node").AsNodesWithLinks()], results.Skip(1).All(check => check.Count > 0));
    }

    public async Task<Subgraph> GetGraph(int maxNodes, NodeDetail detail, CancellationToken ct)
    {
        // The nodes with the edges among them (one statement, one label scan) and their count, in one request.
        var results = await client.Run(
        [
            detail == NodeDetail.Summary
                ? new CypherStatement(CypherQueries.Get("FactNodeRefs"), Params(("limit", Math.Max(0, maxNodes)), ("hidden", GraphRows.HiddenEdgeKeys)))
                : new CypherStatement(CypherQueries.Get("FactNodes"), Params(("limit", Math.Max(0, maxNodes)))),
            new CypherStatement(CypherQueries.Get("CountFacts")),
        ], ct);
        var nodes = results[0].Column("node").AsNodes().ToList();
        // A node another transaction is deleting is left out (AsNodes), and so are its edges.
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var edges = results[0].Column("edges").SelectMany(list => list.EnumerateArray())
            .Select(EdgeReader(detail)).Where(e => ids.Contains(e.From) && ids.Contains(e.To));
        return new Subgraph(nodes, GraphOrder.Sort(edges), results[1].Column("total").Single().GetInt32() > maxNodes);
    }

    /// <summary>The nodes with these ids, in full or as references (<c>NodeRefsByIds</c>: no evidence or other property read).</summary>
    private static CypherStatement NodesStatement(string[] ids, NodeDetail detail) =>
        new(CypherQueries.Get(detail == NodeDetail.Summary ? "NodeRefsByIds" : "NodesByIds"), Params(("ids", ids)));

    /// <summary>The edges among these nodes, in full or without evidence (<c>InducedEdgeRefs</c>).</summary>
    private static CypherStatement InducedStatement(string[] ids, NodeDetail detail) => detail == NodeDetail.Summary
        ? new(CypherQueries.Get("InducedEdgeRefs"), Params(("ids", ids), ("hidden", GraphRows.HiddenEdgeKeys)))
        : new(CypherQueries.Get("InducedEdges"), Params(("ids", ids)));

    private static IEnumerable<GraphEdge> ReadEdges(CypherResult result, NodeDetail detail) => result.Column("edge").Select(EdgeReader(detail));

    /// <summary>How an edge row is read: in full, or as a reference (properties as pairs, no evidence).</summary>
    private static Func<System.Text.Json.JsonElement, GraphEdge> EdgeReader(NodeDetail detail) =>
        detail == NodeDetail.Summary ? GraphRows.EdgeReference : GraphRows.Edge;

    public async Task<IReadOnlyList<GraphNode>> ListSources(CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("ListSources")), ct);
        return GraphOrder.Sort(result.Column("node").AsNodes(), GraphOrder.ById);
    }

    public async Task<Lookup<SourceFacts>> GetSource(string sourceId, CancellationToken ct) =>
        await this.FoundOrMissing(await SourceOf(sourceId, ct), NodeLabel.Source, sourceId, null, ct);

    private async Task<SourceFacts?> SourceOf(string sourceId, CancellationToken ct)
    {
        var parameters = Params(("id", sourceId));
        var results = await client.Run(
        [
            new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", new[] { sourceId }))),
            new CypherStatement(CypherQueries.Get("SourceNodes"), parameters),
            new CypherStatement(CypherQueries.Get("SourceEdges"), parameters),
        ], ct);
        if (results[0].Column("node").AsNodes().FirstOrDefault() is not { Label: NodeLabel.Source } source) return null;
        return new SourceFacts(source,
            GraphOrder.Sort(results[1].Column("node").AsNodes(), GraphOrder.ByLabel),
            GraphOrder.Sort(results[2].Column("edge").Select(GraphRows.Edge)));
    }

    /// <summary>
    /// A computed write (see Neo4jGraphStore.Claims.cs): read what the document touches with its claims, make the
    /// <see cref="ImportPlan"/> exactly as the embedded store does (or answer its refusal), then one request that
    /// write-locks those nodes, guards their labels and revisions, and writes the changed facts with their citations.
    /// </summary>
    public async Task<IImportOutcome> Import(DocumentGraph incoming, CancellationToken ct)
    {
        var declared = incoming.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        var ids = incoming.Nodes.Select(n => n.Id).Concat(incoming.Edges.SelectMany(e => new[] { e.From, e.To })).ToList();
        var expected = incoming.Nodes.Select(n => new NodeExpectation(n.Id, [n.Label], Required: false))
            .Concat(incoming.Edges.SelectMany(e => Endpoint(e.From, e.To, RelationshipTypes.ByType[e.Type]))
                .Where(x => !declared.ContainsKey(x.Id)))
            .ToList();
        await writeGate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var state = await ReadFacts(ids, incoming.Edges, ct);
                if (ImportPlan.Refusal(incoming, state.Nodes) is { } refused) return refused;
                var plan = ImportPlan.Make(incoming, state.Nodes, state.Edges, state.PublishedOf);
                if (plan.Nodes.Count == 0 && plan.Edges.Count == 0) return new WriteOutcome.Imported(plan.Summary);
                // Nodes before edges, each group in a fixed order, so concurrent imports take their locks in the same order.
                IReadOnlyList<CypherStatement> statements =
                [
                    LockNodes(ids),
                    Guard(expected),
                    GuardNodeRevisions(ids, state.RevisionOf),
                    GuardEdgeRevisions(incoming.Edges, state.RevisionOf),
                    .. SetFacts([.. plan.Nodes.Select(n => n.Merged)], [.. plan.Edges.Select(e => e.Merged)], state.RevisionOf),
                ];
                try
                {
                    await client.Run(statements, ct, write: true);
                    return new WriteOutcome.Imported(plan.Summary);
                }
                catch (Neo4jConstraintException)
                {
                    return IdTaken;
                }
                catch (Neo4jGuardException e)
                {
                    await PauseOrThrow(attempt, e, ct);
                    logger.LogDebug(e, "An import's guard refused: a concurrent write changed what it read; reading again");
                }
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task<bool> IsReady(CancellationToken ct)
    {
        try
        {
            await client.Run(new CypherStatement(CypherQueries.Get("Ping")), ct);
            return true;
        }
        catch (Exception e) when (e is StoreUnavailableException or Neo4jQueryException or StoreMisconfiguredException)
        {
            // The client has logged the cause (a misconfiguration at error level, naming it).
            return false;
        }
    }

    private static Dictionary<string, object?> NodeRow(GraphNode node)
    {
        var lists = node.Properties.Where(p => p.Value is string[]).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (lists.Keys.FirstOrDefault(k => !ListProperties.Contains(k, StringComparer.Ordinal)) is { } unmerged)
        {
            throw new InvalidOperationException($"The list property '{unmerged}' has no place in CreateNode.cypher.");
        }
        var row = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = node.Id,
            ["scalars"] = node.Properties.Where(p => p.Value is not (null or string[])).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            ["evidence"] = EvidenceRows(node.Evidence),
        };
        foreach (var key in ListProperties)
        {
            row[key] = lists.GetValueOrDefault(key);
        }
        return row;
    }

    private static Dictionary<string, object?>[] EvidenceRows(IReadOnlyList<Evidence> evidence) =>
        [.. evidence.Distinct().Select(e => new Dictionary<string, object?> { ["source"] = e.SourceId, ["text"] = e.Text })];

    private async Task<List<GraphNode>> NodesByIds(IEnumerable<string> ids, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", ids.ToArray()))), ct);
        return [.. result.Column("node").AsNodes()];
    }

    /// <summary>One page of a list variant (<c>Find{name}.cypher</c>) and its total (<c>Count{name}.cypher</c>), in one request.</summary>
    private async Task<Page<NodeWithLinks>> PageOf((string Name, Dictionary<string, object?> Parameters) variant, int page, int pageSize, CancellationToken ct) =>
        (await PagesWithChecks([variant], page, pageSize, [], ct)).Pages[0];

    /// <summary>
    /// A page of each list variant, as <see cref="PageOf"/> reads one, and the existence checks of the anchors, all in one
    /// request: the pages, and the position of the first check that found no row (-1 when every one did).
    /// </summary>
    private async Task<(IReadOnlyList<Page<NodeWithLinks>> Pages, int FirstMissing)> PagesWithChecks(
        List<(string Name, Dictionary<string, object?> Parameters)> variants, int page, int pageSize, List<CypherStatement> checks, CancellationToken ct)
    {
        var (skip, limit) = GraphOrder.Slice(page, pageSize);
        var results = await client.Run(
        [
            .. variants.SelectMany(variant => new[]
            {
                new CypherStatement(CypherQueries.Get($"Find{variant.Name}"), With(variant.Parameters, ("skip", skip), ("limit", limit))),
                new CypherStatement(CypherQueries.Get($"Count{variant.Name}"), variant.Parameters),
            }),
            .. checks,
        ], ct);
        var pages = variants.Select((_, i) => new Page<NodeWithLinks>([.. results[2 * i].Column("node").AsNodesWithLinks()], page, pageSize,
            results[2 * i + 1].Column("total").Single().GetInt32())).ToList();
        return (pages, results.Skip(2 * variants.Count).ToList().FindIndex(check => check.Count == 0));
    }

    /// <summary>
    /// The bounds of the date index's range seek: from the year of <paramref name="from"/> (a partial date such as
    /// "2025-09" overlaps "2025-09-15" yet sorts before it, but never before its year) to <paramref name="to"/>, or
    /// "~", which sorts after every date. The queries then apply <see cref="GraphOrder.InRange"/>'s exact test.
    /// </summary>
    private static (string, object?)[] DateRange(string? from, string? to) =>
        [("floor", from is null ? "" : from[..Math.Min(4, from.Length)]), ("ceiling", to ?? "~")];

    private static Dictionary<string, object?> With(Dictionary<string, object?> parameters, params (string Name, object? Value)[] more)
    {
        var all = new Dictionary<string, object?>(parameters, StringComparer.Ordinal);
        foreach (var (name, value) in more) all[name] = value;
        return all;
    }

    private static Dictionary<string, object?> Params(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}

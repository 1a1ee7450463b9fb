using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>
/// The graph in a Neo4j server (3.x to 5.x), reached over the HTTP transactional API. Every node carries the label
/// <c>Node</c> and its own label, its id, its properties flat and its evidence as two parallel lists; every edge is
/// one relationship per (from, type, to). It answers exactly as <see cref="Embedded.EmbeddedGraphStore"/> does:
/// paged lists page in Cypher in <see cref="GraphOrder"/>'s order, other lists are ordered in C# with it.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    /// <summary>The longest path <see cref="FindShortestPath"/> looks for, whatever maxDepth asks (see ShortestPaths.cypher).</summary>
    public const int MaxPathDepth = 15;

    /// <summary>The list properties that <c>UpsertNodes.cypher</c> unions; any other list property would be overwritten.</summary>
    private static readonly string[] ListProperties = ["aliases", "topics", InternalProperties.SearchTerms];

    private readonly Neo4jHttpClient client;
    private readonly ILogger<Neo4jGraphStore> logger;

    internal Neo4jGraphStore(Neo4jHttpClient client, ILogger<Neo4jGraphStore> logger)
    {
        this.client = client;
        this.logger = logger;
    }

    /// <summary>
    /// Creates the id constraints and the indexes the API searches and sorts by, in the DDL of the server's version,
    /// each in its own transaction (schema and data never share one). Idempotent.
    /// </summary>
    public async Task Initialize(CancellationToken ct)
    {
        var server = await client.Server(ct);
        var folder = server.MajorVersion is > 0 and <= 3 ? "Schema3x" : "Schema";
        var statements = new List<string> { CypherQueries.Get($"{folder}/NodeIdConstraint") };
        statements.AddRange(Enum.GetValues<NodeLabel>().Select(l => CypherQueries.WithLabel($"{folder}/LabelIdConstraint", l)));
        statements.Add(CypherQueries.WithLabel($"{folder}/SortKeyIndex", NodeLabel.Actor));
        statements.AddRange(new[] { NodeLabel.Event, NodeLabel.Sanction, NodeLabel.Statement }.Select(l => CypherQueries.WithLabel($"{folder}/DateIndex", l)));
        statements.AddRange(new[] { NodeLabel.Actor, NodeLabel.Event, NodeLabel.Sanction }.Select(l => CypherQueries.WithLabel($"{folder}/KindIndex", l)));
        foreach (var statement in statements)
        {
            await client.Run(new CypherStatement(statement), ct, write: true);
        }
        logger.LogInformation("Neo4j {Version} schema ensured ({Count} constraints and indexes)", server.Version, statements.Count);
    }

    public async Task<bool> Exists(NodeLabel label, string id, CancellationToken ct) =>
        (await client.Run(new CypherStatement(CypherQueries.WithLabel("NodeExists", label), Params(("id", id))), ct)).Count > 0;

    public async Task<Page<GraphNode>> SearchActors(ActorSearch search, CancellationToken ct)
    {
        var (skip, limit) = Slice(search.Page, search.PageSize);
        var result = await client.Run(new CypherStatement(CypherQueries.Get("SearchActors"), Params(
            ("kind", search.Kind), ("query", search.Query is null ? null : Text.Fold(search.Query)), ("skip", skip), ("limit", limit))), ct);
        return ToPage(result, GraphRows.Node, search.Page, search.PageSize);
    }

    public async Task<NodeWithLinks?> GetNode(NodeLabel label, string id, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.WithLabel("GetNode", label), Params(("id", id))), ct);
        return result.Column("node").Select(GraphRows.WithLinks).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Link>?> GetRelationships(string actorId, string? type, string direction, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("ActorRelationships"),
            Params(("id", actorId), ("type", type), ("direction", direction))), ct);
        return result.Column("node").Select(GraphRows.WithLinks).FirstOrDefault()?.Links;
    }

    public async Task<Subgraph?> GetNetwork(string actorId, int depth, int maxNodes, CancellationToken ct)
    {
        if (!await Exists(NodeLabel.Actor, actorId, ct)) return null;

        // Breadth-first, one query per hop, exactly as GraphIndex.Distances walks.
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [actorId] = 0 };
        var frontier = new List<string> { actorId };
        for (var d = 1; d <= depth && frontier.Count > 0; d++)
        {
            var next = await client.Run(new CypherStatement(CypherQueries.Get("Neighbours"), Params(("ids", frontier))), ct);
            frontier = [.. next.Column("id").Select(id => id.GetString()!).Where(id => distance.TryAdd(id, d))];
        }

        var nodes = await NodesByIds(distance.Keys, ct);
        var ordered = nodes
            .OrderBy(n => distance[n.Id])
            .ThenBy(n => n.SortKey, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        return await Induced([.. ordered.Take(Math.Max(0, maxNodes))], ordered.Count > maxNodes, ct);
    }

    public async Task<IReadOnlyList<CoParticipant>?> GetCoParticipants(string actorId, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("CoParticipants"), Params(("id", actorId))), ct);
        if (result.Count == 0) return null;
        return result.Column("other").Zip(result.Column("events"))
            .Where(row => row.First.ValueKind != System.Text.Json.JsonValueKind.Null)
            .Select(row => new CoParticipant(GraphRows.Node(row.First),
                GraphOrder.Sort(row.Second.EnumerateArray().Select(GraphRows.Node), GraphOrder.Chronological)))
            .OrderBy(c => c.Actor.SortKey, StringComparer.Ordinal)
            .ThenBy(c => c.Actor.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Page<NodeWithLinks>> FindEvents(EventSearch search, CancellationToken ct)
    {
        var (skip, limit) = Slice(search.Page, search.PageSize);
        var result = await client.Run(new CypherStatement(CypherQueries.Get("FindEvents"), Params(
            ("kind", search.Kind), ("from", search.From), ("to", search.To), ("actorId", search.ActorId), ("skip", skip), ("limit", limit))), ct);
        return ToPage(result, GraphRows.WithLinks, search.Page, search.PageSize);
    }

    public async Task<Page<NodeWithLinks>> FindSanctions(SanctionSearch search, CancellationToken ct)
    {
        var (skip, limit) = Slice(search.Page, search.PageSize);
        // A variant of its own for the activeOn filter, so the plain query stays as it is.
        var statement = search.ActiveOn is null
            ? new CypherStatement(CypherQueries.Get("FindSanctions"), Params(
                ("imposerId", search.ImposerId), ("targetId", search.TargetId), ("kind", search.Kind), ("skip", skip), ("limit", limit)))
            : new CypherStatement(CypherQueries.Get("FindSanctionsActiveOn"), Params(
                ("imposerId", search.ImposerId), ("targetId", search.TargetId), ("kind", search.Kind), ("activeOn", search.ActiveOn), ("skip", skip), ("limit", limit)));
        var result = await client.Run(statement, ct);
        return ToPage(result, GraphRows.WithLinks, search.Page, search.PageSize);
    }

    public async Task<Page<NodeWithLinks>> FindStatements(StatementSearch search, CancellationToken ct)
    {
        var (skip, limit) = Slice(search.Page, search.PageSize);
        var result = await client.Run(new CypherStatement(CypherQueries.Get("FindStatements"), Params(
            ("speakerId", search.SpeakerId), ("aboutId", search.AboutId), ("query", search.Query is null ? null : Text.Fold(search.Query)),
            ("skip", skip), ("limit", limit))), ct);
        return ToPage(result, GraphRows.WithLinks, search.Page, search.PageSize);
    }

    public async Task<GraphPath?> FindShortestPath(string fromId, string toId, int maxDepth, CancellationToken ct)
    {
        if (string.Equals(fromId, toId, StringComparison.Ordinal))
        {
            // Cypher's shortest path needs two distinct nodes; the path from a node to itself is the node.
            return (await NodesByIds([fromId], ct)) is [var node] ? new GraphPath([node], []) : null;
        }
        var result = await client.Run(new CypherStatement(CypherQueries.Get("ShortestPaths"),
            Params(("from", fromId), ("to", toId), ("maxDepth", maxDepth))), ct);
        var paths = result.Column("nodes").Zip(result.Column("edges"), (nodes, edges) => new GraphPath(
            [.. nodes.EnumerateArray().Select(GraphRows.Node)], [.. edges.EnumerateArray().Select(GraphRows.Edge)]));
        return GraphOrder.First(paths);
    }

    public async Task<IReadOnlyList<NodeWithLinks>> GetTimeline(TimelineSearch search, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("Timeline"), Params(
            ("from", search.From), ("to", search.To), ("actorId", search.ActorId), ("limit", Math.Max(0, search.Limit)))), ct);
        return [.. result.Column("node").Select(GraphRows.WithLinks)];
    }

    public async Task<Subgraph> GetGraph(int maxNodes, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("FactNodes"), Params(("limit", Math.Max(0, maxNodes)))), ct);
        var total = result.Column("total").Single().GetInt32();
        var nodes = result.Column("nodes").Single().EnumerateArray().Select(GraphRows.Node).ToList();
        return await Induced(nodes, total > maxNodes, ct);
    }

    public async Task<IReadOnlyList<GraphNode>> ListSources(CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("ListSources")), ct);
        return GraphOrder.Sort(result.Column("node").Select(GraphRows.Node), GraphOrder.ById);
    }

    public async Task<SourceFacts?> GetSource(string sourceId, CancellationToken ct)
    {
        var parameters = Params(("id", sourceId));
        var results = await client.Run(
        [
            new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", new[] { sourceId }))),
            new CypherStatement(CypherQueries.Get("SourceNodes"), parameters),
            new CypherStatement(CypherQueries.Get("SourceEdges"), parameters),
        ], ct);
        if (results[0].Column("node").Select(GraphRows.Node).FirstOrDefault() is not { Label: NodeLabel.Source } source) return null;
        return new SourceFacts(source,
            GraphOrder.Sort(results[1].Column("node").Select(GraphRows.Node), GraphOrder.ByLabel),
            GraphOrder.Sort(results[2].Column("edge").Select(GraphRows.Edge)));
    }

    /// <summary>
    /// One unit of work (one request on the transactional API): write-lock and read what the document touches, a guard
    /// that refuses the whole transaction when a reference is missing or an id is held under another label, then the
    /// merge of every element, with GraphMerge's rules in Cypher (UpsertNodes/UpsertEdges) on the locked nodes. The
    /// summary is <see cref="ImportPlan"/>'s, made from the state read under the locks, exactly as the embedded store
    /// makes it. When the guard refuses, nothing was written and ImportPlan on a fresh read says why.
    /// </summary>
    public async Task<ImportSummary> Import(DocumentGraph incoming, CancellationToken ct)
    {
        var declared = incoming.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        var ids = incoming.Nodes.Select(n => n.Id).Concat(incoming.Edges.SelectMany(e => new[] { e.From, e.To }));
        var edgeKeys = incoming.Edges
            .Select(e => new Dictionary<string, object?> { ["from"] = e.From, ["type"] = e.Type, ["to"] = e.To })
            .ToArray();
        var read = new[]
        {
            LockNodes(ids),
            new CypherStatement(CypherQueries.Get("ImportReadEdges"), Params(("edges", edgeKeys))),
        };

        // Between declared nodes the document alone decides; ImportPlan on the store's state gives the exact refusal.
        // Persons-only ties (FAMILY_OF, ASSOCIATE_OF) need the ends' kinds, which the guard does not check: read them first.
        if (incoming.Edges.Any(e => !FitsDeclared(e, declared) || RelationshipTypes.ByType[e.Type].PersonsOnly))
        {
            await ExplainImportRefusal(incoming, read, ct);
        }
        var expected = incoming.Nodes.Select(n => new NodeExpectation(n.Id, [n.Label], Required: false))
            .Concat(incoming.Edges.SelectMany(e => Endpoint(e.From, e.To, RelationshipTypes.ByType[e.Type]))
                .Where(x => !declared.ContainsKey(x.Id)));
        // Nodes before edges, each group in a fixed order, so concurrent imports take their locks in the same order.
        IReadOnlyList<CypherStatement> statements =
        [
            .. read,
            Guard(expected),
            .. incoming.Nodes.GroupBy(n => n.Label).OrderBy(g => g.Key)
                .Select(g => new CypherStatement(CypherQueries.WithLabel("UpsertNodes", g.Key),
                    Params(("rows", g.OrderBy(n => n.Id, StringComparer.Ordinal).Select(NodeRow).ToArray())))),
            .. incoming.Edges.GroupBy(e => e.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CypherStatement(CypherQueries.WithType("UpsertEdges", g.Key),
                    Params(("rows", g.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).Select(EdgeRow).ToArray())))),
        ];
        return await Guarded(statements,
            results => ImportPlan.Make(incoming, Nodes(results[0]), Edges(results[1])).Summary,
            async token =>
            {
                await ExplainImportRefusal(incoming, read, token);
                return Retry<ImportSummary>();
            }, ct);
    }

    /// <summary>Whether an edge's declared ends have labels its type joins (undeclared ends are the guard's to check).</summary>
    private static bool FitsDeclared(GraphEdge edge, Dictionary<string, NodeLabel> declared)
    {
        var rule = RelationshipTypes.ByType[edge.Type];
        return (!declared.TryGetValue(edge.From, out var from) || rule.From.Contains(from))
            && (!declared.TryGetValue(edge.To, out var to) || rule.To.Contains(to));
    }

    /// <summary>Reads what the import touches (without locks) and lets ImportPlan throw its refusal; returns when it finds none.</summary>
    private async Task ExplainImportRefusal(DocumentGraph incoming, CypherStatement[] read, CancellationToken ct)
    {
        var results = await client.Run([new CypherStatement(CypherQueries.Get("NodesByIds"), read[0].Parameters), read[1]], ct);
        ImportPlan.Make(incoming, Nodes(results[0]), Edges(results[1]));
    }

    private static Dictionary<string, GraphEdge> Edges(CypherResult result) =>
        result.Column("edge").Select(GraphRows.Edge).ToDictionary(e => e.Id, StringComparer.Ordinal);

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
            throw new InvalidOperationException($"The list property '{unmerged}' has no merge rule in UpsertNodes.cypher.");
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

    private static Dictionary<string, object?> EdgeRow(GraphEdge edge)
    {
        if (edge.Properties.FirstOrDefault(p => p.Value is string[]) is { Key: { } listKey })
        {
            throw new InvalidOperationException($"The relationship list property '{listKey}' has no merge rule in UpsertEdges.cypher.");
        }
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = edge.From,
            ["to"] = edge.To,
            ["scalars"] = edge.Properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            ["evidence"] = EvidenceRows(edge.Evidence),
        };
    }

    private static Dictionary<string, object?>[] EvidenceRows(IReadOnlyList<Evidence> evidence) =>
        [.. evidence.Distinct().Select(e => new Dictionary<string, object?> { ["source"] = e.SourceId, ["text"] = e.Text })];

    private async Task<List<GraphNode>> NodesByIds(IEnumerable<string> ids, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", ids.ToArray()))), ct);
        return [.. result.Column("node").Select(GraphRows.Node)];
    }

    private async Task<Subgraph> Induced(IReadOnlyList<GraphNode> nodes, bool truncated, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("InducedEdges"), Params(("ids", nodes.Select(n => n.Id).ToArray()))), ct);
        return new Subgraph(nodes, GraphOrder.Sort(result.Column("edge").Select(GraphRows.Edge)), truncated);
    }

    /// <summary>What <see cref="GraphOrder.Paginate{T}"/> skips and takes, clamped so Cypher's slices agree with LINQ's.</summary>
    private static (int Skip, int Limit) Slice(int page, int pageSize)
    {
        var skip = Math.Clamp(((long)page - 1) * pageSize, 0, int.MaxValue / 2);
        var limit = Math.Clamp(pageSize, 0, int.MaxValue / 2);
        return ((int)skip, limit);
    }

    private static Page<T> ToPage<T>(CypherResult result, Func<System.Text.Json.JsonElement, T> map, int page, int pageSize) =>
        new([.. result.Column("items").Single().EnumerateArray().Select(map)], page, pageSize, result.Column("total").Single().GetInt32());

    private static Dictionary<string, object?> Params(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}

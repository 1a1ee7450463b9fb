using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>Nodes by any id, suggestions for misses, figures and programmes, and every shortest path.</summary>
public sealed partial class Neo4jGraphStore
{
    public async Task<GraphNode?> FindNode(string id, CancellationToken ct) =>
        (await NodesByIds([id], ct)).FirstOrDefault();

    public async Task<IReadOnlyList<GraphNode>> Suggest(string missingId, NodeLabel? label, int max, CancellationToken ct)
    {
        var terms = Suggestions.Terms(missingId);
        if (terms.Count == 0) return [];
        var query = label is { } only ? CypherQueries.WithLabel("SuggestNodesOfLabel", only) : CypherQueries.Get("SuggestNodes");
        var result = await client.Run(new CypherStatement(query, Params(("terms", terms), ("limit", Suggestions.MaxCandidates))), ct);
        return Suggestions.Rank(result.Column("node").Select(GraphRows.Node), missingId, max);
    }

    public async Task<Page<NodeWithLinks>> FindFigures(FigureSearch search, CancellationToken ct)
    {
        if (search is { AboutId: not null, ReporterId: not null })
        {
            throw new ArgumentException("Search figures by subject or by reporter, not both.", nameof(search));
        }
        // One query per anchor, so that a search about a node starts from that node.
        var query = search.AboutId is not null ? "FindFiguresAbout" : search.ReporterId is not null ? "FindFiguresReportedBy" : "FindFigures";
        var (skip, limit) = Slice(search.Page, search.PageSize);
        var parameters = new List<(string, object?)>
        {
            ("metric", search.Metric), ("query", search.Query is null ? null : Text.Fold(search.Query)), ("skip", skip), ("limit", limit),
        };
        if (search.AboutId is not null) parameters.Add(("aboutId", search.AboutId));
        if (search.ReporterId is not null) parameters.Add(("reporterId", search.ReporterId));
        var result = await client.Run(new CypherStatement(CypherQueries.Get(query), Params([.. parameters])), ct);
        return ToPage(result, GraphRows.WithLinks, search.Page, search.PageSize);
    }

    public async Task<Page<NodeWithLinks>> FindPrograms(ProgramSearch search, CancellationToken ct)
    {
        var (skip, limit) = Slice(search.Page, search.PageSize);
        var result = await client.Run(new CypherStatement(CypherQueries.Get("FindPrograms"), Params(
            ("query", search.Query is null ? null : Text.Fold(search.Query)), ("skip", skip), ("limit", limit))), ct);
        return ToPage(result, GraphRows.WithLinks, search.Page, search.PageSize);
    }

    public async Task<IReadOnlyList<GraphPath>> FindAllShortestPaths(string fromId, string toId, int maxDepth, int limit, CancellationToken ct)
    {
        if (string.Equals(fromId, toId, StringComparison.Ordinal))
        {
            return (await NodesByIds([fromId], ct)) is [var node] ? [new GraphPath([node], [])] : [];
        }
        var result = await client.Run(new CypherStatement(CypherQueries.Get("ShortestPaths"),
            Params(("from", fromId), ("to", toId), ("maxDepth", maxDepth))), ct);
        var paths = result.Column("nodes").Zip(result.Column("edges"), (nodes, edges) => new GraphPath(
            [.. nodes.EnumerateArray().Select(GraphRows.Node)], [.. edges.EnumerateArray().Select(GraphRows.Edge)]));
        return [.. GraphOrder.Paths(paths).Take(limit)];
    }

    /// <summary>A page from a query that answers its items and their total in one row (the figure and programme lists).</summary>
    private static Page<T> ToPage<T>(CypherResult result, Func<System.Text.Json.JsonElement, T> map, int page, int pageSize) =>
        new([.. result.Column("items").Single().EnumerateArray().Select(map)], page, pageSize, result.Column("total").Single().GetInt32());
}

using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>Nodes by any id, suggestions for misses, figures and programmes.</summary>
public sealed partial class Neo4jGraphStore
{
    public async Task<Lookup<GraphNode>> FindNode(string id, CancellationToken ct) =>
        await this.FoundOrMissing((await NodesByIds([id], ct)).FirstOrDefault(), null, id, null, ct);

    public async Task<IReadOnlyList<GraphNode>> Suggest(string missingId, NodeLabel? label, int max, CancellationToken ct)
    {
        var terms = Suggestions.Terms(missingId);
        if (terms.Count == 0) return [];
        var query = label is { } only ? CypherQueries.WithLabel("SuggestNodesOfLabel", only) : CypherQueries.Get("SuggestNodes");
        var result = await client.Run(new CypherStatement(query, Params(("terms", terms), ("limit", Suggestions.MaxCandidates))), ct);
        return Suggestions.Rank(result.Column("node").AsNodes(), missingId, max);
    }

    public Task<Page<NodeWithLinks>> FindFigures(FigureSearch search, CancellationToken ct)
    {
        if (search is { AboutId: not null, ReporterId: not null })
        {
            throw new ArgumentException("Search figures by subject or by reporter, not both.", nameof(search));
        }
        return PageOf(FiguresVariant(search), search.Page, search.PageSize, ct);
    }

    /// <summary>One query per anchor, so that a search about a node starts from that node.</summary>
    private static (string, Dictionary<string, object?>) FiguresVariant(FigureSearch search)
    {
        var query = search.Query is null ? null : Text.Fold(search.Query);
        return search switch
        {
            { AboutId: { } about } => ("FiguresAbout", Params(("aboutId", about), ("metric", search.Metric), ("query", query))),
            { ReporterId: { } reporter } => ("FiguresReportedBy", Params(("reporterId", reporter), ("metric", search.Metric), ("query", query))),
            _ => ("Figures", Params(("metric", search.Metric), ("query", query))),
        };
    }

    public Task<Page<NodeWithLinks>> FindPrograms(ProgramSearch search, CancellationToken ct) =>
        PageOf(("Programs", Params(("query", search.Query is null ? null : Text.Fold(search.Query)))), search.Page, search.PageSize, ct);
}

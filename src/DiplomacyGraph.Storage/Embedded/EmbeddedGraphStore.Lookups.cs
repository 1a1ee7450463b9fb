using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>Nodes by any id, suggestions for misses, figures and programmes.</summary>
public sealed partial class EmbeddedGraphStore
{
    public async Task<Lookup<GraphNode>> FindNode(string id, CancellationToken ct) =>
        await this.FoundOrMissing(index.Nodes.GetValueOrDefault(id), null, id, null, ct);

    public Task<IReadOnlyList<GraphNode>> Suggest(string missingId, NodeLabel? label, int max, CancellationToken ct)
    {
        var terms = Suggestions.Terms(missingId);
        var pool = label is { } only ? index.Ordered(only) : index.Nodes.Values.Where(n => Suggestions.IsSuggestedAnywhere(n.Label));
        var candidates = GraphOrder.Sort(pool.Where(n => Suggestions.IsCandidate(n, terms)), GraphOrder.ByName).Take(Suggestions.MaxCandidates);
        return Task.FromResult(Suggestions.Rank(candidates, missingId, max));
    }

    public Task<Page<NodeWithLinks>> FindFigures(FigureSearch search, CancellationToken ct)
    {
        if (search is { AboutId: not null, ReporterId: not null }) throw new ArgumentException("Search figures by subject or by reporter, not both.", nameof(search));
        var snapshot = index;
        var query = search.Query is null ? null : Text.Fold(search.Query);
        var anchor = search.AboutId ?? search.ReporterId;
        var figures = (anchor is null ? snapshot.Ordered(NodeLabel.Figure) : snapshot.LinksOf(anchor).Select(l => l.Other).Where(n => n.Label == NodeLabel.Figure).DistinctBy(n => n.Id))
            .Where(f => search.AboutId is null || snapshot.HasEdge(f.Id, RelationshipTypes.About, search.AboutId))
            .Where(f => search.ReporterId is null || snapshot.HasEdge(search.ReporterId, RelationshipTypes.Reported, f.Id))
            .Where(f => search.Metric is null || f.Properties.GetValueOrDefault("metric") as string == search.Metric)
            .Where(f => query is null || f.Matches(query));
        return Task.FromResult(PageWithLinks(GraphOrder.Sort(figures, GraphOrder.ByName), search.Page, search.PageSize));
    }

    public Task<Page<NodeWithLinks>> FindPrograms(ProgramSearch search, CancellationToken ct)
    {
        var snapshot = index;
        var query = search.Query is null ? null : Text.Fold(search.Query);
        var programs = snapshot.Ordered(NodeLabel.Program).Where(p => query is null || p.Matches(query));
        return Task.FromResult(PageWithLinks(GraphOrder.Sort(programs, GraphOrder.ByName), search.Page, search.PageSize));
    }
}

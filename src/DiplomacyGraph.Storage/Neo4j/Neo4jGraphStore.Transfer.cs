using System.Text.Json;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;

namespace DiplomacyGraph.Storage.Neo4j;

// Export pages are keyset pages (ids after the last one read), each one request with its facts' citations, so the
// client holds one page and the server sorts what comes after the last id, never the graph into a result.
public sealed partial class Neo4jGraphStore : IGraphTransfer
{
    public async Task<IReadOnlyList<GraphNode>> FactsAfter(string? after, int limit, CancellationToken ct)
    {
        var nodes = (await client.Run(new CypherStatement(CypherQueries.Get("ExportFacts"), Params(("after", after ?? ""), ("limit", Math.Max(0, limit)))), ct))
            .Column("node").AsNodes().ToList();
        if (nodes.Count == 0) return nodes;
        var (claims, _) = Claims((await client.Run([FactCitations([.. nodes.Select(n => n.Id)])], ct))[0]);
        return [.. nodes.Select(n => n with { Claims = claims.GetValueOrDefault(n.Id) ?? [] })];
    }

    public async Task<(IReadOnlyList<GraphEdge> Edges, string? Last)> EdgesAfter(string? after, int limit, CancellationToken ct)
    {
        var result = await client.Run(new CypherStatement(CypherQueries.Get("ExportEdges"), Params(("after", after ?? ""), ("limit", Math.Max(0, limit)))), ct);
        var last = result.Column("fact").Select(f => f.GetString()!).DefaultIfEmpty().Max(StringComparer.Ordinal);
        var edges = result.Column("edge").Where(e => e.ValueKind == JsonValueKind.Object).Select(GraphRows.Edge)
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
        if (edges.Count == 0) return (edges, last);
        var (claims, _) = Claims((await client.Run([FactCitations([.. edges.Select(e => e.Id)])], ct))[0]);
        return ([.. edges.Select(e => e with { Claims = claims.GetValueOrDefault(e.Id) ?? [] })], last);
    }

    public async Task<IReadOnlyList<Judgement>> JudgementsAfter(string? after, int limit, CancellationToken ct) =>
        [.. (await client.Run(new CypherStatement(CypherQueries.Get("ExportJudgements"), Params(("after", after ?? ""), ("limit", Math.Max(0, limit)))), ct))
            .Column("judgement").Select(ReadJudgement)];

    public async Task<IImportOutcome> RestoreJudgements(IReadOnlyList<Judgement> judgements, CancellationToken ct)
    {
        await writeGate.WaitAsync(ct);
        try
        {
            var results = await client.Run(
            [
                new CypherStatement(CypherQueries.Get("NodesByIds"), Params(("ids", judgements.Select(j => j.Merged).OfType<string>().Distinct(StringComparer.Ordinal).ToArray()))),
                new CypherStatement(CypherQueries.Get("JudgementsByPair"), Params(("pairs", judgements.Select(j => j.Pair).Distinct(StringComparer.Ordinal).ToArray()))),
            ], ct);
            var existing = results[0].Column("node").Select(n => GraphRows.Node(n).Id).ToHashSet(StringComparer.Ordinal);
            var held = results[1].Column("judgement").Select(ReadJudgement).ToDictionary(j => j.Pair, StringComparer.Ordinal);
            var conflicts = JudgementRestore.Conflicts(judgements, existing.Contains, (a, b) => held.GetValueOrDefault(Matching.Pair(a, b)));
            if (conflicts.Count > 0) return new WriteOutcome.Conflict(conflicts);
            var fresh = judgements.Where(j => !held.ContainsKey(j.Pair)).Select(SetJudgement).ToList();
            if (fresh.Count > 0) await client.Run(fresh, ct, write: true);
            return new WriteOutcome.Imported(JudgementRestore.Nothing);
        }
        finally
        {
            writeGate.Release();
        }
    }
}

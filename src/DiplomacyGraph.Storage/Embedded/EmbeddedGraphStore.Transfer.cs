using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;

namespace DiplomacyGraph.Storage.Embedded;

// Export pages read the in-memory index under the read lock, one page at a time: the facts' id-ordered set is entered
// after the last id given, so each page costs its own size (plus a log), never a walk of the graph.
public sealed partial class EmbeddedGraphStore : IGraphTransfer
{
    public Task<IReadOnlyList<GraphNode>> FactsAfter(string? after, int limit, CancellationToken ct) =>
        Read(() => (IReadOnlyList<GraphNode>)[.. index.FactsAfter(after).Take(Math.Max(0, limit))]);

    public Task<(IReadOnlyList<GraphEdge> Edges, string? Last)> EdgesAfter(string? after, int limit, CancellationToken ct) => Read(() =>
    {
        var facts = index.FactsAfter(after).Take(Math.Max(0, limit)).ToList();
        IReadOnlyList<GraphEdge> edges = [.. facts.SelectMany(f => index.EdgesOf(f.Id).Where(e => e.From == f.Id)
            .OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal))];
        return (edges, facts.Count == 0 ? null : facts[^1].Id);
    });

    public Task<IReadOnlyList<Judgement>> JudgementsAfter(string? after, int limit, CancellationToken ct) =>
        Read(() => (IReadOnlyList<Judgement>)[.. resolution.All.Where(j => after is null || string.CompareOrdinal(j.Pair, after) > 0)
            .OrderBy(j => j.Pair, StringComparer.Ordinal).Take(Math.Max(0, limit))]);

    public Task<IImportOutcome> RestoreJudgements(IReadOnlyList<Judgement> judgements, CancellationToken ct)
    {
        lock (writeLock)
        {
            var conflicts = JudgementRestore.Conflicts(judgements, id => index.Nodes.ContainsKey(id), resolution.JudgementOf);
            if (conflicts.Count > 0) return Task.FromResult<IImportOutcome>(new WriteOutcome.Conflict(conflicts));
            var fresh = judgements.Where(j => resolution.JudgementOf(j.A, j.B) is null).ToList();
            if (fresh.Count > 0) Publish(judgements: fresh);
            return Task.FromResult<IImportOutcome>(new WriteOutcome.Imported(JudgementRestore.Nothing));
        }
    }
}

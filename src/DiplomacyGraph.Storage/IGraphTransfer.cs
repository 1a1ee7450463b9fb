using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;

namespace DiplomacyGraph.Storage;

/// <summary>
/// Moving a whole graph out of a store and into another (<c>GET /api/export</c>, the <c>export</c> command): every fact
/// with its claims and evidence, in pages read one at a time, so memory holds a page and never the graph; and the
/// entity-resolution judgements, which a store being filled from an export records before the facts arrive. Both stores
/// answer in the same order (ids ordinal), so the same graph exports to the same bytes from either.
/// </summary>
public interface IGraphTransfer
{
    /// <summary>Facts (every node but sources) with their claims and evidence, the first <paramref name="limit"/> whose id
    /// comes after <paramref name="after"/> (ordinal; null for the first page), by id.</summary>
    Task<IReadOnlyList<GraphNode>> FactsAfter(string? after, int limit, CancellationToken ct);

    /// <summary>The relationships leaving the first <paramref name="limit"/> facts whose id comes after
    /// <paramref name="after"/> (as <see cref="FactsAfter"/> pages them), with their claims and evidence, by (from, type, to);
    /// and the last fact id the page covered (null when there were no more facts).</summary>
    Task<(IReadOnlyList<GraphEdge> Edges, string? Last)> EdgesAfter(string? after, int limit, CancellationToken ct);

    /// <summary>Judgements, the first <paramref name="limit"/> whose pair (<see cref="Judgement.Pair"/>) comes after <paramref name="after"/>, by pair.</summary>
    Task<IReadOnlyList<Judgement>> JudgementsAfter(string? after, int limit, CancellationToken ct);

    /// <summary>
    /// Records judgements as an export gave them, moving no fact: a merged id written afterwards then lands on its canonical
    /// node with its origin, as it did in the store exported. Refuses them all (a <see cref="WriteOutcome.Conflict"/>) when
    /// a merged id names a node here, or a pair is judged otherwise already; a judgement held already is left as it is.
    /// </summary>
    Task<IImportOutcome> RestoreJudgements(IReadOnlyList<Judgement> judgements, CancellationToken ct);
}

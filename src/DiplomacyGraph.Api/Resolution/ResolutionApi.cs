using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Resolution;

/// <summary>
/// Entity resolution, after nomenklatura: candidate pairs (blocked on name tokens and scored), judgements on them, and
/// merges (a <c>same</c> judgement) that an undo takes back. The store decides (<see cref="IResolutionStore"/>).
/// </summary>
internal static class ResolutionApi
{
    public static void MapResolution(this IEndpointRouteBuilder routes)
    {
        var reads = routes.MapGroup("/api/resolution").WithTags("Resolution").WithSharedProblems().WithValidation().WithListFormats();

        reads.MapGet("/candidates", FindCandidates)
            .WithName("FindResolutionCandidates")
            .WithSummary("Pairs of actors that may be one entity")
            .WithDescription("Pairs found by blocking on name tokens (folded, transliterated to Latin, legal forms dropped) and scored 0–1 on the features that matched (`reasons`): names, birth date, nationality, identifiers. Best first, then by ids. Pairs judged not-same never come back; merged ones are one node.");

        var writes = routes.MapGroup("/api/resolution").WithTags("Resolution").RequireWriteAccess().WithValidation().WithSharedProblems();

        writes.MapPost("/judgements", Judge)
            .WithName("JudgeResolutionPair")
            .WithSummary("Judge a pair: same, not-same or unsure")
            .WithDescription("`same` merges the two nodes in one transaction: the curated node (from a knowledge document) stays canonical, else the older; every fact of the other moves to it, keeping the id it came from, and the merged id answers the canonical node everywhere. `not-same` keeps the pair out of the candidates. 404 (with suggestions) for an unknown id, 422 for a node with itself or nodes of different labels, 409 when the pair is judged already (undo it first) or is one node already; needs an API key.");

        writes.MapDelete("/judgements/{a}/{b}", Undo)
            .WithName("UndoResolutionJudgement")
            .WithSummary("Undo a judgement")
            .WithDescription("Undoing a `same` judgement gives each fact back to the node it came from: both nodes are as they were, with what was written under either id since; what was written to the canonical id stays. 204, or 404 when the pair has no judgement; needs an API key.");
    }

    public static async Task<Ok<PagedList<CandidateDto>>> FindCandidates([AsParameters] CandidateQuery query, IResolutionStore resolution, CancellationToken ct)
    {
        var page = await resolution.Candidates(NodeLabel.Actor, query.MinScore ?? 0, query.PageNumber, query.PageLength, ct);
        return TypedResults.Ok(page.Map(CandidateDto.From));
    }

    public static async Task<Results<Ok<JudgementDto>, ValidationProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> Judge(
        JudgementWrite write, IResolutionStore resolution, IGraphStore store, CancellationToken ct)
    {
        var kind = JudgementNames.Parse(write.Judgement)!.Value;
        switch (await resolution.Judge(write.A, write.B, kind, automatic: false, reason: null, ct))
        {
            case JudgeOutcome.Judged judged:
                // The canonical node's new names may make certain pairs (a shared identifier): merge those too.
                if (judged.Judgement.Canonical is { } canonical && store is ResolvingGraphStore resolving) await resolving.AfterWrite([canonical], ct);
                return TypedResults.Ok(JudgementDto.From(judged.Judgement));
            case JudgeOutcome.Unknown unknown:
                return (await store.Missing<object>(null, unknown.Id, unknown.Parameter, ct)).NotFound();
            case JudgeOutcome.Invalid invalid:
                return UnprocessableProblem.Of("The pair cannot be judged.", invalid.Problem);
            case JudgeOutcome.AlreadyJudged already:
                return ConflictProblem.InUse("The pair is judged already.", already.Problem);
            default:
                throw new InvalidOperationException("Unknown judgement outcome.");
        }
    }

    public static async Task<Results<NoContent, NotFoundProblem>> Undo(
        [Description("One id of the judged pair, as judged.")] string a, [Description("The other id.")] string b, IResolutionStore resolution, CancellationToken ct) =>
        await resolution.Undo(a, b, ct) is UndoOutcome.Undone
            ? TypedResults.NoContent()
            : NotFoundProblem.Of("Judgement not found.", $"The pair ('{a}', '{b}') has no judgement.");
}

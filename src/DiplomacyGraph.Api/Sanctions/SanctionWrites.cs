using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Sanctions;

/// <summary>A sanction to create or replace, with the source of its evidence.</summary>
public sealed record SanctionWrite : ISanctionFields, INodeWrite
{
    public required string Id { get; init; }
    /// <summary>financial, visa-revocation, restrictions-on-government-members, restrictions-on-family-members, …</summary>
    public required string Kind { get; init; }
    public required string Description { get; init; }
    /// <summary>When it was imposed or announced, where the source says.</summary>
    public string? Date { get; init; }
    /// <summary>The issuing body as the source writes it, e.g. "US Treasury (OFAC)".</summary>
    public string? Authority { get; init; }
    /// <summary>The sanctions programme, e.g. "ILLICIT-DRUGS-EO14059".</summary>
    public string? Program { get; init; }
    /// <summary>The legal basis, e.g. "Executive Order 14059".</summary>
    public string? LegalBasis { get; init; }
    /// <summary>When the target was put on the list.</summary>
    public string? Listed { get; init; }
    /// <summary>When the measure took effect.</summary>
    public string? Start { get; init; }
    /// <summary>True when <c>start</c> is inferred (the day the source was first seen listing it), not given by the source.</summary>
    public bool? StartInferred { get; init; }
    /// <summary>When it ended or ends; none means ongoing.</summary>
    public string? End { get; init; }
    /// <summary>active, lifted or expired; lifted and expired need <c>end</c>.</summary>
    public string? Status { get; init; }
    public required string Evidence { get; init; }

    /// <summary>The id of the source the evidence comes from.</summary>
    public required string SourceId { get; init; }
}

internal sealed class SanctionWriteValidator : SanctionRules<SanctionWrite>
{
    public SanctionWriteValidator() => RuleFor(w => w.SourceId).SourceId();
}

/// <summary>POST, PUT and DELETE /api/sanctions: one sanction at a time, with its evidence; they need an API key.</summary>
internal static class SanctionWrites
{
    private static readonly NodeResource<SanctionWrite, SanctionDto> Sanctions = new(NodeLabel.Sanction, "Sanction", "/api/sanctions", w => KnowledgeGraph.ForSanction(w, w.SourceId), SanctionDto.From);

    public static void MapSanctionWrites(this IEndpointRouteBuilder routes) => routes.MapNodeWrites(Sanctions, "Sanctions", CreateSanction, ReplaceSanction, DeleteSanction);

    public static Task<Results<Created<SanctionDto>, ValidationProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> CreateSanction(
        SanctionWrite write, IGraphStore store, CancellationToken ct) => Sanctions.Create(write, store, ct);

    public static Task<Results<Ok<SanctionDto>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> ReplaceSanction(
        string id, SanctionWrite write, IGraphStore store, CancellationToken ct) => Sanctions.Replace(id, write, store, ct);

    public static Task<Results<NoContent, NotFoundProblem, ConflictProblem>> DeleteSanction(string id, bool? cascade, IGraphStore store, CancellationToken ct) =>
        Sanctions.Delete(id, cascade, store, ct);
}

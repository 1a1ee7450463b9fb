using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Sanctions;

/// <summary>A sanction to create or replace, with the source of its evidence.</summary>
public sealed record SanctionWrite : SanctionRecord, INodeWrite
{
    /// <summary>The id of the source the evidence comes from.</summary>
    public required string SourceId { get; init; }
}

internal sealed class SanctionWriteValidator() : NodeWriteValidator<SanctionWrite, SanctionRecord>(new SanctionValidator());

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

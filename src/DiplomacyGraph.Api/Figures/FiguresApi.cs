using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Figures;

internal static class FiguresApi
{
    public static RouteGroupBuilder MapFigures(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/figures").WithTags("Figures").WithSharedProblems().WithValidation().WithListFormats();

        group.MapGet("/", FindFigures)
            .WithName("FindFigures")
            .WithSummary("Figures the sources give")
            .WithDescription("Numbers with their metric, value, unit, period, whom they are about and who reported them, each with its evidence and source. Filter by what they are `about` (any node id), by exact `metric`, or by text in the metric (`q`, case- and accent-insensitive). Ordered by metric, then id. Try `q=extradition` or `about=voluntary-substitution-program`.");

        group.MapGet("/{id}", GetFigure)
            .WithName("GetFigure")
            .WithSummary("A figure, whom it is about and who reported it")
            .WithDescription("Try `extraditions-petro-government` or `hectares-in-voluntary-substitution-programs`.");

        return group;
    }

    internal sealed record FigureQuery : PagedQuery
    {
        [Description("Id of what the figures are about (an actor, a programme, …), e.g. gustavo-petro.")]
        public string? About { get; init; }
        [Description("The exact metric, e.g. extraditions carried out.")]
        public string? Metric { get; init; }
        [Description("Text to find in the metric; case and accents are ignored.")]
        public string? Q { get; init; }
    }

    internal sealed class FigureQueryValidator : PagedQueryValidator<FigureQuery>
    {
        public FigureQueryValidator()
        {
            RuleFor(q => q.About).NodeId();
            RuleFor(q => q.Metric).MaximumLength(500);
            RuleFor(q => q.Q).MaximumLength(200);
        }
    }

    public static async Task<Results<Ok<PagedList<FigureDto>>, NotFoundProblem>> FindFigures(
        [AsParameters] FigureQuery query, IGraphStore store, CancellationToken ct)
    {
        var search = new FigureSearch(query.About, null, query.Metric, query.Q, query.PageNumber, query.PageLength);
        return (await store.FindFiguresIfAnchorsExist(search, ct)).Answer(page => page.Map(FigureDto.From));
    }

    /// <summary>A figure's stored name repeats its metric.</summary>
    private static readonly Dictionary<string, string?> NameRepeatsMetric = new(StringComparer.Ordinal) { ["name"] = null };

    public static async Task<Results<Ok<FigureDto>, NotFoundProblem>> GetFigure(
        [Description("Figure id, e.g. extraditions-petro-government.")] string id, [AsParameters] ClaimsQuery claims, IGraphStore store, CancellationToken ct) =>
        await store.GetNode(NodeLabel.Figure, id, ct) switch
        {
            Found<NodeWithLinks>(var figure) => TypedResults.Ok(FigureDto.From(figure) with { Claims = ClaimLists.Of(figure.Node, claims, NameRepeatsMetric) }),
            var missing => missing.NotFound(),
        };
}

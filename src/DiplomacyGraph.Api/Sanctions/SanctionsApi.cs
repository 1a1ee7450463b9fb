using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Sanctions;

internal static class SanctionsApi
{
    public static RouteGroupBuilder MapSanctions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sanctions").WithTags("Sanctions").WithSharedProblems().WithValidation().WithListFormats();

        group.MapGet("/", FindSanctions)
            .WithName("FindSanctions")
            .WithSummary("Who sanctioned whom")
            .WithDescription("Sanctions and restrictions by imposer, target, programme (`program`), kind and the day they are in force (`activeOn`), each with its programme, dates and evidence. Try `target=gustavo-petro`.");

        group.MapGet("/{id}", GetSanction)
            .WithName("GetSanction")
            .WithSummary("A sanction, who imposed it and on whom")
            .WithDescription("Try `gustavo-petro-visa-revocation`.");

        routes.MapSanctionWrites();

        return group;
    }

    internal sealed record SanctionQuery : PagedQuery
    {
        [Description("Id of the actor who imposed it, e.g. donald-trump.")]
        public string? Imposer { get; init; }
        [Description("Id of the actor it targets, e.g. gustavo-petro.")]
        public string? Target { get; init; }
        [Description("financial, visa-revocation, restrictions-on-government-members, restrictions-on-family-members, …")]
        public string? Kind { get; init; }
        [Description("Id of the programme it was imposed under (UNDER_PROGRAM), e.g. ftm-program-us-rushar; see GET /api/programs.")]
        public string? Program { get; init; }
        [Description("Only sanctions in force on this day, YYYY-MM-DD: from start (else listed, else date) to end, an open end being ongoing; partial dates cover their whole month or year. A sanction with none of those dates is in force on no day.")]
        public string? ActiveOn { get; init; }
    }

    internal sealed class SanctionQueryValidator : PagedQueryValidator<SanctionQuery>
    {
        public SanctionQueryValidator()
        {
            RuleFor(q => q.Imposer).NodeId();
            RuleFor(q => q.Target).NodeId();
            RuleFor(q => q.Program).NodeId();
            RuleFor(q => q.Kind).OneOf(SanctionKinds.All);
            RuleFor(q => q.ActiveOn).IsoDate();
        }
    }

    /// <summary>The day a list of sanctions is asked for.</summary>
    internal sealed record ActiveOnQuery
    {
        [Description("Only sanctions in force on this day, YYYY-MM-DD (see GET /api/sanctions).")]
        public string? ActiveOn { get; init; }
    }

    internal sealed class ActiveOnQueryValidator : AbstractValidator<ActiveOnQuery>
    {
        public ActiveOnQueryValidator() => RuleFor(q => q.ActiveOn).IsoDate();
    }

    /// <summary>A sanction's stored name is its description.</summary>
    private static readonly Dictionary<string, string?> ClaimFields = new(StringComparer.Ordinal) { ["name"] = "description" };

    public static async Task<Results<Ok<SanctionDto>, NotFoundProblem>> GetSanction(
        [Description("Sanction id, e.g. gustavo-petro-visa-revocation.")] string id, [AsParameters] ClaimsQuery claims, IGraphStore store, CancellationToken ct) =>
        await store.GetNode(NodeLabel.Sanction, id, ct) switch
        {
            Found<NodeWithLinks>(var sanction) => TypedResults.Ok(SanctionDto.From(sanction) with { Claims = ClaimLists.Of(sanction.Node, claims, ClaimFields) }),
            var missing => missing.NotFound(),
        };

    public static async Task<Results<Ok<PagedList<SanctionDto>>, NotFoundProblem>> FindSanctions(
        [AsParameters] SanctionQuery query, [AsParameters] ProvenanceQuery provenance, IGraphStore store, CancellationToken ct)
    {
        var search = new SanctionSearch(query.Imposer, query.Target, query.Kind, query.PageNumber, query.PageLength) { ActiveOn = query.ActiveOn, ProgramId = query.Program };
        search = search with { Provenance = provenance.Provenance };
        return (await store.FindSanctionsIfAnchorsExist(search, ct)).Answer(page => page.Map(SanctionDto.From));
    }
}

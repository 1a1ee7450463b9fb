using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Programs;

internal static class ProgramsApi
{
    public static RouteGroupBuilder MapPrograms(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/programs").WithTags("Programs").WithSharedProblems().WithValidation().WithListFormats();

        group.MapGet("/", FindPrograms)
            .WithName("FindPrograms")
            .WithSummary("Government and sanctions programmes")
            .WithDescription("Every programme: government schemes with who runs them and the figures about them, and sanctions programmes with the sanctions imposed under them (`GET /api/sanctions?program=` pages through those), each with its evidence and source. Filter by text in the name (`q`, case- and accent-insensitive). Ordered by name, then id.");

        group.MapGet("/{id}", GetProgram)
            .WithName("GetProgram")
            .WithSummary("A programme, who runs it, and the figures about it")
            .WithDescription("Try `voluntary-substitution-program`.");

        return group;
    }

    internal sealed record ProgramQuery : PagedQuery
    {
        [Description("Text to find in the name; case and accents are ignored.")]
        public string? Q { get; init; }
    }

    internal sealed class ProgramQueryValidator : PagedQueryValidator<ProgramQuery>
    {
        public ProgramQueryValidator() => RuleFor(q => q.Q).MaximumLength(200);
    }

    public static async Task<Ok<PagedList<ProgramDto>>> FindPrograms([AsParameters] ProgramQuery query, IGraphStore store, CancellationToken ct)
    {
        var page = await store.FindPrograms(new ProgramSearch(query.Q, query.PageNumber, query.PageLength), ct);
        return TypedResults.Ok(page.Map(ProgramDto.From));
    }

    public static async Task<Results<Ok<ProgramDto>, NotFoundProblem>> GetProgram(
        [Description("Programme id, e.g. voluntary-substitution-program.")] string id, [AsParameters] ClaimsQuery claims, IGraphStore store, CancellationToken ct) =>
        await store.GetNode(NodeLabel.Program, id, ct) switch
        {
            Found<NodeWithLinks>(var program) => TypedResults.Ok(ProgramDto.From(program) with { Claims = ClaimLists.Of(program.Node, claims) }),
            var missing => missing.NotFound(),
        };
}

using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Statements;

internal static class StatementsApi
{
    public static RouteGroupBuilder MapStatements(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/statements").WithTags("Statements").WithSharedProblems().WithValidation().WithListFormats();

        group.MapGet("/", FindStatements)
            .WithName("FindStatements")
            .WithSummary("Who said what, about whom")
            .WithDescription("Statements by speaker, by what they are about (any node id: an actor, event, sanction, …) and by text (case- and accent-insensitive). Ordered by date, undated last.");

        group.MapGet("/{id}", GetStatement)
            .WithName("GetStatement")
            .WithSummary("A statement: who said it, about whom, where")
            .WithDescription("Try `trump-we-worked-on-it`, or find ids with GET /api/statements.");

        routes.MapStatementWrites();

        return group;
    }

    internal sealed record StatementQuery : PagedQuery
    {
        [Description("Id of the speaker, e.g. donald-trump.")]
        public string? Speaker { get; init; }
        [Description("Id of what the statement is about, e.g. gustavo-petro.")]
        public string? About { get; init; }
        [Description("Text to find in what was said; case and accents are ignored.")]
        public string? Q { get; init; }
    }

    internal sealed class StatementQueryValidator : PagedQueryValidator<StatementQuery>
    {
        public StatementQueryValidator()
        {
            RuleFor(q => q.Speaker).NodeId();
            RuleFor(q => q.About).NodeId();
            RuleFor(q => q.Q).MaximumLength(200);
        }
    }

    /// <summary>A statement's stored name repeats its quote or text, which are listed themselves.</summary>
    private static readonly Dictionary<string, string?> NameRepeatsAField = new(StringComparer.Ordinal) { ["name"] = null };

    public static async Task<Results<Ok<StatementDto>, NotFoundProblem>> GetStatement(
        [Description("Statement id.")] string id, [AsParameters] ClaimsQuery claims, IGraphStore store, CancellationToken ct) =>
        await store.GetNode(NodeLabel.Statement, id, ct) switch
        {
            Found<NodeWithLinks>(var statement) => TypedResults.Ok(StatementDto.From(statement) with { Claims = ClaimLists.Of(statement.Node, claims, NameRepeatsAField) }),
            var missing => missing.NotFound(),
        };

    public static async Task<Results<Ok<PagedList<StatementDto>>, NotFoundProblem>> FindStatements(
        [AsParameters] StatementQuery query, [AsParameters] ProvenanceQuery provenance, IGraphStore store, CancellationToken ct)
    {
        var search = new StatementSearch(query.Speaker, query.About, query.Q, query.PageNumber, query.PageLength) { Provenance = provenance.Provenance };
        return (await store.FindStatementsIfAnchorsExist(search, ct)).Answer(page => page.Map(StatementDto.From));
    }
}

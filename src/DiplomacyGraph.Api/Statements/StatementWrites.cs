using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Statements;

/// <summary>A statement to create or replace, with the source of its evidence.</summary>
public sealed record StatementWrite : IStatementFields, INodeWrite
{
    public required string Id { get; init; }
    /// <summary>What was said, in plain words.</summary>
    public required string Text { get; init; }
    /// <summary>The exact quoted words, where the source quotes them; null where it only reports.</summary>
    public string? Quote { get; init; }
    /// <summary>spoken, spoken-to-journalists, written, inscription, reported or data-release.</summary>
    public required string Medium { get; init; }
    /// <summary>The PLOVER type the statement amounts to, where one fits (ACCUSE, THREATEN, DISAPPROVE, …).</summary>
    public string? Kind { get; init; }
    /// <summary>One of the PLOVER type's modes, and the kind and mode as the source coded them where re-coded.</summary>
    public string? Mode { get; init; }
    public string? OriginalKind { get; init; }
    public string? OriginalMode { get; init; }
    public string? Date { get; init; }
    public required string Evidence { get; init; }

    /// <summary>The id of the source the evidence comes from.</summary>
    public required string SourceId { get; init; }
}

internal sealed class StatementWriteValidator : StatementRules<StatementWrite>
{
    public StatementWriteValidator() => RuleFor(w => w.SourceId).SourceId();
}

/// <summary>POST, PUT and DELETE /api/statements: one statement at a time, with its evidence; they need an API key.</summary>
internal static class StatementWrites
{
    private static readonly NodeResource<StatementWrite, StatementDto> Statements = new(NodeLabel.Statement, "Statement", "/api/statements", w => KnowledgeGraph.ForStatement(w, w.SourceId), StatementDto.From);

    public static void MapStatementWrites(this IEndpointRouteBuilder routes) => routes.MapNodeWrites(Statements, "Statements", CreateStatement, ReplaceStatement, DeleteStatement);

    public static Task<Results<Created<StatementDto>, ValidationProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> CreateStatement(
        StatementWrite write, IGraphStore store, CancellationToken ct) => Statements.Create(write, store, ct);

    public static Task<Results<Ok<StatementDto>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> ReplaceStatement(
        string id, StatementWrite write, IGraphStore store, CancellationToken ct) => Statements.Replace(id, write, store, ct);

    public static Task<Results<NoContent, NotFoundProblem, ConflictProblem>> DeleteStatement(string id, bool? cascade, IGraphStore store, CancellationToken ct) =>
        Statements.Delete(id, cascade, store, ct);
}

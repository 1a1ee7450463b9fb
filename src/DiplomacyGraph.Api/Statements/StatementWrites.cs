using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Statements;

/// <summary>A statement to create or replace, with the source of its evidence.</summary>
public sealed record StatementWrite : StatementRecord, INodeWrite
{
    /// <summary>The id of the source the evidence comes from.</summary>
    public required string SourceId { get; init; }
}

internal sealed class StatementWriteValidator() : NodeWriteValidator<StatementWrite, StatementRecord>(new StatementValidator());

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

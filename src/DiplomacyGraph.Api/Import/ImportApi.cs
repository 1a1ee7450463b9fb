using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Import;

/// <summary>What an import did.</summary>
/// <param name="SourceId">The document's source.</param>
/// <param name="Nodes">Node ids created, updated and left unchanged.</param>
/// <param name="Relationships">Relationship ids created, updated and left unchanged.</param>
public sealed record ImportResultDto(string SourceId, ChangesDto Nodes, ChangesDto Relationships);

/// <summary>Ids by what happened to them.</summary>
public sealed record ChangesDto(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged);

internal static class ImportApi
{
    public static void MapImport(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/import").WithTags("Import").RequireWriteAccess().WithValidation().WithStoreProblems();

        group.MapPost("/", ImportDocument)
            .WithName("ImportDocument")
            .WithSummary("Import a knowledge document")
            .WithDescription("""
                Takes a knowledge document in the seed format (seed/README.md) and merges it into the graph in one transaction:
                all of it or none of it. Ids that exist are merged into: new non-null values win, lists are unioned, and evidence
                accumulates per source, so a fact two articles report shows both sentences. Re-importing the same document changes
                nothing. Answers what was created, updated and left unchanged. 400 with field paths for an invalid document
                (unknown properties included), 409 when an id is taken by another kind of node, 422 naming every unknown id the
                relationships refer to. Needs an API key (X-Api-Key).
                """)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapBulkImport();
    }

    public static async Task<Ok<ImportResultDto>> ImportDocument(KnowledgeDocument document, IGraphStore store, CancellationToken ct)
    {
        var summary = await store.Import(document, ct);
        return TypedResults.Ok(new ImportResultDto(document.Source.Id,
            new ChangesDto(summary.NodesCreated, summary.NodesUpdated, summary.NodesUnchanged),
            new ChangesDto(summary.EdgesCreated, summary.EdgesUpdated, summary.EdgesUnchanged)));
    }
}

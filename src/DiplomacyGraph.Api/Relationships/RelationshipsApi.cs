using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Relationships;

internal static class RelationshipsApi
{
    public static void MapRelationships(this IEndpointRouteBuilder routes)
    {
        var reads = routes.MapGroup("/api/relationships").WithTags("Relationships").WithSharedProblems().WithValidation().WithListFormats();

        reads.MapGet("/{from}/{type}/{to}", GetRelationship)
            .WithName("GetRelationship")
            .WithSummary("One relationship, with its evidence")
            .WithDescription("Try `bernie-moreno` / `PARTICIPATED_IN` / `white-house-meeting-2026-02-03`.");

        var writes = routes.MapGroup("/api/relationships").WithTags("Relationships").RequireWriteAccess().WithValidation().WithStoreProblems();

        writes.MapPost("/", CreateRelationship)
            .WithName("CreateRelationship")
            .WithSummary("Create a relationship")
            .WithDescription("A relationship of an allowed type between two existing nodes, with its evidence sentence and source. 201 with Location; 409 when it exists; 422 naming unknown ids, or when the type cannot join those nodes; needs an API key.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        writes.MapDelete("/{from}/{type}/{to}", DeleteRelationship)
            .WithName("DeleteRelationship")
            .WithSummary("Delete a relationship")
            .WithDescription("204 when deleted, 404 when there is no such relationship; needs an API key.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<EdgeDto>, NotFoundProblem>> GetRelationship(
        [Description("Id of the node it starts at.")] string from, [Description("Relationship type.")] string type,
        [Description("Id of the node it ends at.")] string to, [AsParameters] ClaimsQuery claims, IGraphStore store, CancellationToken ct) =>
        await Find(store, from, type, to, ct) is { } edge
            ? TypedResults.Ok(edge.ToDto() with { Claims = ClaimLists.Of(edge, claims) })
            : NotFoundProblem.NoSuch("Relationship", GraphEdge.EdgeId(from, type, to));

    /// <summary>The relationship, also when it is symmetric (spouses, associates) and stored the other way round.</summary>
    private static async Task<GraphEdge?> Find(IGraphStore store, string from, string type, string to, CancellationToken ct) =>
        await store.GetEdge(from, type, to, ct)
        ?? (await store.GetEdge(to, type, from, ct) is { } reversed && IsSymmetric(reversed) ? reversed : null);

    private static bool IsSymmetric(GraphEdge edge) =>
        RelationshipTypes.ByType.TryGetValue(edge.Type, out var rule)
        && rule.IsSymmetric(edge.Properties.Where(p => p.Value is string).ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal));

    public static async Task<Results<Created<EdgeDto>, ProblemHttpResult>> CreateRelationship(RelationshipWrite write, IGraphStore store, CancellationToken ct)
    {
        var edge = DocumentGraph.ForRelationship(write, write.SourceId);
        if (RelationshipTypes.ByType[edge.Type].PersonsOnly)
        {
            var kinds = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var id in new[] { edge.From, edge.To })
            {
                kinds[id] = (await store.GetNode(NodeLabel.Actor, id, ct) as Found<NodeWithLinks>)?.Value.Node.Kind;
            }
            WriteChecks.ThrowIfNotPersons([edge], id => kinds[id]);
        }
        await store.CreateEdge(edge, ct);
        return await store.GetEdge(edge.From, edge.Type, edge.To, ct) is { } created
            ? TypedResults.Created($"/api/relationships/{created.From}/{created.Type}/{created.To}", created.ToDto())
            : Problems.NotFound("Relationship", edge.Id);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRelationship(string from, string type, string to, IGraphStore store, CancellationToken ct) =>
        await Find(store, from, type, to, ct) is { } edge && await store.DeleteEdge(edge.From, edge.Type, edge.To, ct)
            ? TypedResults.NoContent()
            : Problems.NotFound("Relationship", GraphEdge.EdgeId(from, type, to));
}

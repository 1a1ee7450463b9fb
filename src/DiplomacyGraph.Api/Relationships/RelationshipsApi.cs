using System.ComponentModel;
using System.Diagnostics;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Relationships;

/// <summary>A relationship to create, with the source of its evidence.</summary>
public sealed record RelationshipWrite : IRelationshipFields
{
    /// <summary>A type from the allow-list, e.g. PARTICIPATED_IN.</summary>
    public required string Type { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public required string Evidence { get; init; }

    /// <summary>The id of the source the evidence comes from.</summary>
    public required string SourceId { get; init; }
}

internal sealed class RelationshipWriteValidator : RelationshipRules<RelationshipWrite>
{
    public RelationshipWriteValidator() => RuleFor(w => w.SourceId).SourceId();
}

internal static class RelationshipsApi
{
    /// <summary>The relationship types' enums in the OpenAPI document, from the registry.</summary>
    public static IServiceCollection AddRelationships(this IServiceCollection services)
    {
        services.ConfigureSwaggerGen(o =>
        {
            o.OperationFilter<RelationshipTypeEnums>();
            o.SchemaFilter<RelationshipTypeEnums>();
        });
        return services;
    }

    public static void MapRelationships(this IEndpointRouteBuilder routes)
    {
        var reads = routes.MapGroup("/api/relationships").WithTags("Relationships").WithSharedProblems().WithValidation().WithListFormats();

        reads.MapGet("/{from}/{type}/{to}", GetRelationship)
            .WithName("GetRelationship")
            .WithSummary("One relationship, with its evidence")
            .WithDescription("Try `bernie-moreno` / `PARTICIPATED_IN` / `white-house-meeting-2026-02-03`.");

        var writes = routes.MapGroup("/api/relationships").WithTags("Relationships").RequireWriteAccess().WithValidation().WithSharedProblems();

        writes.MapPost("/", CreateRelationship)
            .WithName("CreateRelationship")
            .WithSummary("Create a relationship")
            .WithDescription("A relationship of an allowed type between two existing nodes, with its evidence sentence and source. 201 with Location; 409 when it exists; 422 naming unknown ids, or when the type cannot join those nodes; needs an API key.");

        writes.MapDelete("/{from}/{type}/{to}", DeleteRelationship)
            .WithName("DeleteRelationship")
            .WithSummary("Delete a relationship")
            .WithDescription("204 when deleted, 404 when there is no such relationship; needs an API key.");
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

    public static async Task<Results<Created<EdgeDto>, ValidationProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> CreateRelationship(
        RelationshipWrite write, IGraphStore store, CancellationToken ct)
    {
        var edge = KnowledgeGraph.ForRelationship(write, write.SourceId);
        if (RelationshipTypes.ByType[edge.Type].PersonsOnly)
        {
            var kinds = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var id in new[] { edge.From, edge.To })
            {
                kinds[id] = (await store.GetNode(NodeLabel.Actor, id, ct) as Found<NodeWithLinks>)?.Value.Node.Kind;
            }
            if (WriteChecks.NotPersons([edge], id => kinds[id]) is { } notPersons) return UnprocessableProblem.Mismatch(notPersons);
        }
        return await store.CreateEdge(edge, ct) switch
        {
            WriteOutcome.Created => await store.GetEdge(edge.From, edge.Type, edge.To, ct) is { } created
                ? TypedResults.Created($"/api/relationships/{created.From}/{created.Type}/{created.To}", created.ToDto())
                : NotFoundProblem.NoSuch("Relationship", edge.Id),
            WriteOutcome.Conflict conflict => ConflictProblem.IdTaken(conflict),
            WriteOutcome.UnknownReferences unknown => UnprocessableProblem.Unknown(unknown),
            WriteOutcome.EndpointMismatch mismatch => UnprocessableProblem.Mismatch(mismatch),
            var other => throw new UnreachableException($"CreateEdge answered {other}."),
        };
    }

    public static async Task<Results<NoContent, NotFoundProblem>> DeleteRelationship(string from, string type, string to, IGraphStore store, CancellationToken ct) =>
        await Find(store, from, type, to, ct) is { } edge && await store.DeleteEdge(edge.From, edge.Type, edge.To, ct) is WriteOutcome.Deleted
            ? TypedResults.NoContent()
            : NotFoundProblem.NoSuch("Relationship", GraphEdge.EdgeId(from, type, to));
}

using System.Diagnostics;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Common;

/// <summary>A single-resource write: the record, and the source its evidence comes from.</summary>
public interface INodeWrite
{
    string Id { get; }

    /// <summary>The id of the source the evidence sentence comes from; it must exist.</summary>
    string SourceId { get; }
}

/// <summary>What one kind of node's writes need: its label, its name, how a write becomes a node, and how the node is shown.</summary>
internal sealed record NodeResource<TWrite, TDto>(NodeLabel Label, string Name, string Route, Func<TWrite, GraphNode> ToNode, Func<NodeWithLinks, TDto> ToDto)
    where TWrite : INodeWrite;

/// <summary>
/// What POST, PUT and DELETE do alike for every kind of node; each feature folder names its handlers
/// (CreateActor, ReplaceActor, DeleteActor …) and lets these do the work.
/// </summary>
internal static class NodeResourceWrites
{
    /// <summary>Maps a kind's handlers under its route, with the write policy; <paramref name="delete"/> null when the feature maps its own.</summary>
    public static RouteGroupBuilder MapNodeWrites<TWrite, TDto>(this IEndpointRouteBuilder routes, NodeResource<TWrite, TDto> resource, string tag,
        Delegate create, Delegate replace, Delegate? delete = null) where TWrite : INodeWrite
    {
        var group = routes.MapGroup(resource.Route).WithTags(tag).RequireWriteAccess().WithValidation().WithSharedProblems();
        var name = resource.Name.ToLowerInvariant();
        var aName = $"{("aeiou".Contains(name[0], StringComparison.Ordinal) ? "an" : "a")} {name}";

        group.MapPost("/", create)
            .WithName($"Create{resource.Name}")
            .WithSummary($"Create {aName}")
            .WithDescription($"Creates the {name} with its evidence sentence and source. 201 with Location; 409 when the id is taken; 422 naming unknown ids (e.g. the source); needs an API key (X-Api-Key).");

        group.MapPut("/{id}", replace)
            .WithName($"Replace{resource.Name}")
            .WithSummary($"Replace {aName}")
            .WithDescription($"Replaces the {name}'s properties with the body's. Evidence accumulates: the body's sentence is added to what the {name} had. 404 when there is no such {name}; needs an API key.");

        if (delete is null) return group;
        group.MapDelete("/{id}", delete)
            .WithName($"Delete{resource.Name}")
            .WithSummary($"Delete {aName}")
            .WithDescription($"204 when deleted. 409 while it still has relationships, unless cascade=true, which deletes them with it. Needs an API key.");

        return group;
    }

    /// <summary>Creates the node and answers it as stored.</summary>
    public static async Task<Results<Created<TDto>, ValidationProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> Create<TWrite, TDto>(
        this NodeResource<TWrite, TDto> resource, TWrite write, IGraphStore store, CancellationToken ct) where TWrite : INodeWrite =>
        await store.CreateNode(resource.ToNode(write), ct) switch
        {
            WriteOutcome.Created => TypedResults.Created($"{resource.Route}/{write.Id}", await resource.AsStored(write, store, ct)),
            WriteOutcome.Conflict conflict => ConflictProblem.IdTaken(conflict),
            WriteOutcome.UnknownReferences unknown => UnprocessableProblem.Unknown(unknown),
            var other => throw new UnreachableException($"CreateNode answered {other}."),
        };

    /// <summary>Replaces the node the URL names with the body, and answers it as stored.</summary>
    public static async Task<Results<Ok<TDto>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> Replace<TWrite, TDto>(
        this NodeResource<TWrite, TDto> resource, string id, TWrite write, IGraphStore store, CancellationToken ct) where TWrite : INodeWrite
    {
        if (write.Id != id)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"The body's id '{write.Id}' differs from the URL's '{id}'."] });
        }
        return await store.ReplaceNode(resource.ToNode(write), ct) switch
        {
            WriteOutcome.Replaced => TypedResults.Ok(await resource.AsStored(write, store, ct)),
            WriteOutcome.NotFound => NotFoundProblem.NoSuch(resource.Name, id),
            WriteOutcome.UnknownReferences unknown => UnprocessableProblem.Unknown(unknown),
            var other => throw new UnreachableException($"ReplaceNode answered {other}."),
        };
    }

    /// <summary>
    /// The answer to a committed create or replace: the node as stored, or, when a concurrent delete removed it before it
    /// could be read back, the node as written. The write was applied, so it is acknowledged; answering 404 here told a
    /// client its applied write had failed (the two-process Neo4j test caught it).
    /// </summary>
    private static async Task<TDto> AsStored<TWrite, TDto>(this NodeResource<TWrite, TDto> resource, TWrite write, IGraphStore store, CancellationToken ct)
        where TWrite : INodeWrite =>
        resource.ToDto(await store.GetNode(resource.Label, write.Id, ct) is Found<NodeWithLinks>(var stored) ? stored : new NodeWithLinks(resource.ToNode(write), []));

    /// <summary>Deletes the node, with its relationships when <paramref name="cascade"/>.</summary>
    public static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> Delete<TWrite, TDto>(
        this NodeResource<TWrite, TDto> resource, string id, bool? cascade, IGraphStore store, CancellationToken ct) where TWrite : INodeWrite =>
        await store.DeleteNode(resource.Label, id, cascade ?? false, ct) switch
        {
            WriteOutcome.Deleted => TypedResults.NoContent(),
            WriteOutcome.NotFound => NotFoundProblem.NoSuch(resource.Name, id),
            WriteOutcome.InUse inUse => ConflictProblem.InUse($"The {resource.Name.ToLowerInvariant()} is in use.",
                $"'{id}' still has {inUse.Count} relationships. Delete them first, or pass cascade=true to delete them with it."),
            var other => throw new UnreachableException($"DeleteNode answered {other}."),
        };
}

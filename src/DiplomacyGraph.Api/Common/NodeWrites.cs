using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Common;

/// <summary>A single-resource write: the record, and the source its evidence comes from.</summary>
public interface INodeWrite
{
    string Id { get; }

    /// <summary>The id of the source the evidence sentence comes from; it must exist.</summary>
    string SourceId { get; }
}

/// <summary>What one resource's writes need: its label, its name, how a write becomes a node, and how the node is shown.</summary>
internal sealed record NodeResource<TWrite, TDto>(NodeLabel Label, string Name, string Route, Func<TWrite, GraphNode> ToNode, Func<NodeWithLinks, TDto> ToDto)
    where TWrite : INodeWrite;

/// <summary>POST, PUT and DELETE for one kind of node, the same for every resource.</summary>
internal static class NodeWrites
{
    // mapDelete: false when the resource maps its own DELETE (sources: a cascade retracts their facts).
    public static RouteGroupBuilder MapNodeWrites<TWrite, TDto>(this IEndpointRouteBuilder routes, NodeResource<TWrite, TDto> resource, string tag, bool mapDelete = true)
        where TWrite : INodeWrite
    {
        var group = routes.MapGroup(resource.Route).WithTags(tag).RequireWriteAccess().WithValidation().WithStoreProblems();
        var name = resource.Name.ToLowerInvariant();
        var aName = $"{("aeiou".Contains(name[0], StringComparison.Ordinal) ? "an" : "a")} {name}";

        // Handlers close over the resource, so they are built as delegates here (route analyzers cannot follow generic closures).
        Func<TWrite, IGraphStore, CancellationToken, Task<Results<Created<TDto>, ProblemHttpResult>>> create =
            (write, store, ct) => Create(resource, write, store, ct);
        Func<string, TWrite, IGraphStore, CancellationToken, Task<Results<Ok<TDto>, ValidationProblem, ProblemHttpResult>>> replace =
            (id, write, store, ct) => Replace(resource, id, write, store, ct);
        Func<string, bool?, IGraphStore, CancellationToken, Task<Results<NoContent, ProblemHttpResult>>> delete =
            (id, cascade, store, ct) => Delete(resource, id, cascade ?? false, store, ct);

        group.MapPost("/", create)
            .WithName($"Create{resource.Name}")
            .WithSummary($"Create {aName}")
            .WithDescription($"Creates the {name} with its evidence sentence and source. 201 with Location; 409 when the id is taken; 422 naming unknown ids (e.g. the source); needs an API key (X-Api-Key).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{id}", replace)
            .WithName($"Replace{resource.Name}")
            .WithSummary($"Replace {aName}")
            .WithDescription($"Replaces the {name}'s properties with the body's. Evidence accumulates: the body's sentence is added to what the {name} had. 404 when there is no such {name}; needs an API key.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        if (!mapDelete) return group;
        group.MapDelete("/{id}", delete)
            .WithName($"Delete{resource.Name}")
            .WithSummary($"Delete {aName}")
            .WithDescription($"204 when deleted. 409 while it still has relationships, unless cascade=true, which deletes them with it. Needs an API key.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    public static async Task<Results<Created<TDto>, ProblemHttpResult>> Create<TWrite, TDto>(
        NodeResource<TWrite, TDto> resource, TWrite write, IGraphStore store, CancellationToken ct) where TWrite : INodeWrite
    {
        await store.CreateNode(resource.ToNode(write), ct);
        return await store.GetNode(resource.Label, write.Id, ct) is Found<NodeWithLinks>(var created)
            ? TypedResults.Created($"{resource.Route}/{write.Id}", resource.ToDto(created))
            : Problems.NotFound(resource.Name, write.Id);
    }

    public static async Task<Results<Ok<TDto>, ValidationProblem, ProblemHttpResult>> Replace<TWrite, TDto>(
        NodeResource<TWrite, TDto> resource, string id, TWrite write, IGraphStore store, CancellationToken ct) where TWrite : INodeWrite
    {
        if (write.Id != id)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"The body's id '{write.Id}' differs from the URL's '{id}'."] });
        }
        if (await store.ReplaceNode(resource.ToNode(write), ct) is null || await store.GetNode(resource.Label, id, ct) is not Found<NodeWithLinks>(var replaced))
        {
            return Problems.NotFound(resource.Name, id);
        }
        return TypedResults.Ok(resource.ToDto(replaced));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete<TWrite, TDto>(
        NodeResource<TWrite, TDto> resource, string id, bool cascade, IGraphStore store, CancellationToken ct) where TWrite : INodeWrite
    {
        var result = await store.DeleteNode(resource.Label, id, cascade, ct);
        return result.Outcome switch
        {
            DeleteOutcome.Deleted => TypedResults.NoContent(),
            DeleteOutcome.NotFound => Problems.NotFound(resource.Name, id),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The {resource.Name.ToLowerInvariant()} is in use.",
                detail: resource.Label == NodeLabel.Source
                    ? $"{result.Relationships} facts cite source '{id}'. Delete or re-source them first."
                    : $"'{id}' still has {result.Relationships} relationships. Delete them first, or pass cascade=true to delete them with it."),
        };
    }
}

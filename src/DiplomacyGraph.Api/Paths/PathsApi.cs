using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Knowledge;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Paths;

/// <summary>The shortest connection between two nodes.</summary>
/// <param name="From">Where it starts.</param>
/// <param name="To">Where it ends.</param>
/// <param name="MaxDepth">The most hops searched.</param>
/// <param name="Found">Whether a connection within MaxDepth exists.</param>
/// <param name="Length">Hops, when found.</param>
/// <param name="Nodes">The nodes in order, from first to last.</param>
/// <param name="Edges">The edge between each pair of consecutive nodes, with its evidence.</param>
public sealed record PathDto(string From, string To, int MaxDepth, bool Found, int? Length, IReadOnlyList<NodeDto> Nodes, IReadOnlyList<EdgeDto> Edges);

internal static class PathsApi
{
    public const int MaxDepth = 6;
    public const int DefaultDepth = 4;

    public static RouteGroupBuilder MapPaths(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/paths").WithTags("Paths").WithStoreProblems().WithValidation();

        group.MapGet("/shortest", FindShortestPath)
            .WithName("FindShortestPath")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("How two actors are connected")
            .WithDescription($"The shortest connection of at most `maxDepth` hops (1–{MaxDepth}), following relationships either way and through any kind of node (events, statements, sanctions, …): the ordered nodes and the edges between them, each with its evidence. Of several equally short connections, the one whose node ids sort first. Try `from=bernie-moreno&to=rosa-villavicencio`.")
            .ProducesValidationProblem();

        return group;
    }

    internal sealed record PathQuery
    {
        [Description("Id of the first actor, e.g. bernie-moreno.")]
        public string? From { get; init; }
        [Description("Id of the last actor, e.g. rosa-villavicencio.")]
        public string? To { get; init; }
        [Description("The most hops to search, 1 to 6.")]
        [DefaultValue(DefaultDepth)]
        public int? MaxDepth { get; init; }
    }

    internal sealed class PathQueryValidator : AbstractValidator<PathQuery>
    {
        public PathQueryValidator()
        {
            RuleFor(q => q.From).Cascade(CascadeMode.Stop).NotEmpty().NodeId();
            RuleFor(q => q.To).Cascade(CascadeMode.Stop).NotEmpty().NodeId();
            RuleFor(q => q.To).NotEqual(q => q.From).WithMessage("'to' must differ from 'from'.")
                .When(q => !string.IsNullOrEmpty(q.From) && !string.IsNullOrEmpty(q.To));
            RuleFor(q => q.MaxDepth).InclusiveBetween(1, MaxDepth);
        }
    }

    public static async Task<Results<Ok<PathDto>, ProblemHttpResult>> FindShortestPath(
        [AsParameters] PathQuery query, IGraphStore store, CancellationToken ct)
    {
        var (from, to, depth) = (query.From!, query.To!, query.MaxDepth ?? DefaultDepth);
        foreach (var id in new[] { from, to })
        {
            if (!await store.Exists(NodeLabel.Actor, id, ct)) return Problems.NotFound("Actor", id);
        }
        if (await store.FindShortestPath(from, to, depth, ct) is not { } path)
        {
            return TypedResults.Ok(new PathDto(from, to, depth, false, null, [], []));
        }
        return TypedResults.Ok(new PathDto(from, to, depth, true, path.Edges.Count, [.. path.Nodes.Select(n => n.ToDto())], [.. path.Edges.Select(e => e.ToDto())]));
    }
}

using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
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
public sealed record PathDto(
    string From,
    string To,
    int MaxDepth,
    bool Found,
    int? Length,
    [property: ListCap(PathsApi.MaxDepth + 1)] IReadOnlyList<NodeDto> Nodes,
    [property: ListCap(PathsApi.MaxDepth)] IReadOnlyList<EdgeDto> Edges);

/// <summary>One of several equally short connections.</summary>
/// <param name="Length">Hops.</param>
/// <param name="Nodes">The nodes in order, from first to last.</param>
/// <param name="Edges">The edge between each pair of consecutive nodes, with its evidence.</param>
public sealed record PathItemDto(
    int Length,
    [property: ListCap(PathsApi.MaxDepth + 1)] IReadOnlyList<NodeDto> Nodes,
    [property: ListCap(PathsApi.MaxDepth)] IReadOnlyList<EdgeDto> Edges) : ICsvRow<PathItemDto>
{
    static CsvTable<PathItemDto> ICsvRow<PathItemDto>.CsvColumns { get; } = new(
        ("length", p => Csv.Value(p.Length)),
        ("nodeIds", p => Csv.Join(p.Nodes.Select(n => n.Id))), ("nodeNames", p => Csv.Join(p.Nodes.Select(n => n.Name))),
        ("nodeLabels", p => Csv.Join(p.Nodes.Select(n => n.Label))),
        ("edgeIds", p => Csv.Join(p.Edges.Select(e => e.Id))), ("edgeTypes", p => Csv.Join(p.Edges.Select(e => e.Type))),
        ("evidence", p => Csv.Evidence(p.Edges.SelectMany(e => e.Evidence))), ("sourceIds", p => Csv.Sources(p.Edges.SelectMany(e => e.Evidence))));

    public static PathItemDto From(GraphPath path) =>
        new(path.Edges.Count, [.. path.Nodes.Select(n => n.ToDto())], [.. path.Edges.Select(e => e.ToDto())]);
}

[ListCap(PathsApi.MaxPaths)]
internal static class PathsApi
{
    public const int MaxDepth = 6;
    public const int DefaultDepth = 4;
    public const int MaxPaths = 100;
    public const int DefaultPaths = 10;

    public static RouteGroupBuilder MapPaths(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/paths").WithTags("Paths").WithSharedProblems().WithValidation().WithListFormats();

        group.MapGet("/shortest", FindShortestPath)
            .WithName("FindShortestPath")
            .WithSummary("How two nodes are connected")
            .WithDescription($"The shortest connection of at most `maxDepth` hops (1–{MaxDepth}) between any two nodes (actors, events, places, sanctions, statements, figures, programmes), following relationships either way: the ordered nodes and the edges between them, each with its evidence. Of several equally short connections, the one through events first, then statements, sanctions, actors, places, figures and programmes, then whose node ids sort first. Try `from=bernie-moreno&to=rosa-villavicencio`, or `from=donald-trump&to=plaza-bolivar`.");

        group.MapGet("/all-shortest", FindAllShortestPaths)
            .WithName("FindAllShortestPaths")
            .WithSummary("Every shortest connection between two nodes")
            .WithDescription($"Every connection of the shortest length (at most `maxDepth` hops, 1–{MaxDepth}) between any two nodes, in the order `paths/shortest` picks from (its answer comes first), at most `limit` (1–{MaxPaths}); `truncated` says when more exist. Empty when there is none. Try `from=donald-trump&to=gustavo-petro`.");

        return group;
    }

    internal record PathQuery
    {
        [Description("Id of the first node (actor, event, place, …), e.g. bernie-moreno.")]
        public string? From { get; init; }
        [Description("Id of the last node, e.g. rosa-villavicencio.")]
        public string? To { get; init; }
        [Description("The most hops to search, 1 to 6.")]
        [DefaultValue(DefaultDepth)]
        public int? MaxDepth { get; init; }
    }

    internal sealed class PathQueryValidator : PathQueryValidator<PathQuery>;

    /// <summary>Every path query's parameters, and the format of the paths' list.</summary>
    internal sealed record AllPathsQuery : PathQuery
    {
        [Description("The most paths to return, 1 to 100.")]
        [DefaultValue(DefaultPaths)]
        public int? Limit { get; init; }
        [Description("csv for CSV (as with Accept: text/csv), json for JSON; JSON when omitted.")]
        public string? Format { get; init; }
    }

    internal sealed class AllPathsQueryValidator : PathQueryValidator<AllPathsQuery>
    {
        public AllPathsQueryValidator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxPaths);
            RuleFor(q => q.Format).OneOf(ListFormats.All);
        }
    }

    internal class PathQueryValidator<T> : AbstractValidator<T> where T : PathQuery
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

    public static async Task<Results<Ok<PathDto>, NotFoundProblem>> FindShortestPath(
        [AsParameters] PathQuery query, IGraphStore store, CancellationToken ct)
    {
        var (from, to, depth) = (query.From!, query.To!, query.MaxDepth ?? DefaultDepth);
        return (await store.FindShortestPath(from, to, depth, ct)).Answer(path => path is null
            ? new PathDto(from, to, depth, false, null, [], [])
            : new PathDto(from, to, depth, true, path.Edges.Count, [.. path.Nodes.Select(n => n.ToDto())], [.. path.Edges.Select(e => e.ToDto())]));
    }

    public static async Task<Results<Ok<CappedList<PathItemDto>>, NotFoundProblem>> FindAllShortestPaths(
        [AsParameters] AllPathsQuery query, IGraphStore store, CancellationToken ct)
    {
        var limit = query.Limit ?? DefaultPaths;
        // One more than the limit tells whether there are more.
        return (await store.FindAllShortestPaths(query.From!, query.To!, query.MaxDepth ?? DefaultDepth, limit + 1, ct))
            .Answer(paths => CappedList.FromOneMore([.. paths.Select(PathItemDto.From)], limit));
    }
}

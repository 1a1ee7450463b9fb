using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Graph;

/// <summary>Graph elements in the shape Cytoscape.js takes: <c>cy.add(response.elements)</c>.</summary>
/// <param name="Truncated">True when the graph had more nodes than <c>limit</c>, or more edges among them than 20,000.</param>
/// <param name="Elements">The nodes and edges.</param>
public sealed record CytoscapeGraphDto(bool Truncated, CytoscapeElementsDto Elements);

/// <summary>Cytoscape.js elements, grouped.</summary>
public sealed record CytoscapeElementsDto(
    [property: ListCap(GraphApi.MaxNodes)] IReadOnlyList<CytoscapeElementDto> Nodes,
    [property: ListCap(GraphApi.MaxEdges)] IReadOnlyList<CytoscapeElementDto> Edges);

/// <summary>
/// One Cytoscape.js element. Nodes' data: id, label, name, kind, the node's properties and evidence (with
/// <c>nodes=summary</c>: id, label, name, kind and date only). Edges' data: id, source, target, type, the edge's
/// properties and evidence (no evidence with <c>nodes=summary</c>).
/// </summary>
public sealed record CytoscapeElementDto(IReadOnlyDictionary<string, object?> Data);

internal static class GraphApi
{
    public const int MaxDepth = 3;
    public const int MaxNodes = 2000;
    public const int DefaultNodes = 1000;
    /// <summary>The most edges an answer holds: ten per node of a full one.</summary>
    public const int MaxEdges = 10 * MaxNodes;

    public static RouteGroupBuilder MapGraph(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/graph").WithTags("Graph").WithSharedProblems().WithValidation().WithListFormats();

        group.MapGet("/", GetGraph)
            .WithName("GetGraph")
            .WithSummary("The graph, ready for Cytoscape.js")
            .WithDescription($"The whole graph (sources aside), or with `actor` the ego subgraph of `depth` hops (1–{MaxDepth}), as Cytoscape.js elements with every property and the evidence, or with `nodes=summary` as references (id, label, name, kind, date) and edges without evidence. At most `limit` nodes (1–{MaxNodes}); `truncated` says when more exist.");

        return group;
    }

    internal sealed record GraphQuery
    {
        [Description("Centre the subgraph on this actor id, e.g. gustavo-petro; the whole graph when omitted.")]
        public string? Actor { get; init; }
        [Description("Hops from the actor, 1 to 3; only with actor.")]
        [DefaultValue(2)]
        public int? Depth { get; init; }
        [Description("The most nodes to return, 1 to 2000.")]
        [DefaultValue(DefaultNodes)]
        public int? Limit { get; init; }
    }

    internal sealed class GraphQueryValidator : AbstractValidator<GraphQuery>
    {
        public GraphQueryValidator()
        {
            RuleFor(q => q.Actor).NodeId();
            RuleFor(q => q.Depth).InclusiveBetween(1, MaxDepth);
            RuleFor(q => q.Depth).Null().WithMessage("'depth' needs 'actor'.").When(q => q.Actor is null);
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxNodes);
        }
    }

    public static async Task<Results<Ok<CytoscapeGraphDto>, NotFoundProblem>> GetGraph(
        [AsParameters] GraphQuery query, [AsParameters] NodesQuery nodes, IGraphStore store, CancellationToken ct)
    {
        var limit = query.Limit ?? DefaultNodes;
        if (query.Actor is null)
        {
            return TypedResults.Ok(ToCytoscape(await store.GetGraph(limit, nodes.Detail, ct), nodes.Detail));
        }
        return await store.GetNetwork(query.Actor, query.Depth ?? 2, limit, nodes.Detail, ct) switch
        {
            Found<Subgraph>(var network) => TypedResults.Ok(ToCytoscape(network, nodes.Detail)),
            var missing => missing.NotFound(parameter: "actor"),
        };
    }

    private static CytoscapeGraphDto ToCytoscape(Subgraph graph, NodeDetail detail)
    {
        var cap = new LinkCap();
        var summary = detail == NodeDetail.Summary;
        var edges = cap.Take(graph.Edges.Select(e => summary
            ? Element(GraphMapping.Visible(e.Properties), ("id", e.Id), ("source", e.From), ("target", e.To), ("type", e.Type))
            : Element(GraphMapping.Visible(e.Properties), ("id", e.Id), ("source", e.From), ("target", e.To), ("type", e.Type), ("evidence", e.Evidence.ToDto()))), MaxEdges);
        return new(graph.Truncated || cap.Cut, new CytoscapeElementsDto(
            [.. graph.Nodes.Select(n => summary
                ? Element(NoProperties, ("id", n.Id), ("label", GraphMapping.LabelName(n.Label)), ("name", n.Name), ("kind", n.Kind), ("date", n.Date))
                : Element(n.ToDto().Properties, ("id", n.Id), ("label", GraphMapping.LabelName(n.Label)), ("name", n.Name), ("kind", n.Kind), ("evidence", n.Evidence.ToDto())))],
            edges));
    }

    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    private static CytoscapeElementDto Element(IReadOnlyDictionary<string, object?> properties, params (string Key, object? Value)[] fixedFields)
    {
        var data = properties.ToDictionary(p => p.Key, p => p.Value);
        foreach (var (key, value) in fixedFields) data[key] = value;
        return new CytoscapeElementDto(data);
    }
}

using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Sources;

/// <summary>A source of facts.</summary>
/// <param name="Id">e.g. <c>vermelho-2026-02-04-petro-trump</c>.</param>
/// <param name="Title">A title.</param>
/// <param name="Outlet">Who published it.</param>
/// <param name="Url">Where it is, where known.</param>
/// <param name="Published">ISO-8601 local date-time of publication.</param>
/// <param name="Edited">ISO-8601 local date-time of the last edit, where given.</param>
/// <param name="Language">Language of the text.</param>
/// <param name="File">The file the text was taken from.</param>
public sealed record SourceDto(string Id, string Title, string Outlet, string? Url, string? Published, string? Edited, string? Language, string? File)
    : ICsvRow<SourceDto>
{
    static CsvTable<SourceDto> ICsvRow<SourceDto>.CsvColumns { get; } = new(
        ("id", s => s.Id), ("title", s => s.Title), ("outlet", s => s.Outlet), ("url", s => s.Url), ("published", s => s.Published),
        ("edited", s => s.Edited), ("language", s => s.Language), ("file", s => s.File));

    public static SourceDto From(GraphNode s) => new(s.Id, s.Text("title") ?? s.Name, s.Text("outlet") ?? "", s.Text("url"),
        s.Text("published"), s.Text("edited"), s.Text("language"), s.Text("file"));
}

/// <summary>A source and every fact it supports.</summary>
/// <param name="Source">The source.</param>
/// <param name="Nodes">The nodes it supports, with the sentences it gives for each.</param>
/// <param name="Edges">The relationships it supports, with all their evidence.</param>
/// <param name="Truncated">True when the nodes or the relationships were cut at 500 each (in label-then-name and type order).</param>
public sealed record SourceDetailDto(SourceDto Source, IReadOnlyList<SupportedNodeDto> Nodes, IReadOnlyList<EdgeDto> Edges, bool Truncated);

/// <summary>What retracting a source removed.</summary>
/// <param name="SourceId">The source, now deleted.</param>
/// <param name="NodesDeleted">Ids of the nodes deleted: those it alone supported.</param>
/// <param name="NodesUpdated">Ids of the nodes that lost its evidence and claims and now show the other sources' values.</param>
/// <param name="RelationshipsDeleted">Ids (<c>from:TYPE:to</c>) of the relationships deleted: those it alone supported, and those of deleted nodes.</param>
/// <param name="RelationshipsUpdated">Ids of the relationships that lost its evidence and claims.</param>
public sealed record SourceRetractionDto(
    string SourceId, IReadOnlyList<string> NodesDeleted, IReadOnlyList<string> NodesUpdated,
    IReadOnlyList<string> RelationshipsDeleted, IReadOnlyList<string> RelationshipsUpdated)
{
    public static SourceRetractionDto From(string sourceId, SourceRetraction r) =>
        new(sourceId, r.NodesDeleted, r.NodesUpdated, r.EdgesDeleted, r.EdgesUpdated);
}

/// <summary>A node a source supports, and the sentences of that source that do.</summary>
public sealed record SupportedNodeDto(NodeRef Node, IReadOnlyList<string> Sentences);

internal static class SourcesApi
{
    /// <summary>The most sources the list holds.</summary>
    public const int MaxSources = 1000;

    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sources").WithTags("Sources").WithSharedProblems().WithValidation().WithListFormats();

        group.MapGet("/", ListSources)
            .WithName("ListSources")
            .WithSummary("The sources")
            .WithDescription($"Every source the graph's facts come from, by id; at most {MaxSources}.");

        group.MapGet("/{id}", GetSource)
            .WithName("GetSource")
            .WithSummary("A source and the facts it supports")
            .WithDescription("Try `vermelho-2026-02-04-petro-trump`: every node and relationship whose evidence cites it.");

        var writes = routes.MapNodeWrites(new NodeResource<SourceWrite, SourceDto>(
            NodeLabel.Source, "Source", "/api/sources", DocumentGraph.ForSource, s => SourceDto.From(s.Node)), "Sources", mapDelete: false);

        writes.MapDelete("/{id}", DeleteSource)
            .WithName("DeleteSource")
            .WithSummary("Delete a source, or retract it with its facts")
            .WithDescription("Without `cascade`: 204 when no fact cites the source, else 409. With `cascade=true`: retracts it in one transaction: " +
                "every fact loses its evidence and claims (the other sources' values then show), a fact left without evidence is deleted, " +
                "and so is every relationship of a deleted node; 200 lists what was deleted and what updated. 404 when there is no such source " +
                "(nothing changes). Needs an API key.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    public static async Task<Results<NoContent, Ok<SourceRetractionDto>, ProblemHttpResult>> DeleteSource(
        [Description("Source id.")] string id,
        [Description("true: retract the source with its evidence and claims, deleting the facts left without evidence.")] bool? cascade,
        IGraphStore store, CancellationToken ct)
    {
        if (cascade != true)
        {
            var result = await store.DeleteNode(NodeLabel.Source, id, cascade: false, ct);
            return result.Outcome switch
            {
                DeleteOutcome.Deleted => TypedResults.NoContent(),
                DeleteOutcome.NotFound => Problems.NotFound("Source", id),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The source is in use.",
                    detail: $"{result.Relationships} facts cite source '{id}'. Pass cascade=true to retract them with it: each loses this source's evidence and claims, and those left without evidence are deleted."),
            };
        }
        return await store.RetractSource(id, ct) is { } retraction
            ? TypedResults.Ok(SourceRetractionDto.From(id, retraction))
            : Problems.NotFound("Source", id);
    }

    public static async Task<Ok<CappedList<SourceDto>>> ListSources([AsParameters] ListQuery format, IGraphStore store, CancellationToken ct) =>
        TypedResults.Ok(CappedList.Of((await store.ListSources(ct)).Select(SourceDto.From), MaxSources));

    public static async Task<Results<Ok<SourceDetailDto>, NotFoundProblem>> GetSource(
        [Description("Source id, e.g. vermelho-2026-02-04-petro-trump.")] string id, IGraphStore store, CancellationToken ct)
    {
        var found = await store.GetSource(id, ct);
        if (found is not Found<SourceFacts>(var facts))
        {
            return found.NotFound();
        }
        var cap = new LinkCap();
        return TypedResults.Ok(new SourceDetailDto(
            SourceDto.From(facts.Source),
            cap.Take(facts.Nodes.Select(n => new SupportedNodeDto(n.Ref(), [.. n.Evidence.Where(e => e.SourceId == id).Select(e => e.Text)]))),
            cap.Take(facts.Edges.Select(e => e.ToDto())), cap.Cut));
    }
}

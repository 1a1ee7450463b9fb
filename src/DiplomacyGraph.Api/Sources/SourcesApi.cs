using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
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
/// <param name="Provenance">How its facts were made: <c>curated</c> (read by a person; also when the record gives none) or
/// <c>coded</c> (by a machine, e.g. GDELT). Curated sources' values outrank coded ones in claims.</param>
[ShowsRecord(typeof(SourceRecord))]
public sealed record SourceDto(string Id, string Title, string Outlet, string? Url, string? Published, string? Edited, string? Language, string? File,
    string Provenance)
    : ICsvRow<SourceDto>
{
    static CsvTable<SourceDto> ICsvRow<SourceDto>.CsvColumns { get; } = new(
        ("id", s => s.Id), ("title", s => s.Title), ("outlet", s => s.Outlet), ("url", s => s.Url), ("published", s => s.Published),
        ("edited", s => s.Edited), ("language", s => s.Language), ("file", s => s.File), ("provenance", s => s.Provenance));

    public static SourceDto From(GraphNode s) => new(s.Id, s.Text("title") ?? s.Name, s.Text("outlet") ?? "", s.Text("url"),
        s.Text("published"), s.Text("edited"), s.Text("language"), s.Text("file"), s.Text("provenance") ?? SourceProvenance.Curated);
}

/// <summary>A source and every fact it supports.</summary>
/// <param name="Source">The source.</param>
/// <param name="Nodes">The nodes it supports, with the sentences it gives for each.</param>
/// <param name="Edges">The relationships it supports, with all their evidence.</param>
/// <param name="Truncated">True when the nodes or the relationships were cut at 500 each (in label-then-name and type order).</param>
public sealed record SourceDetailDto(
    SourceDto Source,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<SupportedNodeDto> Nodes,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<EdgeDto> Edges,
    bool Truncated);

/// <summary>What retracting a source removed.</summary>
/// <param name="SourceId">The source, now deleted.</param>
/// <param name="NodesDeleted">Ids of the nodes deleted: those it alone supported.</param>
/// <param name="NodesUpdated">Ids of the nodes that lost its evidence and claims and now show the other sources' values.</param>
/// <param name="RelationshipsDeleted">Ids (<c>from:TYPE:to</c>) of the relationships deleted: those it alone supported, and those of deleted nodes.</param>
/// <param name="RelationshipsUpdated">Ids of the relationships that lost its evidence and claims.</param>
// A retraction lists every fact the source touched: the answer is the record of what the write did.
[GrowsWith("source")]
public sealed record SourceRetractionDto(
    string SourceId, IReadOnlyList<string> NodesDeleted, IReadOnlyList<string> NodesUpdated,
    IReadOnlyList<string> RelationshipsDeleted, IReadOnlyList<string> RelationshipsUpdated)
{
    public static SourceRetractionDto From(string sourceId, SourceRetraction r) =>
        new(sourceId, r.NodesDeleted, r.NodesUpdated, r.EdgesDeleted, r.EdgesUpdated);
}

/// <summary>A node a source supports, and the sentences of that source that do.</summary>
public sealed record SupportedNodeDto(NodeRef Node, [property: GrowsWith("sources")] IReadOnlyList<string> Sentences);

[ListCap(SourcesApi.MaxSources)]
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

        routes.MapSourceWrites();

        return group;
    }

    // Every source is listed: the list grows with the sources (its CSV has no cap of its own).
    [GrowsWith("sources")]
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

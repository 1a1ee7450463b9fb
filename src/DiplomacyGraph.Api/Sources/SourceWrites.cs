using System.ComponentModel;
using System.Diagnostics;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Sources;

/// <summary>A source to create or replace.</summary>
public sealed record SourceWrite : ISourceFields, INodeWrite
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>The outlet that published it, e.g. <c>vermelho.org.br</c>.</summary>
    public required string Outlet { get; init; }
    public string? Url { get; init; }
    /// <summary>ISO-8601 local date-time of publication, e.g. <c>2026-02-04T11:20</c>.</summary>
    public required string Published { get; init; }
    public string? Edited { get; init; }
    public string? Language { get; init; }
    /// <summary>The file the text was taken from, when it came as a file.</summary>
    public string? File { get; init; }
    /// <summary>curated (read by a person; the default) or coded (machine-coded, as GDELT is).</summary>
    public string? Provenance { get; init; }

    string INodeWrite.SourceId => Id;
}

internal sealed class SourceWriteValidator : SourceRules<SourceWrite>;

/// <summary>POST, PUT and DELETE /api/sources; they need an API key. A source has no evidence of its own: it is the evidence's origin.</summary>
internal static class SourceWrites
{
    private static readonly NodeResource<SourceWrite, SourceDto> Sources = new(NodeLabel.Source, "Source", "/api/sources", KnowledgeGraph.ForSource, s => SourceDto.From(s.Node));

    public static void MapSourceWrites(this IEndpointRouteBuilder routes)
    {
        // A source's delete is its own: with cascade it retracts the facts that cite it, which no other node's delete does.
        var writes = routes.MapNodeWrites(Sources, "Sources", CreateSource, ReplaceSource);

        writes.MapDelete("/{id}", DeleteSource)
            .WithName("DeleteSource")
            .WithSummary("Delete a source, or retract it with its facts")
            .WithDescription("Without `cascade`: 204 when no fact cites the source, else 409. With `cascade=true`: retracts it in one transaction: " +
                "every fact loses its evidence and claims (the other sources' values then show), a fact left without evidence is deleted, " +
                "and so is every relationship of a deleted node; 200 lists what was deleted and what updated. 404 when there is no such source " +
                "(nothing changes). Needs an API key.");
    }

    public static Task<Results<Created<SourceDto>, ValidationProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> CreateSource(
        SourceWrite write, IGraphStore store, CancellationToken ct) => Sources.Create(write, store, ct);

    public static Task<Results<Ok<SourceDto>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> ReplaceSource(
        string id, SourceWrite write, IGraphStore store, CancellationToken ct) => Sources.Replace(id, write, store, ct);

    public static async Task<Results<NoContent, Ok<SourceRetractionDto>, NotFoundProblem, ConflictProblem>> DeleteSource(
        [Description("Source id.")] string id,
        [Description("true: retract the source with its evidence and claims, deleting the facts left without evidence.")] bool? cascade,
        IGraphStore store, CancellationToken ct)
    {
        if (cascade != true)
        {
            return await store.DeleteNode(NodeLabel.Source, id, cascade: false, ct) switch
            {
                WriteOutcome.Deleted => TypedResults.NoContent(),
                WriteOutcome.NotFound => NotFoundProblem.NoSuch("Source", id),
                WriteOutcome.InUse inUse => ConflictProblem.InUse("The source is in use.",
                    $"{inUse.Count} facts cite source '{id}'. Pass cascade=true to retract them with it: each loses this source's evidence and claims, and those left without evidence are deleted."),
                var other => throw new UnreachableException($"DeleteNode answered {other}."),
            };
        }
        return await store.RetractSource(id, ct) is WriteOutcome.Retracted retracted
            ? TypedResults.Ok(SourceRetractionDto.From(id, retracted.Summary))
            : NotFoundProblem.NoSuch("Source", id);
    }
}

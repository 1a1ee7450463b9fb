using System.Diagnostics;
using System.Text;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Import;

/// <summary>What an import did.</summary>
/// <param name="SourceId">The document's source.</param>
/// <param name="Nodes">Node ids created, updated and left unchanged.</param>
/// <param name="Relationships">Relationship ids created, updated and left unchanged.</param>
public sealed record ImportResultDto(string SourceId, ChangesDto Nodes, ChangesDto Relationships)
{
    public static ImportResultDto From(string sourceId, ImportSummary summary)
    {
        var (nodes, relationships) = ChangesDto.From(summary);
        return new ImportResultDto(sourceId, nodes, relationships);
    }
}

/// <summary>Ids by what happened to them.</summary>
public sealed record ChangesDto(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged)
{
    public static (ChangesDto Nodes, ChangesDto Relationships) From(ImportSummary summary) => (
        new ChangesDto(summary.NodesCreated, summary.NodesUpdated, summary.NodesUnchanged),
        new ChangesDto(summary.EdgesCreated, summary.EdgesUpdated, summary.EdgesUnchanged));
}

/// <summary>What a FollowTheMoney import did: the import summary, plus what was read, mapped and skipped.</summary>
/// <param name="SourceIds">The sources the file's datasets became.</param>
/// <param name="Nodes">Node ids created, updated and left unchanged.</param>
/// <param name="Relationships">Relationship ids created, updated and left unchanged.</param>
/// <param name="Entities">How many distinct entities of the schemata read the file held.</param>
/// <param name="SkippedSchemata">Schemata the import does not read, with how many entities each had.</param>
/// <param name="Mapped">FollowTheMoney ids the mapping file links to curated nodes of ours.</param>
/// <param name="Notes">Values left out, by line (a country code outside the table, an office with nowhere to hold it).</param>
public sealed record FtmImportResultDto(
    IReadOnlyList<string> SourceIds, ChangesDto Nodes, ChangesDto Relationships, int Entities,
    IReadOnlyDictionary<string, int> SkippedSchemata, IReadOnlyDictionary<string, string> Mapped, IReadOnlyList<string> Notes)
{
    public static FtmImportResultDto From(FtmConversion conversion, ImportSummary summary)
    {
        var (nodes, relationships) = ChangesDto.From(summary);
        return new(conversion.SourceIds, nodes, relationships, conversion.Entities, conversion.SkippedSchemata, conversion.Mapped, conversion.Notes);
    }
}

/// <summary>Where the FollowTheMoney mapping file is.</summary>
public sealed class FtmOptions
{
    public const string Section = "FollowTheMoney";

    /// <summary>The mapping file (FollowTheMoney id → our id, authorities, datasets); relative paths start at the app's folder. None: no mapping.</summary>
    public string? MappingFile { get; set; }

    public FtmMapping LoadMapping() => MappingFile is { Length: > 0 } file
        ? FtmMapping.Load(Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file))
        : FtmMapping.None;
}

internal static class ImportApi
{
    public const string NdJson = "application/x-ndjson";

    public static void MapImport(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/import").WithTags("Import").RequireWriteAccess().WithValidation().WithStoreProblems();

        group.MapPost("/", ImportDocument)
            .WithName("ImportDocument")
            .WithSummary("Import a knowledge document")
            .WithDescription("""
                Takes a knowledge document in the seed format (seed/README.md) and merges it into the graph in one transaction:
                all of it or none of it. Ids that exist are merged into: new non-null values win, lists are unioned, and evidence
                accumulates per source, so a fact two articles report shows both sentences. Re-importing the same document changes
                nothing. Answers what was created, updated and left unchanged. 400 with field paths for an invalid document
                (unknown properties included), 409 when an id is taken by another kind of node, 422 naming every unknown id the
                relationships refer to. Needs an API key (X-Api-Key).
                """);

        group.MapPost("/ftm", ImportFollowTheMoney)
            .WithName("ImportFollowTheMoney")
            .WithSummary("Import FollowTheMoney entities (OpenSanctions)")
            .WithDescription("""
                Takes FollowTheMoney entities as JSON lines (`Content-Type: application/x-ndjson`), maps them as seed/README.md
                ("FollowTheMoney") lists — Person, Organization, Company, LegalEntity, PublicBody to actors, Sanction, Family,
                Associate, Membership, Employment, Occupancy with Position — with one source per dataset and evidence naming
                the entity and property, and merges them in one transaction like /api/import. Fields beyond id, schema,
                properties and datasets are ignored. Entities of other schemata are counted, skipped and listed. The server's
                mapping file (FollowTheMoney:MappingFile) links FollowTheMoney ids to curated actors. Re-importing changes
                nothing. 400 naming each malformed line (nothing is imported), 415 for another content type, 422 for unknown ids.
                Needs an API key (X-Api-Key).
                """)
            .Accepts<string>(NdJson);

        group.MapBulkImport();
    }

    public static async Task<Results<Ok<ImportResultDto>, ValidationProblem, ConflictProblem, UnprocessableProblem, UnsupportedMediaTypeProblem>> ImportDocument(
        KnowledgeDocument document, IGraphStore store, CancellationToken ct) =>
        Answer(await store.Import(document, ct), summary => ImportResultDto.From(document.Source.Id, summary));

    public static async Task<Results<Ok<FtmImportResultDto>, ValidationProblem, ConflictProblem, UnprocessableProblem, UnsupportedMediaTypeProblem>> ImportFollowTheMoney(
        HttpRequest request, IGraphStore store, IOptions<FtmOptions> options, CancellationToken ct)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), NdJson, StringComparison.OrdinalIgnoreCase))
        {
            return UnsupportedMediaTypeProblem.Expecting("FollowTheMoney entities as JSON lines", NdJson);
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var conversion = await FollowTheMoney.Read(reader, options.Value.LoadMapping(), ct);
        if (!conversion.IsValid)
        {
            return TypedResults.ValidationProblem(conversion.Errors, title: "The FollowTheMoney file is invalid; nothing was imported.");
        }
        return Answer(await store.Import(conversion.Graph, ct), summary => FtmImportResultDto.From(conversion, summary));
    }

    /// <summary>What an import answers: 200 with what it did, or its refusal as 409 or 422.</summary>
    private static Results<Ok<T>, ValidationProblem, ConflictProblem, UnprocessableProblem, UnsupportedMediaTypeProblem> Answer<T>(
        IImportOutcome outcome, Func<ImportSummary, T> done) => outcome switch
    {
        WriteOutcome.Imported imported => TypedResults.Ok(done(imported.Summary)),
        WriteOutcome.Conflict conflict => ConflictProblem.IdTaken(conflict),
        WriteOutcome.UnknownReferences unknown => UnprocessableProblem.Unknown(unknown),
        WriteOutcome.EndpointMismatch mismatch => UnprocessableProblem.Mismatch(mismatch),
        _ => throw new UnreachableException($"Import answered {outcome}."),
    };
}

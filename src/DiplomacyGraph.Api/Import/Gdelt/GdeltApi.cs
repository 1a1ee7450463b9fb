using System.Diagnostics;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Import.Gdelt;

/// <summary>The <c>GDELT</c> configuration section: rows per batch, rows per import and the HTTP body limit.</summary>
public sealed class GdeltOptions
{
    public const string Section = "GDELT";

    /// <summary>The most rows one batch may hold: at 5 nodes and 3 relationships a row, well inside one document's caps.</summary>
    public const int MaxBatchSize = 5000;

    /// <summary>Rows per batch: each batch is mapped, validated and written in one transaction.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>The most rows one import reads (a GDELT day is 100,000–200,000); the rest are left unread and the answer says so.</summary>
    public int MaxRows { get; set; } = 1_000_000;

    /// <summary>The largest body <c>POST /api/import/gdelt</c> takes, in bytes (spooled to a temporary file, then streamed).</summary>
    public long MaxBodyBytes { get; set; } = 1_073_741_824;

    public static void Add(IServiceCollection services) =>
        services.AddOptions<GdeltOptions>().BindConfiguration(Section)
            .Validate(o => o.BatchSize is > 0 and <= MaxBatchSize, $"GDELT:BatchSize must be between 1 and {MaxBatchSize}.")
            .Validate(o => o.MaxRows is > 0 and <= 10_000_000, "GDELT:MaxRows must be between 1 and 10000000.")
            .Validate(o => o.MaxBodyBytes is > 0 and <= 68_719_476_736, "GDELT:MaxBodyBytes must be between 1 and 68719476736 (64 GiB).")
            .ValidateOnStart();
}

/// <summary>What a GDELT import did, over all its batches.</summary>
/// <param name="Rows">Rows read (non-empty lines).</param>
/// <param name="Events">Rows imported as events.</param>
/// <param name="Dropped">Rows of CAMEO roots PLOVER drops (01 make public statement, 02 appeal), counted per root and skipped.</param>
/// <param name="Batches">How many batches were written.</param>
/// <param name="Truncated">True when the file held more than GDELT:MaxRows rows: the rest were not read.</param>
/// <param name="Nodes">Node ids created, updated and left unchanged (the first 1,000 of each; <c>counts</c> has them all).</param>
/// <param name="Relationships">Relationship ids created, updated and left unchanged, likewise.</param>
/// <param name="Skipped">Bad rows, counted per reason (malformed, too-long, unknown-code, no-actor, invalid, refused), the first 1,000 by GLOBALEVENTID and line.</param>
public sealed record GdeltImportResultDto(int Rows, int Events, IReadOnlyDictionary<string, int> Dropped, int Batches, bool Truncated,
    FtmChangesDto Nodes, FtmChangesDto Relationships, FtmSkippedDto Skipped)
{
    internal static GdeltImportResultDto From(GdeltReport report)
    {
        var r = report.Changes;
        return new(report.Rows, report.Events, report.Dropped, report.Batches, report.Truncated,
            FtmChangesDto.Of(r.NodesCreated, r.NodesUpdated, r.NodesUnchanged),
            FtmChangesDto.Of(r.EdgesCreated, r.EdgesUpdated, r.EdgesUnchanged),
            new FtmSkippedDto(r.SkippedByReason.Values.Sum(), r.SkippedByReason, [.. r.Skipped.Select(s => new FtmSkippedRecordDto(s.Id, s.Line, s.Reason, s.Detail))]));
    }
}

/// <summary><c>POST /api/import/gdelt</c>: a GDELT 2.0 Events export, tab-separated or zipped, into the graph.</summary>
internal static class GdeltApi
{
    public const string Zip = "application/zip";

    /// <summary>The content types taken: GDELT's zip, or its tab-separated text under the names clients send it with.</summary>
    public static readonly IReadOnlySet<string> ContentTypes = new HashSet<string>(
        [Zip, "application/x-zip-compressed", "text/tab-separated-values", "text/csv", "text/plain", "application/octet-stream"], StringComparer.OrdinalIgnoreCase);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/gdelt", ImportGdelt)
            .WithName("ImportGdelt")
            .WithSummary("Import a GDELT 2.0 Events export (tab-separated, or zipped as GDELT publishes it)")
            .WithDescription("""
                Takes a GDELT 2.0 Events export: the tab-separated `*.export.CSV` (61 columns, no header), or the `.zip` holding
                it as GDELT publishes it (recognized by its signature, or by `Content-Type: application/zip`). Each row becomes an
                event `gdelt-<GLOBALEVENTID>` typed in PLOVER through CAMEO2PLOVER-2021 (kind, mode, contexts; what the current
                manual lacks is kept in `originalMode`/`originalContexts`; the CAMEO code, Goldstein scale, tone, mention counts and
                quad class are kept), its article (`SOURCEURL`, dated by `DATEADDED`) a source with `provenance: coded`, Actor1 a
                participant (`PARTICIPATED_IN`, role actor) and Actor2 a recipient (`TARGETED`), each its country actor or its
                named actor, with its PLOVER sector, and ActionGeo a place (`OCCURRED_IN`). Rows of CAMEO roots 01 and 02, which
                PLOVER drops, are counted in `dropped` and skipped. A bad row is skipped and reported by GLOBALEVENTID and line;
                the others are written, in batches of GDELT:BatchSize rows (one transaction each). Re-importing a file changes
                nothing; a later file's row for the same event updates it. The body may be up to GDELT:MaxBodyBytes; it is
                spooled to a temporary file. 400 when the body holds no row, is a zip that is not one CSV, or every row is bad;
                413 over the limit; 415 for another content type. Needs an API key (X-Api-Key).
                """)
            // The handler reads the body itself; GdeltImportOpenApi states its types and limit.
            .WithMetadata(new OwnBodyLimit());

    /// <param name="request">The body: a GDELT 2.0 Events export, tab-separated or zipped.</param>
    /// <param name="importer">The import pipeline.</param>
    /// <param name="store">The store (named actors and country actors are looked up in it).</param>
    /// <param name="options">The GDELT settings.</param>
    /// <param name="ct">Cancelled when the client goes.</param>
    public static async Task<Results<Ok<GdeltImportResultDto>, ValidationProblem, UnsupportedMediaTypeProblem, ProblemHttpResult>> ImportGdelt(
        HttpRequest request, Importer importer, IGraphStore store, IOptions<GdeltOptions> options, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim();
        if (type is null || !ContentTypes.Contains(type))
        {
            return UnsupportedMediaTypeProblem.Expecting("a GDELT 2.0 Events export (tab-separated, or zipped)", $"{Zip} or text/tab-separated-values");
        }
        var settings = options.Value;
        await using var spool = await FtmRequest.Spool(request, settings.MaxBodyBytes, ct);
        if (spool is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
                detail: $"The body is larger than {settings.MaxBodyBytes} bytes (GDELT:MaxBodyBytes). Nothing was imported; split the file.");
        }
        if (type.Contains("zip", StringComparison.OrdinalIgnoreCase) && !GdeltReader.IsZip(spool.Path))
        {
            return Invalid("The body is sent as a zip but is not one (it lacks the zip signature).", null);
        }
        var outcome = await GdeltImport.Run(spool.Path, importer, store, settings, ct);
        return outcome switch
        {
            GdeltOutcome.Rejected rejected => Invalid(rejected.Problem, null),
            GdeltOutcome.Completed { Report: var report } when report.Events == 0 && report.Dropped.Count == 0 =>
                Invalid($"Every one of the {report.Rows} rows was bad, so nothing was imported; 'imported.skipped' gives each one's problem.", report),
            GdeltOutcome.Completed done => TypedResults.Ok(GdeltImportResultDto.From(done.Report)),
            _ => throw new UnreachableException($"A GDELT import answered {outcome}."),
        };
    }

    private static ValidationProblem Invalid(string problem, GdeltReport? report) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [problem] },
            title: "The GDELT file was not imported.",
            extensions: report is null ? null : new Dictionary<string, object?> { ["imported"] = GdeltImportResultDto.From(report) });
}

using System.Globalization;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// <c>POST /api/import/bulk</c>: an NDJSON stream of knowledge documents, read and applied one line at a time, each
/// document atomically and with the single import's rules (strict JSON, the validator, the store's merge). The answer
/// is every document's outcome, then the totals; like Elasticsearch's <c>_bulk</c>, it is 200 with <c>errors: true</c>
/// when some documents failed and others were applied, so a client reads the outcomes, not only the status.
/// </summary>
internal static class BulkImportApi
{
    public const string MediaType = "application/x-ndjson";

    public static RouteHandlerBuilder MapBulkImport(this RouteGroupBuilder group) =>
        group.MapPost("/bulk", ImportBulk)
            .WithName("ImportBulk")
            .WithSummary("Import many knowledge documents, one per line (NDJSON)")
            .WithDescription($"""
                Takes a stream of knowledge documents in the seed format (seed/README.md), one JSON document per line
                (`Content-Type: {MediaType}`), and applies them one at a time, in order, each as `POST /api/import` would:
                all of a document or none of it. A document that fails writes nothing and the others are still applied.
                Empty lines are skipped. The stream is read as it arrives, never held whole: each line may be up to
                `Writes:Bulk:MaxDocumentBytes` (a longer line is that document's 413, and reading goes on at the next line),
                the body up to `Writes:Bulk:MaxTotalBytes` and `Writes:Bulk:MaxDocuments` documents.

                Answers **200** when at least one document was applied: `items` has each document's line, status, result
                (`changed`, `unchanged` or `failed`), source id, counts, and for a failure its problem (`error`, with field
                errors by JSON path), then `totals`; `errors` is true when any failed. With `ids=true` each applied document
                also lists its ids as `POST /api/import` does. Re-sending a stream changes nothing (every result `unchanged`).
                **400** when nothing was applied: no document in the body, or every one failed (`errors` by line, with
                `items` and `totals`). **413** when the body declares a `Content-Length` above the total limit (nothing is
                read), or goes past the total limit or the document limit while streaming: reading stops there, the
                documents before it were applied or failed as `items` shows, and the rest can be sent again (re-sending
                the applied ones changes nothing). **415** for another content type. **503** when the store stopped
                answering: `items` shows what was done before. Needs an API key (X-Api-Key), and counts as one write.
                """)
            .WithMetadata(new OwnBodyLimit())
            .Produces<BulkImportResultDto>(StatusCodes.Status200OK)
            .Produces<BulkImportProblemDto>(StatusCodes.Status400BadRequest, "application/problem+json")
            .Produces<BulkImportProblemDto>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")
            .Produces<BulkImportProblemDto>(StatusCodes.Status503ServiceUnavailable, "application/problem+json");

    public static async Task<Results<Ok<BulkImportResultDto>, ValidationProblem, ProblemHttpResult>> ImportBulk(
        [AsParameters] BulkImportQuery query, HttpContext context, Importer importer,
        IOptions<BulkImportOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var limits = options.Value;
        var request = context.Request;
        if (!IsNdjson(request.ContentType))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.",
                detail: $"Send the body as {MediaType} (Content-Type: {MediaType}): one knowledge document, as JSON, on each line.");
        }
        var tally = new BulkTally(query.Ids == true);
        if (request.ContentLength > limits.MaxTotalBytes)
        {
            return tally.Stopped(StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                $"The body is larger than {limits.MaxTotalBytes} bytes, the most one bulk import may send. Nothing was read; split the stream.");
        }
        // This endpoint enforces its own limits as it reads (UseWriteBodyLimit leaves it alone); lift Kestrel's too.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
        {
            kestrelLimit.MaxRequestBodySize = null;
        }

        var reader = new BulkLineReader(json.Value.SerializerOptions, importer.Validator);
        var lines = new NdjsonLines(request.BodyReader, limits.MaxDocumentBytes, limits.MaxTotalBytes);
        await foreach (var line in lines.Read(reader.Prepare, ct))
        {
            if (tally.Documents == limits.MaxDocuments)
            {
                return tally.Stopped(StatusCodes.Status413PayloadTooLarge, "Too many documents.",
                    $"The stream holds more than {limits.MaxDocuments} documents, the most one bulk import may send. Reading stopped at line {line.Number}: " +
                    $"the documents before it were handled as `items` shows; send the rest in another request.");
            }
            if (line.TooLarge)
            {
                tally.Failed(line.Number, null, new BulkErrorDto(StatusCodes.Status413PayloadTooLarge, "The document is too large.",
                    $"The line is longer than {limits.MaxDocumentBytes} bytes, the most one document of a bulk import may be. It was skipped, unread.", null, null, null, null));
                continue;
            }
            var (document, sourceId, errors, errorCount) = line.Problem is { } problem ? BulkLine.Invalid(problem) : line.Value;
            if (document is null)
            {
                tally.Failed(line.Number, sourceId, new BulkErrorDto(StatusCodes.Status400BadRequest, "One or more validation errors occurred.",
                    "The line is not a valid knowledge document.", errors, null, null, null) { ErrorCount = errorCount });
                continue;
            }
            try
            {
                switch (await importer.Import(document, ct))
                {
                    case WriteOutcome.Imported { Summary: var summary }:
                        tally.Applied(line.Number, document.Source.Id, summary);
                        if (summary.NodesCreated.Count + summary.NodesUpdated.Count + summary.EdgesCreated.Count + summary.EdgesUpdated.Count > 0)
                        {
                            // Readers see each document as soon as it is in, not when the whole stream is.
                            await FastReads.Invalidate(context);
                        }
                        break;
                    case WriteOutcome.Conflict e:
                        tally.Failed(line.Number, document.Source.Id, new BulkErrorDto(StatusCodes.Status409Conflict, ConflictProblem.IdTakenTitle, e.Detail, null, e.Conflicts, null, null));
                        break;
                    case WriteOutcome.UnknownReferences e:
                        tally.Failed(line.Number, document.Source.Id, new BulkErrorDto(StatusCodes.Status422UnprocessableEntity,
                            UnprocessableProblem.UnknownTitle, e.Detail, null, null, e.Ids, null));
                        break;
                    case WriteOutcome.EndpointMismatch e:
                        tally.Failed(line.Number, document.Source.Id, new BulkErrorDto(StatusCodes.Status422UnprocessableEntity,
                            UnprocessableProblem.MismatchTitle, e.Detail, null, null, null, e.Problems));
                        break;
                }
            }
            catch (StoreUnavailableException e)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return tally.Stopped(StatusCodes.Status503ServiceUnavailable, "The graph store is unavailable.",
                    $"The store stopped answering at line {line.Number}, and reading stopped there: the documents before it were handled as `items` shows. " +
                    (e.OutcomeUnknown ? $"The store did not confirm line {line.Number}, so it may have applied. " : "") +
                    "Send the stream again shortly: the documents already applied change nothing the second time.");
            }
        }
        if (lines.OverTotal)
        {
            return tally.Stopped(StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                $"The body is larger than {limits.MaxTotalBytes} bytes, the most one bulk import may send. Reading stopped there: " +
                "the documents on the lines before were handled as `items` shows; send the rest in another request.");
        }
        if (tally.Documents == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [JsonShape.Root] = ["The stream holds no documents: send one knowledge document (JSON) per line."] },
                detail: "Nothing was imported.", title: "No document was imported.", extensions: tally.Extensions());
        }
        if (tally.AppliedCount == 0)
        {
            return TypedResults.ValidationProblem(tally.ErrorsByLine(), detail: "Every document of the stream failed, so nothing was imported; `items` gives each one's problem.",
                title: "No document was imported.", extensions: tally.ExtensionsWithErrorCount());
        }
        return TypedResults.Ok(tally.Result());
    }

    private static bool IsNdjson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}

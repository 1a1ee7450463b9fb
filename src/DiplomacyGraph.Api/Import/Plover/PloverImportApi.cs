using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Microsoft.Net.Http.Headers;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Import;

/// <summary><c>POST /api/import/plover</c>: PLOVER event records, as NDJSON or one JSON array.</summary>
internal static class PloverImportApi
{
    public const string Json = "application/json";

    public static RouteHandlerBuilder MapPloverImport(this RouteGroupBuilder group) =>
        group.MapPost("/plover", ImportPlover)
            .WithName("ImportPlover")
            .WithSummary("Import PLOVER event records (NDJSON or a JSON array)")
            .WithDescription($"""
                Takes PLOVER records (https://github.com/openeventdata/PLOVER) as JSON lines (`Content-Type: application/x-ndjson`, the
                manual's suggestion) or one JSON array (`application/json`; trailing commas allowed, as the gold-standard file has them).
                Both field sets are read: the current manual's (`actor`/`recipient` entity lists with `code`, `sector`, `entity_text`,
                `identifier_id`/`identifier_text`; `event_loc`, `enddate`, `dead`, `injured`, `size`, `event_text`, `cite_info`) and
                v0.5b1's (`source`/`target` with `actorText`, `code`, `sector`; `eventLoc`, `eventText`, `publication`). Each record
                becomes an event (id `plover-…` from the record's `id`) with its `text` as the evidence sentence, its publication and
                date as the source (`provenance: curated`), its type, mode and contexts in the current manual's terms (older drafts'
                values such as DEMAND, FIGHT or the context `refugee` mapped, the originals kept in `originalKind`, `originalMode`,
                `originalContexts`), its actors (`PARTICIPATED_IN`, role actor) and recipients (`TARGETED`, role recipient) with their
                PLOVER sector, and its location as a place. An actor is the one existing actor its name names, else the country its
                code names, else a new organization `plover-<name>` that entity resolution offers for review. A record that cannot
                be imported (a DOCUMENT record, no actor, no date, invalid) is skipped and listed with its line, status and reason;
                the rest is imported. A line or item that is not a JSON object makes the file unreadable: 400 naming each such
                line, and nothing is imported. Re-importing the same records changes nothing. **200** when at least one record was
                imported; **400** for a body that is not PLOVER JSON (or when every record was invalid), **422** when
                no record could be imported (the answer's `imported` extension lists each one's reason), **413** past
                {PloverImport.MaxBodyBytes:N0} bytes or {PloverImport.MaxRecords:N0} records, **415** for another content type.
                Needs an API key (X-Api-Key).
                """)
            // No Accepts metadata: routing would then answer another content type with 415 before the key is checked.
            .WithMetadata(new OwnBodyLimit());

    public static async Task<Results<Ok<PloverImportResultDto>, ValidationProblem, UnsupportedMediaTypeProblem, ProblemHttpResult>> ImportPlover(
        HttpRequest request, Importer importer, IGraphStore store, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals(ImportApi.NdJson, StringComparison.OrdinalIgnoreCase)))
        {
            return UnsupportedMediaTypeProblem.Expecting("PLOVER records as JSON lines or a JSON array", $"{ImportApi.NdJson} or {Json}");
        }
        if (await ReadBody(request, ct) is not { } body)
        {
            return TooLarge($"The body is larger than {PloverImport.MaxBodyBytes} bytes, the most one PLOVER import reads. Nothing was imported; split the file.");
        }
        var read = PloverReader.Read(body, PloverImport.MaxRecords);
        if (read.Problem is { } problem)
        {
            return read.Lines.Count == PloverImport.MaxRecords
                ? TooLarge($"{problem} Nothing was imported.")
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [problem] }, title: "The body is not PLOVER JSON; nothing was imported.");
        }
        if (PloverImport.Unreadable(read) is { Count: > 0 } unreadable)
        {
            return TypedResults.ValidationProblem(unreadable, title: "Some records are not JSON objects; nothing was imported.",
                extensions: new Dictionary<string, object?> { [FieldErrors.CountName] = read.Lines.Count(l => l.Problem is not null) });
        }
        var report = await PloverImport.Run(read, importer, store, ct);
        var result = PloverImportResultDto.From(report);
        if (report.Imported > 0) return TypedResults.Ok(result);
        var status = report.Skipped.All(s => s.Status == StatusCodes.Status400BadRequest) ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
        return TypedResults.Problem(statusCode: status, title: "No PLOVER record was imported.",
            detail: $"None of the {report.Records} records could be imported; `imported.skipped` gives each one's line and reason.",
            extensions: new Dictionary<string, object?> { ["imported"] = result });
    }

    /// <summary>The body, or null when it is larger than the import reads.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBody(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > PloverImport.MaxBodyBytes) return null;
        // This endpoint enforces its own limit as it reads (UseWriteBodyLimit leaves it alone); lift Kestrel's too.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit) kestrelLimit.MaxRequestBodySize = null;
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > PloverImport.MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.", detail: detail);
}

/// <summary>States the PLOVER import's body (two media types, its limit and an example): the handler reads it itself.</summary>
internal sealed class PloverImportOpenApi : IOperationFilter
{
    /// <summary>A record in the current manual's field set, and one in v0.5b1's (the gold standard's).</summary>
    private const string Example = """
        {"id":"example-0001","date":"2024-03-05","event":"CONSULT","mode":"visit","context":["diplomatic"],"actor":[{"code":"COL","sector":"GOV","entity_text":"Colombian officials"}],"recipient":[{"code":"VEN","sector":"GOV"}],"event_loc":{"resolved_place":"Caracas","country_code":"VEN","lat":10.48,"lon":-66.9},"text":"Colombian officials visited Caracas on Tuesday.","cite_info":{"publication":"Example Wire"}}
        {"id":"PLOVER-EXAMPLE-DEMAND-0001","date":"2000-01-01","source":[{"actorText":"Hungarian","code":"HUN","sector":"GOV"}],"target":"","event":"DEMAND","context":"refugees, diplomatic","text":"Hungarian officials demanded talks on refugees.","publication":"Example manual"}

        """;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "ImportPlover") return;
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            MaxLength = PloverImport.MaxBodyBytes,
            Description = $"PLOVER records: one JSON object a line, or one JSON array of them; up to {PloverImport.MaxBodyBytes:N0} bytes and {PloverImport.MaxRecords:N0} records.",
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "PLOVER event records (the current manual's field set, or v0.5b1's as in the gold-standard file).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ImportApi.NdJson] = new() { Schema = schema, Example = JsonValue.Create(Example) },
                [PloverImportApi.Json] = new() { Schema = schema },
            },
        };
    }
}

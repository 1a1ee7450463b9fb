using System.Globalization;
using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// Describes <c>POST /api/import/bulk</c> in the OpenAPI document: an NDJSON body (a string whose maxLength is the
/// configured total limit), the outcome list capped by the configured document limit, and examples of each answer.
/// The handler reads the body itself (it streams), so nothing else tells Swagger about it.
/// </summary>
internal sealed class BulkImportOpenApi(IOptions<BulkImportOptions> options) : IOperationFilter, ISchemaFilter
{
    private const string Meeting = "white-house-meeting-2026-02-03";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "ImportBulk") return;
        var limits = options.Value;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name == "ids") parameter.Example = JsonValue.Create(false);
        }
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One knowledge document (seed/README.md), as JSON on a single line, per line; empty lines are skipped.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [BulkImportApi.MediaType] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        MaxLength = (int)Math.Min(limits.MaxTotalBytes, int.MaxValue),
                        Description = $"NDJSON: up to {limits.MaxTotalBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes (Writes:Bulk:MaxTotalBytes), "
                            + $"{limits.MaxDocuments.ToString("N0", CultureInfo.InvariantCulture)} documents (Writes:Bulk:MaxDocuments), and "
                            + $"{limits.MaxDocumentBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes a line (Writes:Bulk:MaxDocumentBytes).",
                    },
                    Example = JsonValue.Create(ExampleStream()),
                },
            },
        };
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse { Content: { } content }) continue;
            foreach (var media in content.Values)
            {
                if (media.Schema is OpenApiSchemaReference { Reference.Id: { } schema } && schema.StartsWith("BulkImport", StringComparison.Ordinal))
                {
                    media.Example = Example(code);
                }
            }
            response.Description = code switch
            {
                "200" => "OK: at least one document was applied; `errors` says whether any failed, `items` gives each document's outcome.",
                "400" => "Bad Request: nothing was applied (no document, or every one failed); `errors` by line, `items` and `totals` as in a 200.",
                "413" => "Content Too Large: the body or its documents are over the limit; reading stopped there, and `items` shows what was applied before.",
                "415" => "Unsupported Media Type: send application/x-ndjson.",
                "503" => "Service Unavailable: the store stopped answering; `items` shows what was applied before. Safe to send again.",
                _ => response.Description,
            };
        }
    }

    /// <summary>Two documents with harmless ids of their own; the second links to the first's actor and to the seed's meeting.</summary>
    private static string ExampleStream() => string.Join('\n',
        new JsonObject
        {
            ["source"] = new JsonObject { ["id"] = "example-bulk-source-1", ["title"] = "A first example report", ["outlet"] = "example.org", ["published"] = "2026-02-06" },
            ["actors"] = new JsonArray(new JsonObject
            {
                ["id"] = "example-bulk-actor", ["kind"] = "organization", ["name"] = "Example Bulk Organization",
                ["evidence"] = "The Example Bulk Organization observed the meeting.",
            }),
        }.ToJsonString(),
        new JsonObject
        {
            ["source"] = new JsonObject { ["id"] = "example-bulk-source-2", ["title"] = "A second example report", ["outlet"] = "example.org", ["published"] = "2026-02-07" },
            ["relationships"] = new JsonArray(new JsonObject
            {
                ["type"] = RelationshipTypes.ParticipatedIn, ["from"] = "example-bulk-actor", ["to"] = Meeting,
                ["properties"] = new JsonObject { ["role"] = "observer" },
                ["evidence"] = "The Example Bulk Organization sent an observer to the meeting.",
            }),
        }.ToJsonString()) + "\n";

    private static JsonObject? Example(string code) => code switch
    {
        "200" => new JsonObject
        {
            ["errors"] = true,
            ["items"] = new JsonArray(
                Applied(1, "example-bulk-source-1", (2, 0, 0), (0, 0, 0)),
                Failed(2, "example-bulk-source-2", new JsonObject
                {
                    ["status"] = 422, ["title"] = UnprocessableProblem.UnknownTitle, ["detail"] = "Unknown ids: example-bulk-actr.",
                    ["errors"] = null, ["conflicts"] = null, ["unknownIds"] = new JsonArray("example-bulk-actr"), ["problems"] = null,
                })),
            ["totals"] = Totals(2, 1, 0, 1, (2, 0, 0), (0, 0, 0)),
        },
        "400" => new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1", ["title"] = "No document was imported.", ["status"] = 400,
            ["detail"] = "Every document of the stream failed, so nothing was imported; `items` gives each one's problem.",
            ["errors"] = new JsonObject { ["line 1: actors[0].kind"] = new JsonArray("'organisation' is not one of: country, organization, person, …") },
            ["items"] = new JsonArray(Failed(1, "example-bulk-source-1", new JsonObject
            {
                ["status"] = 400, ["title"] = "One or more validation errors occurred.", ["detail"] = "The line is not a valid knowledge document.",
                ["errors"] = new JsonObject { ["actors[0].kind"] = new JsonArray("'organisation' is not one of: country, organization, person, …") },
                ["conflicts"] = null, ["unknownIds"] = null, ["problems"] = null,
            })),
            ["totals"] = Totals(1, 0, 0, 1, (0, 0, 0), (0, 0, 0)),
        },
        "413" => new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.14", ["title"] = "The request body is too large.", ["status"] = 413,
            ["detail"] = "The body is larger than 1073741824 bytes, the most one bulk import may send. Reading stopped there: the documents on the lines before were handled as `items` shows; send the rest in another request.",
            ["items"] = new JsonArray(Applied(1, "example-bulk-source-1", (2, 0, 0), (0, 0, 0))),
            ["totals"] = Totals(1, 1, 0, 0, (2, 0, 0), (0, 0, 0)),
        },
        _ => null,
    };

    private static JsonObject Applied(int line, string source, (int, int, int) nodes, (int, int, int) relationships) => new()
    {
        ["line"] = line, ["status"] = 200, ["result"] = BulkResults.Changed, ["sourceId"] = source,
        ["nodes"] = Counts(nodes), ["relationships"] = Counts(relationships),
    };

    private static JsonObject Failed(int line, string source, JsonObject error) => new()
    {
        ["line"] = line, ["status"] = error["status"]!.DeepClone(), ["result"] = BulkResults.Failed, ["sourceId"] = source, ["error"] = error,
    };

    private static JsonObject Totals(int documents, int changed, int unchanged, int failed, (int, int, int) nodes, (int, int, int) relationships) => new()
    {
        ["documents"] = documents, ["changed"] = changed, ["unchanged"] = unchanged, ["failed"] = failed,
        ["nodes"] = Counts(nodes), ["relationships"] = Counts(relationships),
    };

    private static JsonObject Counts((int Created, int Updated, int Unchanged) counts) =>
        new() { ["created"] = counts.Created, ["updated"] = counts.Updated, ["unchanged"] = counts.Unchanged };

    /// <summary>
    /// Caps on the bulk answers' lists: one outcome per document (at most Writes:Bulk:MaxDocuments); a failed document's
    /// lists are bounded by its sections (each at most MaxItemsPerSection items); field messages grow with the rules broken.
    /// </summary>
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties }) return;
        var perSection = KnowledgeDocumentValidator.MaxItemsPerSection;
        var caps = context.Type == typeof(BulkImportResultDto) || context.Type == typeof(BulkImportProblemDto)
            ? new Dictionary<string, int> { ["items"] = options.Value.MaxDocuments }
            : context.Type == typeof(BulkErrorDto)
                ? new Dictionary<string, int> { ["conflicts"] = (7 * perSection) + 1, ["unknownIds"] = 2 * perSection, ["problems"] = perSection }
                : null;
        foreach (var (name, cap) in caps ?? [])
        {
            if (properties.TryGetValue(name, out var list) && list is OpenApiSchema writable) writable.MaxItems = cap;
        }
        if (context.Type == typeof(BulkOutcomeDto))
        {
            if (properties.TryGetValue("result", out var result) && result is OpenApiSchema results)
            {
                results.Enum = [JsonValue.Create(BulkResults.Changed), JsonValue.Create(BulkResults.Unchanged), JsonValue.Create(BulkResults.Failed)];
            }
        }
        if ((context.Type == typeof(BulkErrorDto) || context.Type == typeof(BulkImportProblemDto))
            && properties.TryGetValue("errors", out var errors) && errors is OpenApiSchema { AdditionalProperties: OpenApiSchema messages })
        {
            // One message for each rule the field broke, as in every validation problem.
            messages.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            messages.Extensions[GrowingLists.Extension] = new JsonNodeExtension(JsonValue.Create("rules"));
        }
    }
}

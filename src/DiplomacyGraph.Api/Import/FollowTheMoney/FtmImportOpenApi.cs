using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// States the FollowTheMoney import's own body limit (FollowTheMoney:MaxBodyBytes, not Writes:MaxBodyBytes) as its NDJSON
/// body's <c>maxLength</c>: the handler reads the body itself, so nothing else tells Swagger about it.
/// </summary>
internal sealed class FtmImportOpenApi(IOptions<FtmOptions> options) : IOperationFilter
{
    /// <summary>An export line and a delta's DEL, with ids of their own (writes never use a seed actor).</summary>
    private const string Example = """
        {"id":"NK-example-person","schema":"Person","properties":{"name":["Example Person"],"nationality":["ve"]},"datasets":["us_ofac_sdn"],"last_seen":"2024-06-01T00:00:00"}
        {"op":"DEL","entity":{"id":"NK-example-gone"}}

        """;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "ImportFollowTheMoney") return;
        var limit = options.Value.MaxBodyBytes;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            var (pattern, example) = parameter.Name switch
            {
                "published" => (FtmRequest.PublishedDate, "2024-06-01"),
                "dataset" => (FtmRequest.DatasetName, "us_ofac_sdn"),
                _ => (null, null),
            };
            if (pattern is null || parameter.Schema is not OpenApiSchema schema) continue;
            schema.Pattern = pattern;
            schema.MaxLength = parameter.Name == "dataset" ? 100 : 19;
            parameter.Example = JsonValue.Create(example);
        }
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "FollowTheMoney entities, or OpenSanctions delta records ({\"op\": \"ADD\"|\"MOD\"|\"DEL\", \"entity\": {…}}), as JSON, one a line.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ImportApi.NdJson] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        MaxLength = (int)Math.Min(limit, int.MaxValue),
                        Description = $"NDJSON: up to {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes (FollowTheMoney:MaxBodyBytes), "
                            + $"read in batches of {options.Value.BatchSize.ToString("N0", CultureInfo.InvariantCulture)} lines (FollowTheMoney:BatchSize).",
                    },
                    Example = JsonValue.Create(Example),
                },
            },
        };
    }
}

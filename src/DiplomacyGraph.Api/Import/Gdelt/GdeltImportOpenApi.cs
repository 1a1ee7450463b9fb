using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Import.Gdelt;

/// <summary>
/// States the GDELT import's body (a zip, or tab-separated text) and its own limit (GDELT:MaxBodyBytes): the handler
/// reads the body itself, so nothing else tells Swagger about it.
/// </summary>
internal sealed class GdeltImportOpenApi(IOptions<GdeltOptions> options) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "ImportGdelt") return;
        var limit = options.Value.MaxBodyBytes;
        var size = $"up to {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes (GDELT:MaxBodyBytes), "
            + $"written in batches of {options.Value.BatchSize.ToString("N0", CultureInfo.InvariantCulture)} rows (GDELT:BatchSize).";
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A GDELT 2.0 Events export: the tab-separated *.export.CSV (61 columns, no header), or the .zip GDELT publishes it in.",
            // The tab-separated form first: it is the one with an example, which Swagger UI shows.
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/tab-separated-values"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = (int)Math.Min(limit, int.MaxValue), Description = $"Tab-separated rows: {size}" },
                    Example = JsonValue.Create("1200000001\t20240602\t202406\t2024\t2024.0049\tUSAGOV\tUNITED STATES\tUSA\t\t\t\t\tGOV\t\t\tCHNGOV\tCHINA\tCHN\t\t\t\t\tGOV\t\t\t1\t042\t042\t04\t1\t1.9\t4\t1\t4\t2.5\t1\tChina\tCH\tCH\t\t35\t105\tCH\t1\tChina\tCH\tCH\t\t35\t105\tCH\t1\tChina\tCH\tCH\t\t35\t105\tCH\t20240603120000\thttps://news.example.org/story\n"),
                },
                [GdeltApi.Zip] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = (int)Math.Min(limit, int.MaxValue), Description = $"A zip holding one CSV: {size}" },
                },
            },
        };
    }
}

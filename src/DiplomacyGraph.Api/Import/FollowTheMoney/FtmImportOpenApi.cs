using System.Globalization;
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
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "ImportFollowTheMoney") return;
        var limit = options.Value.MaxBodyBytes;
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
                },
            },
        };
    }
}

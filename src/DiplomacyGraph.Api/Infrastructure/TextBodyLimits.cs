using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Request bodies read as text (NDJSON) are strings to the document; their <c>maxLength</c> is the body limit the
/// server enforces (<c>Writes:MaxBodyBytes</c>, one byte at least per character), unless the operation states its own.
/// </summary>
internal sealed class TextBodyLimits(Microsoft.Extensions.Options.IOptions<WriteOptions> writes) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var media in operation.RequestBody?.Content?.Values ?? [])
        {
            if (media.Schema is OpenApiSchema { Type: { } type } text && type.HasFlag(JsonSchemaType.String))
            {
                text.MaxLength ??= (int)Math.Min(writes.Value.MaxBodyBytes, int.MaxValue);
            }
        }
    }
}

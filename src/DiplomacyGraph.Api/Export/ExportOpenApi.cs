using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Export;

/// <summary>States the export's 200 body: JSON lines, each a knowledge document.</summary>
internal sealed class ExportOpenApi : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "ExportGraph") return;
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response) return;
        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            // No "type: string" (as for CSV): the body is a stream of documents, not a field, and its length follows the
            // graph, so a maxLength would be a number the server does not enforce.
            [GraphExport.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Description = "One knowledge document (the KnowledgeDocument schema, seed/README.md) a line, UTF-8: the judgements first, "
                        + "then every source, the nodes and the relationships, each source's claims under the id they were made about.",
                },
            },
        };
    }
}

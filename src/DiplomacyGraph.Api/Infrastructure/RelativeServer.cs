using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>Servers: relative to wherever the document is served from, so it never advertises plain http.</summary>
internal sealed class RelativeServer : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context) =>
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "This service, local or production: the address this document was fetched from.",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            },
        ];
}

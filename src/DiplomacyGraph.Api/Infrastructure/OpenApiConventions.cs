using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Makes the Swagger document read like the API: query parameters in camelCase, as clients send them
/// (binding ignores case, so [AsParameters] records keep their C# names), and an example from the seed
/// on each id, so that Try it out works at the first click.
/// </summary>
internal sealed class OpenApiConventions : IOperationFilter
{
    /// <summary>Seed ids to pre-fill, by route and parameter.</summary>
    private static readonly Dictionary<string, string> Examples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["api/actors/{id}:id"] = "gustavo-petro",
        ["api/events/{id}:id"] = "white-house-meeting-2026-02-03",
        ["api/sources/{id}:id"] = "vermelho-2026-02-04-petro-trump",
        ["api/sanctions/{id}:id"] = "gustavo-petro-visa-revocation",
        ["api/statements/{id}:id"] = "trump-we-worked-on-it",
        ["api/paths/shortest:from"] = "bernie-moreno",
        ["api/paths/shortest:to"] = "rosa-villavicencio",
    };

    public const string ApiKeyScheme = "ApiKey";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }];
        }
        var route = context.ApiDescription.RelativePath ?? "";
        var prefix = route.StartsWith("api/actors/{id}", StringComparison.OrdinalIgnoreCase) ? "api/actors/{id}" : route;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name)
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
            if (Examples.TryGetValue($"{prefix}:{parameter.Name}", out var example))
            {
                parameter.Example = JsonValue.Create(example);
            }
        }
    }
}

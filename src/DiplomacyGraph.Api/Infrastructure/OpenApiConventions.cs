using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Makes the Swagger document read like the API: query parameters in camelCase, as clients send them
/// (binding ignores case, so [AsParameters] records keep their C# names), and an example on every parameter and
/// request body, from the tables the feature folders declare (<see cref="OpenApiExamples"/>).
/// </summary>
internal sealed class OpenApiConventions : IOperationFilter
{
    public const string ApiKeyScheme = "ApiKey";

    private static readonly (Dictionary<string, JsonNode> Parameters, Dictionary<string, Func<JsonNode>> Bodies) Examples = OpenApiExamples.Collect();

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }];
        }
        var method = context.ApiDescription.HttpMethod ?? "";
        var route = (context.ApiDescription.RelativePath ?? "").TrimEnd('/');
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name)
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
            if (Example(method, route, parameter.Name ?? "") is { } example)
            {
                parameter.Example = example.DeepClone();
            }
        }
        if (operation.OperationId is { } id && Examples.Bodies.TryGetValue(id, out var body) && operation.RequestBody?.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                media.Example = body();
            }
        }
    }

    /// <summary>The most specific example: this method and route, any method, then any route; "{id}*" covers the routes below an id.</summary>
    private static JsonNode? Example(string method, string route, string parameter)
    {
        var id = route.IndexOf("{id}", StringComparison.Ordinal);
        var belowId = id < 0 ? route : route[..(id + "{id}".Length)] + "*";
        foreach (var key in new[] { $"{method} {route}", $"{method} {belowId}", $"* {route}", "* *" })
        {
            if (Examples.Parameters.TryGetValue($"{key}:{parameter}", out var example)) return example;
        }
        return null;
    }
}

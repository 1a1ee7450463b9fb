using System.Reflection;
using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Query and path parameters with the limits their validators enforce, <c>required</c> where leaving one out
/// is a 400, and the response codes every operation can give: 400 for any bad parameter or body, 429 and 503 with Retry-After.
/// </summary>
internal sealed class ValidatedParameters : IOperationFilter
{
    private const string BadRequest = "Bad Request: a parameter or the body breaks a rule; `errors` names each field.";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var descriptions = context.ApiDescription.ParameterDescriptions;
        // Query parameters come from [AsParameters] records; their validators may be declared on the record or inherited (paging).
        var containers = context.MethodInfo.GetParameters()
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null).Select(p => p.ParameterType).ToList();
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            var description = descriptions.FirstOrDefault(d => string.Equals(d.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            var rules = parameter.In == ParameterLocation.Path
                ? ValidatorCatalog.For(typeof(PathValues), parameter.Name ?? "")
                : containers.Select(c => ValidatorCatalog.For(c, description?.ModelMetadata?.PropertyName ?? parameter.Name ?? ""))
                    .FirstOrDefault(r => !r.IsEmpty) ?? new FieldRules();
            if (parameter.Schema is OpenApiSchema schema)
            {
                SchemaLimits.Apply(schema, rules);
                if (schema.Type is { } t && t.HasFlag(JsonSchemaType.String) && schema.Enum is not { Count: > 0 })
                {
                    schema.MaxLength ??= KnowledgeDocumentValidator.MaxTextLength;
                }
            }
            if (rules.Required)
            {
                parameter.Required = true;
            }
        }

        var route = context.ApiDescription.RelativePath ?? "";
        if (!route.StartsWith("api/", StringComparison.OrdinalIgnoreCase)) return;
        operation.Responses ??= [];
        if (context.MethodInfo?.GetCustomAttribute<GrowsWithAttribute>() is { } grows
            && operation.Responses.TryGetValue("200", out var ok) && ok.Content is { } content)
        {
            foreach (var media in content.Values.Select(m => m.Schema).OfType<OpenApiSchema>())
            {
                GrowingLists.Mark(media, grows.What);
            }
        }
        // Every operation answers a broken rule the same way, whether its group's convention or its Results type declared it.
        if (operation.Responses.TryGetValue("400", out var declared) && declared is OpenApiResponse described)
        {
            described.Description = BadRequest;
        }
        else
        {
            operation.Responses["400"] = Problem(BadRequest, new OpenApiSchemaReference("HttpValidationProblemDetails", context.Document));
        }
        if (!operation.Responses.ContainsKey("429"))
        {
            operation.Responses["429"] = Problem("Too Many Requests: wait for Retry-After.", new OpenApiSchemaReference("ProblemDetails", context.Document));
        }
        foreach (var code in new[] { "429", "503" })
        {
            if (operation.Responses.TryGetValue(code, out var response) && response is OpenApiResponse writable)
            {
                writable.Headers ??= new Dictionary<string, IOpenApiHeader>();
                writable.Headers["Retry-After"] = RetryAfter();
            }
        }
    }

    private static OpenApiResponse Problem(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
    };

    private static OpenApiHeader RetryAfter() => new()
    {
        Description = "Seconds to wait before trying again.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "86400" },
    };
}

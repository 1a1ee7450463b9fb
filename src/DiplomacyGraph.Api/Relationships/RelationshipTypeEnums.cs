using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Relationships;

/// <summary>
/// Lists the relationship types of <see cref="RelationshipTypes"/> as the OpenAPI enum of every place a client
/// gives one: the <c>type</c> filter of an actor's relationships and the <c>type</c> of a relationship to create.
/// </summary>
internal sealed class RelationshipTypeEnums : IOperationFilter, ISchemaFilter
{
    public static IEnumerable<string> Types => RelationshipTypes.All.Select(r => r.Type);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.RelativePath?.EndsWith("/relationships", StringComparison.OrdinalIgnoreCase) != true) return;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && string.Equals(parameter.Name, "type", StringComparison.OrdinalIgnoreCase)
                && parameter.Schema is OpenApiSchema schema)
            {
                schema.Enum = [.. Types.Select(t => (JsonNode)JsonValue.Create(t))];
            }
        }
    }

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (!typeof(IRelationshipFields).IsAssignableFrom(context.Type) || schema.Properties is null) return;
        if (schema.Properties.TryGetValue("type", out var type) && type is OpenApiSchema property)
        {
            property.Enum = [.. Types.Select(t => (JsonNode)JsonValue.Create(t))];
        }
    }
}

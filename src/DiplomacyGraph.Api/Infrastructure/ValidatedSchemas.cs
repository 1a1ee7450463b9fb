using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Puts the validators' limits on every schema of the document: request records from their own validators,
/// answers from the validators of the records they show, and the limits every stored value obeys on the rest.
/// </summary>
internal sealed class ValidatedSchemas : ISchemaFilter
{
    /// <summary>
    /// The largest cap of any capped list answer ({items, limit, truncated}): each is cut at the cap its endpoint class
    /// declares (<see cref="ListCapAttribute"/>), so none holds more than the largest of them.
    /// </summary>
    private static readonly int MaxCappedItems = typeof(ValidatedSchemas).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<ListCapAttribute>()?.MaxItems).OfType<int>().DefaultIfEmpty(0).Max();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties }) return;
        var type = context.Type;
        var validated = ValidatorCatalog.Validates(type);
        var shown = type.GetCustomAttribute<ShowsRecordAttribute>()?.Record;
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!properties.TryGetValue(name, out var propertySchema) || propertySchema is not OpenApiSchema field) continue;
            if (validated)
            {
                SchemaLimits.Apply(field, ValidatorCatalog.For(type, property.Name) with { Required = false });
            }
            else if (shown is not null)
            {
                SchemaLimits.Apply(field, ValidatorCatalog.For(shown, property.Name) with { MinLength = null });
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PagedList<>) && name == "items")
            {
                field.MaxItems ??= Paging.MaxPageSize;
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CappedList<>) && name == "items")
            {
                field.MaxItems ??= MaxCappedItems;
            }
            if (property.GetCustomAttribute<ListCapAttribute>() is { } cap)
            {
                field.MaxItems ??= cap.MaxItems;
            }
            SchemaLimits.ApplyStoredValueLimits(field, name, property.GetCustomAttribute<StoredValueAttribute>()?.Kind);
            if (field.Type is { } fieldType && fieldType.HasFlag(JsonSchemaType.Array) && field.MaxItems is null)
            {
                GrowingLists.Mark(field, property);
            }
            if (type == typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails) && name == "errors" && field.AdditionalProperties is OpenApiSchema messages)
            {
                // One message for each rule the field broke.
                messages.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                messages.Extensions[GrowingLists.Extension] = new JsonNodeExtension(JsonValue.Create("rules"));
            }
        }
    }
}

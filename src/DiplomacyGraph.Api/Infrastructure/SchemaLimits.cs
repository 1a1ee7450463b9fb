using System.Globalization;
using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.OpenApi;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>Writes <see cref="FieldRules"/> into an OpenAPI schema.</summary>
internal static class SchemaLimits
{
    public static void Apply(OpenApiSchema schema, FieldRules rules)
    {
        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.String))
        {
            schema.MaxLength ??= rules.MaxLength;
            schema.MinLength ??= rules.MinLength;
            schema.Pattern ??= rules.Pattern;
            if (rules.Enum is { } allowed && schema.Enum is not { Count: > 0 })
            {
                schema.Enum = [.. allowed.Select(a => (JsonNode)JsonValue.Create(a))];
            }
        }
        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            schema.Minimum ??= rules.Minimum?.ToString(CultureInfo.InvariantCulture);
            schema.Maximum ??= rules.Maximum?.ToString(CultureInfo.InvariantCulture);
        }
        if (type.HasFlag(JsonSchemaType.Array))
        {
            schema.MaxItems ??= rules.MaxItems;
            if (rules.MaxItemLength is { } itemLength && schema.Items is OpenApiSchema items)
            {
                items.MaxLength ??= itemLength;
                items.MinLength ??= 1;
            }
        }
    }

    /// <summary>
    /// Limits every answer obeys because every stored value passed the validators: ids are slugs, dates ISO,
    /// and no text is longer than the longest text field the validators accept.
    /// </summary>
    public static void ApplyStoredValueLimits(OpenApiSchema schema, string name, StoredValueKind? kind = null)
    {
        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.String) && schema.Enum is not { Count: > 0 })
        {
            var rules = (kind, name) switch
            {
                (StoredValueKind.EdgeId, _) => new FieldRules(MaxLength: MaxEdgeIdLength),
                (StoredValueKind.RelationshipType, _) => new FieldRules(Enum: [.. RelationshipTypes.ByType.Keys.Order(StringComparer.Ordinal)]),
                (StoredValueKind.Direction, _) => new FieldRules(Enum: [Directions.Out, Directions.In]),
                (_, "id" or "sourceId" or "actorId" or "from" or "to") => new FieldRules(MaxLength: KnowledgeDocumentValidator.MaxIdLength, Pattern: KnowledgeDocumentValidator.IdPattern),
                (_, "label") => new FieldRules(Enum: [.. NodeKinds.All.Select(k => GraphMapping.LabelName(k.Label))]),
                _ => new FieldRules(MaxLength: KnowledgeDocumentValidator.MaxTextLength),
            };
            Apply(schema, rules);
            schema.MaxLength ??= KnowledgeDocumentValidator.MaxTextLength;
        }
        if (type.HasFlag(JsonSchemaType.Integer))
        {
            // Counts, pages and hops: never negative, and int32 by format.
            schema.Minimum ??= "0";
            schema.Maximum ??= int.MaxValue.ToString(CultureInfo.InvariantCulture);
        }
        if (type.HasFlag(JsonSchemaType.Array) && schema.Items is OpenApiSchema { Type: { } itemType } items && itemType.HasFlag(JsonSchemaType.String))
        {
            ApplyStoredValueLimits(items, "");
        }
        if (schema.AdditionalProperties is OpenApiSchema values)
        {
            ApplyStoredValueLimits(values, "");
        }
    }

    /// <summary>An edge id is <c>from:TYPE:to</c>.</summary>
    public static readonly int MaxEdgeIdLength = (2 * KnowledgeDocumentValidator.MaxIdLength) + 2 + RelationshipTypes.ByType.Keys.Max(t => t.Length);
}

using System.Text.Json;

namespace DiplomacyGraph.Storage.Model;

/// <summary>Property values as they travel through JSON: strings, string lists, numbers (double) and booleans.</summary>
public static class PropertyValues
{
    public static object? FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(v => v.ToString()).ToArray(),
        _ => null,
    };

    public static IReadOnlyDictionary<string, object?> FromJsonObject(JsonElement map, ISet<string>? skip = null)
    {
        var result = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            if (skip?.Contains(property.Name) == true || property.Value.ValueKind == JsonValueKind.Null) continue;
            result[property.Name] = FromJson(property.Value);
        }
        return result;
    }

    public static IReadOnlyList<string> Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray() : [];

    /// <summary>Writes values as <see cref="FromJsonObject"/> reads them back: a JSON object of strings, string lists,
    /// numbers and booleans (anything else as <see cref="JsonSerializer"/> writes it).</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> values)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in values)
        {
            writer.WritePropertyName(key);
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case double number:
                    writer.WriteNumberValue(number);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case string[] list:
                    writer.WriteStartArray();
                    foreach (var item in list) writer.WriteStringValue(item);
                    writer.WriteEndArray();
                    break;
                default:
                    JsonSerializer.Serialize(writer, value, value.GetType());
                    break;
            }
        }
        writer.WriteEndObject();
    }
}

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
}

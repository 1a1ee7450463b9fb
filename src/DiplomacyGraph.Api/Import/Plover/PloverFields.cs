using System.Globalization;
using System.Text.Json;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// A PLOVER record's fields, read loosely as its two field sets write them: the current manual's snake_case
/// (<c>event_text</c>, <c>event_loc</c>, <c>entity_text</c>) and v0.5b1's camelCase (<c>eventText</c>, <c>eventLoc</c>,
/// <c>actorText</c>); a field the manual calls a list may be one string, and "" or null means absent.
/// </summary>
internal readonly struct PloverFields(JsonElement record)
{
    public JsonElement Record => record;

    /// <summary>The first of these fields that is present and not empty.</summary>
    public JsonElement? Field(params string[] names)
    {
        foreach (var name in names)
        {
            if (record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) && !IsEmpty(value)) return value;
        }
        return null;
    }

    /// <summary>A text field (a list's first text, a number's digits), trimmed; null when absent or blank.</summary>
    public string? Text(params string[] names) => Field(names) is { } value ? TextOf(value) : null;

    /// <summary>A field that may be one text or a list of texts: every non-blank text, in order.</summary>
    public IReadOnlyList<string> Texts(params string[] names) => Field(names) is { } value ? TextsOf(value) : [];

    /// <summary>An object field (a list's first object).</summary>
    public PloverFields? Object(params string[] names) => Field(names) switch
    {
        { ValueKind: JsonValueKind.Object } value => new PloverFields(value),
        { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => (PloverFields?)new PloverFields(i)).FirstOrDefault(),
        _ => null,
    };

    /// <summary>A list of objects (one object counts as a list of one); other items are left out.</summary>
    public IReadOnlyList<PloverFields> Objects(params string[] names) => Field(names) switch
    {
        { ValueKind: JsonValueKind.Object } value => [new PloverFields(value)],
        { ValueKind: JsonValueKind.Array } list => [.. list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => new PloverFields(i))],
        _ => [],
    };

    /// <summary>A whole number given as a number or as digits ("156"); null, with the text, when it is something else ("Thousands").</summary>
    public (long? Value, string? Unread) Count(params string[] names)
    {
        if (Field(names) is not { } value) return (null, null);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0) return (number, null);
        var text = TextOf(value);
        return long.TryParse(text?.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? (parsed, null) : (null, text ?? value.GetRawText());
    }

    /// <summary>A decimal number given as a number or as text.</summary>
    public double? Number(params string[] names) => Field(names) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } text when double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => null,
    };

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => TextsOf(value) is [var first, ..] ? first : null,
        _ => null,
    };

    private static IReadOnlyList<string> TextsOf(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? [.. value.EnumerateArray().Select(TextOf).OfType<string>()]
        : TextOf(value) is { } one ? [one] : [];
}

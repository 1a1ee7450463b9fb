using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Format;

/// <summary>
/// Checks a JSON value against the shape of the type it will be read into, before it is read, and reports every
/// structural mistake at once: properties the type does not have (names match exactly, case included), properties
/// given twice, values of the wrong JSON type, and missing required properties. The serializer stops at the first
/// of these; a client fixing a body one error per round trip deserves better.
/// </summary>
/// <remarks>
/// The shape comes from the serializer's own contract (<see cref="JsonTypeInfo"/>), so a property added to a record
/// is known here without a second list. Errors are keyed by the path the client wrote: <c>actors[0].ID</c>.
/// </remarks>
public static class JsonShape
{
    /// <summary>The key of an error about the body as a whole (not JSON, or not an object).</summary>
    public const string Root = "body";

    /// <summary>Structural errors of <paramref name="value"/> read as <paramref name="type"/>; empty when it fits.</summary>
    public static Dictionary<string, string[]> Check(JsonElement value, Type type, JsonSerializerOptions options) =>
        Errors(value, type, options).ToDictionary();

    /// <summary>
    /// As <see cref="Check"/>, capped: the first <see cref="FieldErrors.Max"/> messages, and the count of all. Past the
    /// cap the walk only counts (the document is already parsed, so counting costs no memory).
    /// </summary>
    public static FieldErrors Errors(JsonElement value, Type type, JsonSerializerOptions options)
    {
        var errors = new FieldErrors();
        Walk(value, options.GetTypeInfo(type), Root, errors, options);
        return errors;
    }

    /// <summary>The reader settings for <see cref="JsonDocument"/> that match <paramref name="options"/>, keeping duplicates so they can be named.</summary>
    public static JsonDocumentOptions DocumentOptions(JsonSerializerOptions options) => new()
    {
        AllowTrailingCommas = options.AllowTrailingCommas,
        CommentHandling = options.ReadCommentHandling,
        MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
        AllowDuplicateProperties = true,
    };

    /// <summary>What a reader is told when the text is not JSON at all.</summary>
    public static string Describe(JsonException e) => e.LineNumber is { } line
        ? $"The body is not valid JSON (line {line + 1}, position {e.BytePositionInLine + 1})."
        : "The body is not valid JSON.";

    private static void Walk(JsonElement value, JsonTypeInfo type, string path, FieldErrors errors, JsonSerializerOptions options)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (type.Type.IsValueType && Nullable.GetUnderlyingType(type.Type) is null)
            {
                Add(errors, path, $"Expected {Expected(type)}, not null.");
            }
            return;
        }
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                WalkObject(value, type, path, errors, options);
                break;
            case JsonTypeInfoKind.Enumerable when type.ElementType is { } element:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    Add(errors, path, $"Expected {Expected(type)}.");
                    return;
                }
                var elementType = options.GetTypeInfo(element);
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, elementType, $"{Prefix(path)}[{index++}]", errors, options);
                }
                break;
            case JsonTypeInfoKind.Dictionary when type.ElementType is { } element:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    Add(errors, path, $"Expected {Expected(type)}.");
                    return;
                }
                var valueType = options.GetTypeInfo(element);
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in value.EnumerateObject())
                {
                    var entryPath = Member(path, entry.Name);
                    if (!keys.Add(entry.Name))
                    {
                        Add(errors, entryPath, $"'{entry.Name}' is given more than once.");
                        continue;
                    }
                    Walk(entry.Value, valueType, entryPath, errors, options);
                }
                break;
            default:
                WalkValue(value, type, path, errors);
                break;
        }
    }

    private static void WalkObject(JsonElement value, JsonTypeInfo type, string path, FieldErrors errors, JsonSerializerOptions options)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(errors, path, "Expected an object.");
            return;
        }
        var (properties, requiredProperties) = Shapes.GetValue(type, Shape.Of);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = Member(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Add(errors, propertyPath, $"'{property.Name}' is given more than once.");
                continue;
            }
            if (!properties.TryGetValue(property.Name, out var known))
            {
                var near = properties.Keys.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                Add(errors, propertyPath, near is null
                    ? "This property is not part of the format."
                    : $"This property is not part of the format; names are case-sensitive: did you mean '{near}'?");
                continue;
            }
            Walk(property.Value, options.GetTypeInfo(known.PropertyType), propertyPath, errors, options);
        }
        foreach (var required in requiredProperties.Where(p => !seen.Contains(p)))
        {
            if (errors.Full) errors.AddUnlisted();
            else Add(errors, Member(path, required), "This property is required.");
        }
    }

    /// <summary>A single value (string, number, boolean): the serializer itself says whether it fits.</summary>
    private static void WalkValue(JsonElement value, JsonTypeInfo type, string path, FieldErrors errors)
    {
        if (type.Type == typeof(JsonElement) || type.Type == typeof(object))
        {
            return;
        }
        // The common cases decided without the serializer, whose answer to a misfit is an exception: thousands of
        // wrong items (a 400 kB list of numbers where strings go) once cost seconds in exceptions alone.
        if (type.Type == typeof(string))
        {
            if (value.ValueKind != JsonValueKind.String) Misfit(errors, path, type);
            return;
        }
        if ((Nullable.GetUnderlyingType(type.Type) ?? type.Type) == typeof(bool))
        {
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) Misfit(errors, path, type);
            return;
        }
        try
        {
            value.Deserialize(type);
        }
        catch (JsonException)
        {
            Add(errors, path, $"Expected {Expected(type)}.");
        }
        catch (InvalidOperationException)
        {
            Add(errors, path, $"Expected {Expected(type)}.");
        }
    }

    private static string Expected(JsonTypeInfo type)
    {
        var t = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        return type.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object => "an object",
            _ when t == typeof(string) => "a string",
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => "a whole number",
            _ when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "a number",
            _ => $"a value of type {t.Name}",
        };
    }

    private static string Prefix(string path) => path == Root ? string.Empty : path;

    private static string Member(string path, string name) => path == Root ? name : $"{path}.{name}";

    private static void Add(FieldErrors errors, string path, string message) => errors.Add(path, message);

    /// <summary>A value of the wrong JSON type; past the cap only counted, so a list of a million misfits builds no text.</summary>
    private static void Misfit(FieldErrors errors, string path, JsonTypeInfo type)
    {
        if (errors.Full) errors.AddUnlisted();
        else Add(errors, path, $"Expected {Expected(type)}.");
    }

    /// <summary>An object type's settable properties by name, and its required ones: worked out once per type, not per object.</summary>
    private sealed record Shape(Dictionary<string, JsonPropertyInfo> Properties, string[] Required)
    {
        public static Shape Of(JsonTypeInfo type)
        {
            var properties = type.Properties.Where(p => p.Set is not null || p.IsRequired).ToDictionary(p => p.Name, StringComparer.Ordinal);
            return new(properties, [.. properties.Values.Where(p => p.IsRequired).Select(p => p.Name)]);
        }
    }

    private static readonly ConditionalWeakTable<JsonTypeInfo, Shape> Shapes = new();
}

using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// FollowTheMoney's reader: one JSON object a line, either an entity (id, schema, properties, datasets, caption,
/// referents and the seen-times; other fields ignored) or an OpenSanctions delta record
/// <c>{"op": "ADD"|"MOD"|"DEL", "entity": {…}}</c>. It streams: one line at a time is in memory, never the file.
/// </summary>
internal static class FtmReader
{
    /// <summary>The longest line read; a longer one is a malformed line (real entities are a few kilobytes).</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private static readonly string[] SeenFields = ["last_change", "last_seen", "first_seen"];

    /// <summary>
    /// The non-empty lines of a stream, each read into an entity or a problem; the stream stays open. A line that
    /// <paramref name="wanted"/> (given its number) passes over is not parsed: it comes with neither entity nor problem.
    /// </summary>
    public static async IAsyncEnumerable<FtmLine> Lines(Stream stream, [EnumeratorCancellation] CancellationToken ct, Func<int, bool>? wanted = null)
    {
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 1 << 16, leaveOpen: true));
        var lines = new NdjsonLines(pipe, MaxLineBytes, long.MaxValue);
        await foreach (var line in lines.Read((number, bytes) => wanted is null || wanted(number) ? Parse(bytes) : default, ct))
        {
            yield return line.TooLarge
                ? new FtmLine(line.Number, FtmOp.Upsert, null, $"The line is longer than {MaxLineBytes} bytes.")
                : line.Problem is { } problem ? new FtmLine(line.Number, FtmOp.Upsert, null, problem)
                : line.Value with { Number = line.Number, Entity = line.Value.Entity is { } e ? e with { Line = line.Number } : null };
        }
        await pipe.CompleteAsync();
    }

    private static FtmLine Parse(ReadOnlySequence<byte> bytes)
    {
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("A line must hold one JSON object (an entity).");
            if (root.TryGetProperty("op", out var op))
            {
                // An OpenSanctions delta record: the entity is inside it.
                var verb = op.ValueKind == JsonValueKind.String ? op.GetString() : null;
                if (verb is not ("ADD" or "MOD" or "DEL")) return Fail("A delta record's 'op' must be \"ADD\", \"MOD\" or \"DEL\".");
                if (!root.TryGetProperty("entity", out var inner) || inner.ValueKind != JsonValueKind.Object) return Fail("A delta record needs an 'entity' object.");
                return Entity(inner, verb == "DEL" ? FtmOp.Delete : FtmOp.Upsert);
            }
            return Entity(root, FtmOp.Upsert);
        }
        catch (JsonException e)
        {
            return Fail($"Not a JSON object: {e.Message}");
        }
    }

    private static FtmLine Entity(JsonElement root, FtmOp op)
    {
        var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var schema = root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (string.IsNullOrWhiteSpace(id)) return Fail("The entity has no 'id' string.");
        // A DEL names the entity by id; nothing else of it matters.
        if (op == FtmOp.Delete) return new FtmLine(0, op, new FtmEntity(id!, schema ?? "", [], Strings(root, "datasets") ?? [], 0, []) { DatasetsGiven = Strings(root, "datasets") is { Count: > 0 } }, null);
        if (string.IsNullOrWhiteSpace(schema)) return Fail($"The entity '{id}' has no 'schema' string.");
        var properties = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (root.TryGetProperty("properties", out var p))
        {
            if (p.ValueKind != JsonValueKind.Object) return Fail($"The entity '{id}' has 'properties' that are not an object.");
            foreach (var property in p.EnumerateObject())
            {
                if (Strings(property.Value) is not { } values) return Fail($"The entity '{id}' has property '{property.Name}' that is not a list of strings.");
                properties[property.Name] = values;
            }
        }
        var datasets = Strings(root, "datasets");
        if (datasets is null && root.TryGetProperty("datasets", out _)) return Fail($"The entity '{id}' has 'datasets' that are not a list of strings.");
        var given = datasets is { Count: > 0 };
        if (!given) datasets = ["default"];
        var seen = SeenFields
            .Select(key => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? FtmValues.LocalDateTime(v.GetString()) : null)
            .OfType<string>().ToList();
        var caption = root.TryGetProperty("caption", out var c) && c.ValueKind == JsonValueKind.String && c.GetString()!.Trim() is { Length: > 0 } text ? text : null;
        return new FtmLine(0, op, new FtmEntity(id!, schema!, properties, datasets!, 0, seen)
        {
            Caption = caption, Referents = Strings(root, "referents") ?? [], DatasetsGiven = given,
            FirstSeen = root.TryGetProperty("first_seen", out var f) && f.ValueKind == JsonValueKind.String ? FtmValues.Date(f.GetString()) : null,
        }, null);
    }

    /// <summary>A property's values, trimmed, non-empty and distinct; null when it is not a list of strings.</summary>
    private static List<string>? Strings(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array) return null;
        var values = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return null;
            var value = item.GetString()!.Trim();
            if (value.Length > 0 && !values.Contains(value, StringComparer.Ordinal)) values.Add(value);
        }
        return values;
    }

    private static List<string>? Strings(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? Strings(value) : null;

    private static FtmLine Fail(string problem) => new(0, FtmOp.Upsert, null, problem);
}

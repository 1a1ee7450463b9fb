using System.Text.Json;

namespace DiplomacyGraph.Api.Import;

/// <summary>The entities of a file, by id (fragments unioned), the schemata skipped, or the lines at fault.</summary>
internal sealed record FtmEntities(Dictionary<string, FtmEntity> ById, SortedDictionary<string, int> Skipped, Dictionary<string, string[]> Errors);

/// <summary>
/// FollowTheMoney's reader: one JSON object a line (id, schema, properties, datasets, and the seen-times; other fields
/// ignored). Entities of schemata the import does not read are only counted.
/// </summary>
internal static class FtmReader
{
    private static readonly string[] SeenFields = ["last_change", "last_seen", "first_seen"];

    public static async Task<FtmEntities> Read(TextReader reader, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var entities = new Dictionary<string, FtmEntity>(StringComparer.Ordinal);
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (lineNumber > FollowTheMoney.MaxLines)
            {
                errors[$"line {lineNumber}"] = [$"A FollowTheMoney import takes at most {FollowTheMoney.MaxLines} lines."];
                break;
            }
            if (Parse(line, lineNumber, out var problem) is not { } entity)
            {
                errors[$"line {lineNumber}"] = [problem!];
                continue;
            }
            if (!FollowTheMoney.Schemata.Contains(entity.Schema))
            {
                skipped[entity.Schema] = skipped.GetValueOrDefault(entity.Schema) + 1;
                continue;
            }
            if (entities.TryGetValue(entity.Id, out var earlier))
            {
                // Exports may give an entity in fragments: their values are unioned.
                foreach (var (key, values) in entity.Properties)
                {
                    var list = earlier.Properties.TryGetValue(key, out var l) ? l : earlier.Properties[key] = [];
                    list.AddRange(values.Where(v => !list.Contains(v)));
                }
                earlier.Datasets.AddRange(entity.Datasets.Where(d => !earlier.Datasets.Contains(d)));
                earlier.Seen.AddRange(entity.Seen);
                continue;
            }
            entities[entity.Id] = entity;
        }
        return new FtmEntities(entities, skipped, errors);
    }

    private static FtmEntity? Parse(string line, int number, out string? problem)
    {
        problem = null;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("A line must hold one JSON object (an entity).", out problem);
            var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var schema = root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (string.IsNullOrWhiteSpace(id)) return Fail("The entity has no 'id' string.", out problem);
            if (string.IsNullOrWhiteSpace(schema)) return Fail($"The entity '{id}' has no 'schema' string.", out problem);
            var properties = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (root.TryGetProperty("properties", out var p))
            {
                if (p.ValueKind != JsonValueKind.Object) return Fail($"The entity '{id}' has 'properties' that are not an object.", out problem);
                foreach (var property in p.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                    {
                        return Fail($"The entity '{id}' has property '{property.Name}' that is not a list of strings.", out problem);
                    }
                    properties[property.Name] = [.. property.Value.EnumerateArray().Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
                }
            }
            var datasets = new List<string>();
            if (root.TryGetProperty("datasets", out var d))
            {
                if (d.ValueKind != JsonValueKind.Array || d.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    return Fail($"The entity '{id}' has 'datasets' that are not a list of strings.", out problem);
                }
                datasets.AddRange(d.EnumerateArray().Select(v => v.GetString()!).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal));
            }
            if (datasets.Count == 0) datasets.Add("default");
            var seen = SeenFields
                .Select(key => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? FtmValues.LocalDateTime(v.GetString()) : null)
                .OfType<string>().ToList();
            var firstSeen = root.TryGetProperty("first_seen", out var f) && f.ValueKind == JsonValueKind.String ? FtmValues.Date(f.GetString()) : null;
            return new FtmEntity(id!, schema!, properties, datasets, number, seen) .WithHeader(root) with { FirstSeen = firstSeen };
        }
        catch (JsonException e)
        {
            return Fail($"Not a JSON object: {e.Message}", out problem);
        }

        static FtmEntity? Fail(string message, out string? problem)
        {
            problem = message;
            return null;
        }
    }
}

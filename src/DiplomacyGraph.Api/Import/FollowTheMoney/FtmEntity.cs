using System.Text.Json;

namespace DiplomacyGraph.Api.Import;

/// <summary>One FollowTheMoney entity as read: its properties' values (trimmed, distinct), datasets, line and seen-times.</summary>
internal sealed record FtmEntity(string Id, string Schema, Dictionary<string, List<string>> Properties, List<string> Datasets, int Line, List<string> Seen)
{
    /// <summary>The entity's display name as FollowTheMoney chose it (<c>caption</c>, outside the properties), if given.</summary>
    public string? Caption { get; init; }

    /// <summary>The ids this entity replaced when its publisher merged records (<c>referents</c>, outside the properties).</summary>
    public IReadOnlyList<string> Referents { get; init; } = [];

    /// <summary>The day the entity was first seen in its source (the top-level <c>first_seen</c>), when the line gives it.</summary>
    public string? FirstSeen { get; init; }

    public string? First(string property) => Properties.TryGetValue(property, out var values) ? values.FirstOrDefault() : null;

    public List<string> All(string property) => Properties.TryGetValue(property, out var values) ? values : [];

    /// <summary>The entity with the top-level fields read beside its properties: <c>caption</c> and <c>referents</c> (non-strings ignored).</summary>
    public FtmEntity WithHeader(JsonElement root) => this with
    {
        Caption = root.TryGetProperty("caption", out var c) && c.ValueKind == JsonValueKind.String && c.GetString()!.Trim() is { Length: > 0 } caption ? caption : null,
        Referents = root.TryGetProperty("referents", out var r) && r.ValueKind == JsonValueKind.Array
            ? [.. r.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)]
            : [],
    };
}

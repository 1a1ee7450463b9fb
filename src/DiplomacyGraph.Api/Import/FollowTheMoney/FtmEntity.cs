using System.Text.Json;

namespace DiplomacyGraph.Api.Import;

/// <summary>One FollowTheMoney entity as read: its properties' values (trimmed, distinct), datasets, line and seen-times.</summary>
internal sealed record FtmEntity(string Id, string Schema, Dictionary<string, List<string>> Properties, List<string> Datasets, int Line, List<string> Seen)
{
    /// <summary>FollowTheMoney's display name (the top-level <c>caption</c>), when the line has one.</summary>
    public string? Caption { get; init; }

    /// <summary>The ids this entity replaced (the top-level <c>referents</c>).</summary>
    public List<string> Referents { get; init; } = [];

    /// <summary>Whether the line named its datasets (a delta DEL names none: the import's dataset applies).</summary>
    public bool DatasetsGiven { get; init; } = true;

    /// <summary>The day the entity was first seen in its source (the top-level <c>first_seen</c>), when the line gives it.</summary>
    public string? FirstSeen { get; init; }

    public string? First(string property) => Properties.TryGetValue(property, out var values) ? values.FirstOrDefault() : null;

    public List<string> All(string property) => Properties.TryGetValue(property, out var values) ? values : [];

}

/// <summary>What a line asks: an entity as it is now (a plain export line, or a delta's ADD or MOD), or a delta's DEL.</summary>
internal enum FtmOp
{
    Upsert,
    Delete,
}

/// <summary>One non-empty line as read: the entity and what to do with it, or why the line cannot be read.</summary>
internal readonly record struct FtmLine(int Number, FtmOp Op, FtmEntity? Entity, string? Problem);

namespace DiplomacyGraph.Api.Import;

/// <summary>One FollowTheMoney entity as read: its properties' values (trimmed, distinct), datasets, line and seen-times.</summary>
internal sealed record FtmEntity(string Id, string Schema, Dictionary<string, List<string>> Properties, List<string> Datasets, int Line, List<string> Seen)
{
    /// <summary>The day the entity was first seen in its source (the top-level <c>first_seen</c>), when the line gives it.</summary>
    public string? FirstSeen { get; init; }

    public string? First(string property) => Properties.TryGetValue(property, out var values) ? values.FirstOrDefault() : null;

    public List<string> All(string property) => Properties.TryGetValue(property, out var values) ? values : [];
}

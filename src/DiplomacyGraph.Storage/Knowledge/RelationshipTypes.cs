namespace DiplomacyGraph.Storage.Knowledge;

/// <summary>One allowed relationship type: which node labels it joins and which properties it may carry.</summary>
public sealed record RelationshipRule(
    string Type,
    string Meaning,
    IReadOnlySet<NodeLabel> From,
    IReadOnlySet<NodeLabel> To,
    IReadOnlySet<string> Properties);

/// <summary>
/// The allow-list of relationship types. Stores interpolate relationship types into Cypher only from
/// this table, never from request text.
/// </summary>
public static class RelationshipTypes
{
    private static HashSet<NodeLabel> L(params NodeLabel[] labels) => [.. labels];
    private static HashSet<string> P(params string[] names) => new(names, StringComparer.Ordinal);

    private static readonly NodeLabel[] Facts =
        [NodeLabel.Actor, NodeLabel.Event, NodeLabel.Sanction, NodeLabel.Statement, NodeLabel.Place, NodeLabel.Figure, NodeLabel.Program];

    public static readonly IReadOnlyList<RelationshipRule> All =
    [
        new("HOLDS_OFFICE", "a person holds an office in a country or organization", L(NodeLabel.Actor), L(NodeLabel.Actor), P("title", "status", "since", "until")),
        new("MEMBER_OF", "an actor belongs to an organization", L(NodeLabel.Actor), L(NodeLabel.Actor), P("role", "since", "until")),
        new("PART_OF", "an organization is part of a country or organization", L(NodeLabel.Actor), L(NodeLabel.Actor), P()),
        new("ORIGINATES_FROM", "a person is of a country's origin", L(NodeLabel.Actor), L(NodeLabel.Actor), P()),
        new("CRITIC_OF", "an actor is a public critic or detractor of another", L(NodeLabel.Actor), L(NodeLabel.Actor), P("since", "until")),
        new("IN_TENSION_WITH", "two actors are in open tension", L(NodeLabel.Actor), L(NodeLabel.Actor), P("since", "until")),
        new("PARTICIPATED_IN", "an actor took part in an event, on a side and in a role", L(NodeLabel.Actor), L(NodeLabel.Event), P("role", "side", "title")),
        new("CALLED_FOR", "an actor called for an event to happen", L(NodeLabel.Actor), L(NodeLabel.Event), P()),
        new("TARGETED", "an event was directed against an actor", L(NodeLabel.Event), L(NodeLabel.Actor), P("role")),
        new("OCCURRED_IN", "an event took place at a place", L(NodeLabel.Event), L(NodeLabel.Place), P()),
        new("DESTINATION", "a trip went to a place", L(NodeLabel.Event), L(NodeLabel.Place), P()),
        new("PRECEDED", "an event came before another and led to it", L(NodeLabel.Event), L(NodeLabel.Event), P()),
        new("LOCATED_IN", "a place lies in a place or country", L(NodeLabel.Place), L(NodeLabel.Place, NodeLabel.Actor), P()),
        new("IMPOSED", "an actor imposed a sanction", L(NodeLabel.Actor), L(NodeLabel.Sanction), P("date")),
        new("TARGETS", "a sanction is imposed on an actor", L(NodeLabel.Sanction), L(NodeLabel.Actor), P("scope")),
        new("SAID", "an actor made a statement", L(NodeLabel.Actor), L(NodeLabel.Statement), P()),
        new("ABOUT", "a statement or figure is about something", L(NodeLabel.Statement, NodeLabel.Figure), L(Facts), P()),
        new("ADDRESSED_TO", "a statement was addressed to an actor", L(NodeLabel.Statement), L(NodeLabel.Actor), P()),
        new("MADE_AT", "a statement was made at or right after an event", L(NodeLabel.Statement), L(NodeLabel.Event), P("timing")),
        new("REPORTED", "an actor published a figure", L(NodeLabel.Actor), L(NodeLabel.Figure), P()),
        new("RUNS", "an actor runs a program", L(NodeLabel.Actor), L(NodeLabel.Program), P()),
    ];

    public static readonly IReadOnlyDictionary<string, RelationshipRule> ByType =
        All.ToDictionary(r => r.Type, StringComparer.Ordinal);

    public static bool IsKnown(string? type) => type is not null && ByType.ContainsKey(type);
}

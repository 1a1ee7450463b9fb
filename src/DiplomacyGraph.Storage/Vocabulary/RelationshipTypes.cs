namespace DiplomacyGraph.Storage.Vocabulary;

/// <summary>
/// One allowed relationship type: which node labels it joins and which properties it may carry. This is the one
/// table of relationship types: the validator, the stores' Cypher, the Cypher linter's allow-list file, the path
/// preferences, the OpenAPI enums and the FollowTheMoney mapping all read it (RelationshipRegistryTests checks each).
/// </summary>
/// <param name="Type">The type as stored, e.g. <c>FAMILY_OF</c>.</param>
/// <param name="Meaning">How <c>A TYPE B</c> reads.</param>
/// <param name="From">Labels it may start at.</param>
/// <param name="To">Labels it may end at.</param>
/// <param name="Properties">The properties it may carry.</param>
/// <param name="PathRank">Among shortest paths of the same node labels, lower ranks are preferred (a shared event says more than a critic's tie).</param>
/// <param name="Values">Properties whose values come from a closed list.</param>
/// <param name="Required">Properties every relationship of this type must carry.</param>
/// <param name="PersonsOnly">Both ends must be actors of kind person.</param>
/// <param name="SymmetricWhen">Whether a relationship with these properties reads the same both ways; symmetric ones are stored once, from the smaller id to the greater.</param>
public sealed record RelationshipRule(
    string Type,
    string Meaning,
    IReadOnlySet<NodeLabel> From,
    IReadOnlySet<NodeLabel> To,
    IReadOnlySet<string> Properties,
    int PathRank = 5,
    IReadOnlyDictionary<string, IReadOnlySet<string>>? Values = null,
    IReadOnlySet<string>? Required = null,
    bool PersonsOnly = false,
    Func<IReadOnlyDictionary<string, string>, bool>? SymmetricWhen = null)
{
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ValueLists { get; } = Values ?? new Dictionary<string, IReadOnlySet<string>>();
    public IReadOnlySet<string> RequiredProperties { get; } = Required ?? new HashSet<string>();

    public bool IsSymmetric(IReadOnlyDictionary<string, string> properties) => SymmetricWhen?.Invoke(properties) ?? false;
}

/// <summary>The <c>relation</c> values of <c>FAMILY_OF</c>: <c>A FAMILY_OF B {relation: child}</c> reads "A is B's child".</summary>
public static class FamilyRelations
{
    public const string Spouse = "spouse", Child = "child", Parent = "parent", Sibling = "sibling", Relative = "relative";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Spouse, Child, Parent, Sibling, Relative };

    /// <summary>Relations that read the same both ways.</summary>
    public static readonly IReadOnlySet<string> Symmetric = new HashSet<string>(StringComparer.Ordinal) { Spouse, Sibling, Relative };

    /// <summary>What the relation is seen from the other end: A is B's child, so B is A's parent.</summary>
    public static string Inverse(string relation) => relation switch
    {
        Child => Parent,
        Parent => Child,
        _ => relation,
    };
}

/// <summary>
/// The allow-list of relationship types. Stores interpolate relationship types into Cypher only from
/// this table, never from request text.
/// </summary>
public static class RelationshipTypes
{
    // The type names: code names a type only through these constants (RelationshipRegistryTests holds src/ to that).
    public const string HoldsOffice = "HOLDS_OFFICE";
    public const string MemberOf = "MEMBER_OF";
    public const string PartOf = "PART_OF";
    public const string OriginatesFrom = "ORIGINATES_FROM";
    public const string CriticOf = "CRITIC_OF";
    public const string InTensionWith = "IN_TENSION_WITH";
    public const string FamilyOf = "FAMILY_OF";
    public const string AssociateOf = "ASSOCIATE_OF";
    public const string ParticipatedIn = "PARTICIPATED_IN";
    public const string CalledFor = "CALLED_FOR";
    public const string Targeted = "TARGETED";
    public const string OccurredIn = "OCCURRED_IN";
    public const string Destination = "DESTINATION";
    public const string Preceded = "PRECEDED";
    public const string LocatedIn = "LOCATED_IN";
    public const string Imposed = "IMPOSED";
    public const string Targets = "TARGETS";
    public const string Said = "SAID";
    public const string About = "ABOUT";
    public const string AddressedTo = "ADDRESSED_TO";
    public const string MadeAt = "MADE_AT";
    public const string Reported = "REPORTED";
    public const string Runs = "RUNS";
    public const string Owns = "OWNS";
    public const string DirectorOf = "DIRECTOR_OF";
    public const string LinkedTo = "LINKED_TO";
    public const string Paid = "PAID";
    public const string UnderProgram = "UNDER_PROGRAM";

    private static HashSet<NodeLabel> L(params NodeLabel[] labels) => [.. labels];
    private static HashSet<string> P(params string[] names) => new(names, StringComparer.Ordinal);

    /// <summary>A participant's <c>sector</c> is one of PLOVER's sector codes.</summary>
    private static Dictionary<string, IReadOnlySet<string>> SectorValues => new() { ["sector"] = new HashSet<string>(Plover.Sectors.Select(s => s.Code), StringComparer.Ordinal) };

    private static readonly NodeLabel[] Facts = [.. NodeKinds.Facts.Select(k => k.Label)];

    public static readonly IReadOnlyList<RelationshipRule> All =
    [
        new(HoldsOffice, "a person holds an office in a country or organization", L(NodeLabel.Actor), L(NodeLabel.Actor), P("title", "status", "since", "until")),
        new(MemberOf, "an actor belongs to an organization", L(NodeLabel.Actor), L(NodeLabel.Actor), P("role", "since", "until")),
        new(PartOf, "an organization is part of a country or organization", L(NodeLabel.Actor), L(NodeLabel.Actor), P()),
        new(OriginatesFrom, "a person is of a country's origin", L(NodeLabel.Actor), L(NodeLabel.Actor), P()),
        new(CriticOf, "an actor is a public critic or detractor of another", L(NodeLabel.Actor), L(NodeLabel.Actor), P("since", "until"), PathRank: 6),
        new(InTensionWith, "two actors are in open tension", L(NodeLabel.Actor), L(NodeLabel.Actor), P("since", "until"), PathRank: 6),
        new(FamilyOf, "a person is family of another: A FAMILY_OF B {relation: child} reads \"A is B's child\"",
            L(NodeLabel.Actor), L(NodeLabel.Actor), P("relation", "since", "until"), PathRank: 2,
            Values: new Dictionary<string, IReadOnlySet<string>> { ["relation"] = FamilyRelations.All },
            Required: P("relation"), PersonsOnly: true,
            SymmetricWhen: p => p.TryGetValue("relation", out var relation) && FamilyRelations.Symmetric.Contains(relation)),
        new(AssociateOf, "two persons are close associates (relation: how, in the source's words)",
            L(NodeLabel.Actor), L(NodeLabel.Actor), P("relation", "since", "until"), PathRank: 3, PersonsOnly: true,
            SymmetricWhen: _ => true),
        new(ParticipatedIn, "an actor took part in an event, on a side and in a role, with its PLOVER sector (GOV, MIL, …; originalSector as a source coded it)",
            L(NodeLabel.Actor), L(NodeLabel.Event), P("role", "side", "title", "sector", "originalSector"), PathRank: 0, Values: SectorValues),
        new(CalledFor, "an actor called for an event to happen", L(NodeLabel.Actor), L(NodeLabel.Event), P()),
        new(Targeted, "an event was directed against an actor (PLOVER's recipient), with its PLOVER sector",
            L(NodeLabel.Event), L(NodeLabel.Actor), P("role", "sector", "originalSector"), Values: SectorValues),
        new(OccurredIn, "an event took place at a place", L(NodeLabel.Event), L(NodeLabel.Place), P()),
        new(Destination, "a trip went to a place", L(NodeLabel.Event), L(NodeLabel.Place), P()),
        new(Preceded, "an event came before another and led to it", L(NodeLabel.Event), L(NodeLabel.Event), P()),
        new(LocatedIn, "a place lies in a place or country", L(NodeLabel.Place), L(NodeLabel.Place, NodeLabel.Actor), P()),
        new(Imposed, "an actor imposed a sanction", L(NodeLabel.Actor), L(NodeLabel.Sanction), P("date")),
        new(Targets, "a sanction is imposed on an actor", L(NodeLabel.Sanction), L(NodeLabel.Actor), P("scope")),
        new(Said, "an actor made a statement", L(NodeLabel.Actor), L(NodeLabel.Statement), P()),
        new(About, "a statement or figure is about something", L(NodeLabel.Statement, NodeLabel.Figure), L(Facts), P()),
        new(AddressedTo, "a statement was addressed to an actor", L(NodeLabel.Statement), L(NodeLabel.Actor), P()),
        new(MadeAt, "a statement was made at or right after an event", L(NodeLabel.Statement), L(NodeLabel.Event), P("timing")),
        new(Reported, "an actor published a figure", L(NodeLabel.Actor), L(NodeLabel.Figure), P()),
        new(Runs, "an actor runs a program", L(NodeLabel.Actor), L(NodeLabel.Program), P()),
        // Money and control (FollowTheMoney's Ownership, Directorship, UnknownLink/Representation and Payment): as
        // telling as a family tie when asking how two actors are connected, a bare "linked to" less so. Ownership says
        // most of them: an owner who also sits on the board is connected first through what they own.
        new(Owns, "an actor owns (a share of) another: percentage and shares held, from start to end, relation in the source's words",
            L(NodeLabel.Actor), L(NodeLabel.Actor), P("percentage", "shares", "start", "end", "relation"), PathRank: 1),
        new(DirectorOf, "an actor directs or manages an organization, in a role, from start to end",
            L(NodeLabel.Actor), L(NodeLabel.Actor), P("role", "start", "end"), PathRank: 2),
        new(LinkedTo, "an actor is linked to another in a way the source does not classify, or represents it (role: how)",
            L(NodeLabel.Actor), L(NodeLabel.Actor), P("role"), PathRank: 4),
        new(Paid, "an actor paid another: amount and currency, on a date, for a purpose",
            L(NodeLabel.Actor), L(NodeLabel.Actor), P("amount", "currency", "date", "purpose"), PathRank: 3),
        new(UnderProgram, "a sanction was imposed under a sanctions programme", L(NodeLabel.Sanction), L(NodeLabel.Program), P()),
    ];

    public static readonly IReadOnlyDictionary<string, RelationshipRule> ByType =
        All.ToDictionary(r => r.Type, StringComparer.Ordinal);

    public static bool IsKnown(string? type) => type is not null && ByType.ContainsKey(type);

    /// <summary>
    /// The stored ends of a relationship: a symmetric one (a spouse, an associate) runs from the smaller id to the
    /// greater, so that "A spouse of B" and "B spouse of A" are one relationship.
    /// </summary>
    public static (string From, string To) Canonical(string type, string from, string to, IReadOnlyDictionary<string, string> properties) =>
        ByType.TryGetValue(type, out var rule) && rule.IsSymmetric(properties) && string.CompareOrdinal(from, to) > 0
            ? (to, from)
            : (from, to);
}

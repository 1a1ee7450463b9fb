namespace DiplomacyGraph.Storage.Vocabulary;

/// <summary>The kinds of actor.</summary>
public static class ActorKinds
{
    public const string Person = "person";
    public const string Country = "country";
    public const string Organization = "organization";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Person, Country, Organization };
}

/// <summary>
/// Event kinds: the PLOVER event types (https://github.com/openeventdata/PLOVER), plus TRAVEL,
/// which PLOVER has no type for but which news reports as an event of its own (a leader's trip).
/// </summary>
public static class EventKinds
{
    // TODO(#19 conformity): Vocabulary.Plover.Types alone; the three old drafts' kinds go once the seed is re-coded.
    public static readonly IReadOnlySet<string> Plover = new HashSet<string>(
        Vocabulary.Plover.Types.Select(t => t.Name).Concat(["DEMAND", "DISAPPROVE", "INVESTIGATE"]), StringComparer.Ordinal);

    public const string Travel = "TRAVEL";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(Plover.Append(Travel), StringComparer.Ordinal);
}

/// <summary>
/// How a source's facts were made: <c>curated</c> by a person reading the text (knowledge documents, hand-coded records
/// such as PLOVER's gold standard, sanctions lists) or <c>coded</c> by a machine (GDELT). A source without one is curated.
/// </summary>
public static class SourceProvenance
{
    public const string Curated = "curated", Coded = "coded";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Curated, Coded };
}

/// <summary>Kinds of sanction and restriction.</summary>
public static class SanctionKinds
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "financial", "visa-revocation", "travel-ban", "restrictions-on-government-members",
        "restrictions-on-family-members", "trade", "arms-embargo", "certification-denial", "other",
    };
}

/// <summary>Where a sanction stands.</summary>
public static class SanctionStatuses
{
    public const string Active = "active", Lifted = "lifted", Expired = "expired";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Active, Lifted, Expired };
}

/// <summary>How a statement reached the record.</summary>
public static class StatementMedia
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "spoken", "spoken-to-journalists", "written", "inscription", "reported", "data-release",
    };
}

/// <summary>Which way a relationship runs, seen from one of its ends.</summary>
public static class Directions
{
    public const string Out = "out";
    public const string In = "in";
    public const string Both = "both";
}

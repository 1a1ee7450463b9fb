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
/// Event kinds: exactly the event types of the current PLOVER manual (<see cref="Vocabulary.Plover.Types"/>), plus TRAVEL,
/// which the manual has no type for (it codes the visit at the destination as CONSULT, mode visit) but which news reports
/// as an event of its own (a leader's trip). Older drafts' types (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) are not kinds:
/// imports and the migrations re-code them through <see cref="Vocabulary.Plover.Recode"/>, keeping the original.
/// </summary>
public static class EventKinds
{
    public static readonly IReadOnlySet<string> Plover = new HashSet<string>(Vocabulary.Plover.Types.Select(t => t.Name), StringComparer.Ordinal);

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

using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Format;

/// <summary>
/// A knowledge document: everything one source tells, as typed nodes and typed relationships.
/// It is the seed format and the import format; <c>seed/README.md</c> documents it.
/// </summary>
public sealed record KnowledgeDocument
{
    /// <summary>The source every fact in this document comes from.</summary>
    public required SourceRecord Source { get; init; }
    public IReadOnlyList<ActorRecord> Actors { get; init; } = [];
    public IReadOnlyList<PlaceRecord> Places { get; init; } = [];
    public IReadOnlyList<EventRecord> Events { get; init; } = [];
    public IReadOnlyList<SanctionRecord> Sanctions { get; init; } = [];
    public IReadOnlyList<StatementRecord> Statements { get; init; } = [];
    public IReadOnlyList<FigureRecord> Figures { get; init; } = [];
    public IReadOnlyList<ProgramRecord> Programs { get; init; } = [];
    public IReadOnlyList<RelationshipRecord> Relationships { get; init; } = [];
    /// <summary>Entity-resolution judgements, recorded before the document's facts (an export's first documents carry them).</summary>
    public IReadOnlyList<JudgementRecord> Judgements { get; init; } = [];
}

/// <summary>A source: an article, report or transcript.</summary>
public sealed record SourceRecord : ISourceFields
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>The outlet that published it, e.g. <c>vermelho.org.br</c>.</summary>
    public required string Outlet { get; init; }
    public string? Url { get; init; }
    /// <summary>ISO-8601 local date-time of publication, e.g. <c>2026-02-04T11:20</c>.</summary>
    public required string Published { get; init; }
    public string? Edited { get; init; }
    public string? Language { get; init; }
    /// <summary>The file the text was taken from, when it came as a file.</summary>
    public string? File { get; init; }
    /// <summary>curated (read by a person; the default) or coded (machine-coded, as GDELT is).</summary>
    public string? Provenance { get; init; }
}

public sealed record ActorRecord : IActorFields
{
    public required string Id { get; init; }
    /// <summary>person, country or organization.</summary>
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Weak aliases: short or common names (an acronym, a nickname) that find the actor but identify it weakly.</summary>
    public IReadOnlyList<string> WeakAliases { get; init; } = [];
    public string? Description { get; init; }
    /// <summary>Topic codes as FollowTheMoney gives them: <c>sanction</c>, <c>role.pep</c>, <c>crime.terror</c>, …</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Identifiers: passport, national id, tax, registration, INN, OGRN, Wikidata, … numbers.</summary>
    public IReadOnlyList<IdentifierRecord> Identifiers { get; init; } = [];
    /// <summary>ISO-8601 date of birth (yyyy-MM-dd, yyyy-MM or yyyy), for persons.</summary>
    public string? BirthDate { get; init; }
    public string? BirthPlace { get; init; }
    /// <summary>male, female or other, as the source gives it.</summary>
    public string? Gender { get; init; }
    /// <summary>Lower-case country codes (ISO 3166-1 alpha-2 or FollowTheMoney territory codes).</summary>
    public IReadOnlyList<string> Nationalities { get; init; } = [];
    /// <summary>Ids of records this actor replaced (FollowTheMoney <c>referents</c>), kept for entity resolution; not shown by the API.</summary>
    public IReadOnlyList<string> Referents { get; init; } = [];
    public required string Evidence { get; init; }
}

/// <summary>One identifier of an actor: its scheme (e.g. <c>passport</c>, <c>inn</c>), its value, and the issuing country where known.</summary>
public sealed record IdentifierRecord
{
    /// <summary>wikidata, passport, national-id, tax, registration, inn, ogrn, lei, vat, swift, imo, …</summary>
    public required string Scheme { get; init; }
    public required string Value { get; init; }
    /// <summary>The issuing country's lower-case code, where known.</summary>
    public string? Country { get; init; }

    /// <summary>The stored form, <c>scheme|country|value</c> (country empty when unknown).</summary>
    public string ToStored() => $"{Scheme}|{Country}|{Value}";

    /// <summary>An identifier from its stored form; null when the text is not one.</summary>
    public static IdentifierRecord? FromStored(string stored)
    {
        var parts = stored.Split('|', 3);
        return parts.Length == 3 ? new IdentifierRecord { Scheme = parts[0], Country = parts[1].Length == 0 ? null : parts[1], Value = parts[2] } : null;
    }
}

public sealed record PlaceRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Description { get; init; }
    /// <summary>Latitude in decimal degrees, where known.</summary>
    public double? Latitude { get; init; }
    /// <summary>Longitude in decimal degrees, where known.</summary>
    public double? Longitude { get; init; }
    /// <summary>The lower-case ISO 3166-1 alpha-2 code of the country it lies in, where known.</summary>
    public string? Country { get; init; }
    public required string Evidence { get; init; }
}

public sealed record EventRecord : IEventFields
{
    public required string Id { get; init; }
    /// <summary>A PLOVER event type (CONSULT, SANCTION, ASSAULT, PROTEST, …) or TRAVEL.</summary>
    public required string Kind { get; init; }
    /// <summary>One of the PLOVER type's modes (CONSULT: visit, third-party, multilateral, phone; …).</summary>
    public string? Mode { get; init; }
    public required string Title { get; init; }
    /// <summary>ISO-8601 date (yyyy-MM-dd, yyyy-MM or yyyy); null where the source gives none.</summary>
    public string? Date { get; init; }
    public string? Description { get; init; }
    public string? Outcome { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>PLOVER contexts (military, economic, illegal_drugs, …) and auxiliary contexts (historical, future, hypothetical, negation).</summary>
    public IReadOnlyList<string> Contexts { get; init; } = [];
    /// <summary>ISO-8601 date the event ended, for one that lasted.</summary>
    public string? EndDate { get; init; }
    /// <summary>PLOVER magnitudes: how many were killed, injured, and how many took part.</summary>
    public long? Dead { get; init; }
    public long? Injured { get; init; }
    public long? Size { get; init; }
    /// <summary>The kind, mode and contexts as the source coded them, where they were re-coded to the current PLOVER manual.</summary>
    public string? OriginalKind { get; init; }
    public string? OriginalMode { get; init; }
    public IReadOnlyList<string> OriginalContexts { get; init; } = [];
    /// <summary>Machine coding (GDELT): the CAMEO event code, Goldstein scale, average tone, mention counts and CAMEO quad class.</summary>
    public string? CameoCode { get; init; }
    public double? GoldsteinScale { get; init; }
    public double? AvgTone { get; init; }
    public long? NumMentions { get; init; }
    public long? NumSources { get; init; }
    public long? NumArticles { get; init; }
    public int? CameoQuadClass { get; init; }
    public required string Evidence { get; init; }
}

public sealed record SanctionRecord : ISanctionFields
{
    public required string Id { get; init; }
    /// <summary>financial, visa-revocation, restrictions-on-government-members, restrictions-on-family-members, …</summary>
    public required string Kind { get; init; }
    public required string Description { get; init; }
    /// <summary>When it was imposed or announced, where the source says.</summary>
    public string? Date { get; init; }
    /// <summary>The issuing body as the source writes it, e.g. "US Treasury (OFAC)".</summary>
    public string? Authority { get; init; }
    /// <summary>The sanctions programme, e.g. "ILLICIT-DRUGS-EO14059".</summary>
    public string? Program { get; init; }
    /// <summary>The legal basis, e.g. "Executive Order 14059".</summary>
    public string? LegalBasis { get; init; }
    /// <summary>When the target was put on the list.</summary>
    public string? Listed { get; init; }
    /// <summary>When the measure took effect.</summary>
    public string? Start { get; init; }
    /// <summary>True when <c>start</c> is not the source's but inferred: the day the source was first seen listing it.</summary>
    public bool? StartInferred { get; init; }
    /// <summary>When it ended or ends; none means ongoing.</summary>
    public string? End { get; init; }
    /// <summary>active, lifted or expired; lifted and expired need <c>end</c>.</summary>
    public string? Status { get; init; }
    public required string Evidence { get; init; }
}

public sealed record StatementRecord : IStatementFields
{
    public required string Id { get; init; }
    /// <summary>What was said, in plain words.</summary>
    public required string Text { get; init; }
    /// <summary>The exact quoted words, where the source quotes them; null where it only reports.</summary>
    public string? Quote { get; init; }
    /// <summary>spoken, spoken-to-journalists, written, inscription, reported or data-release.</summary>
    public required string Medium { get; init; }
    /// <summary>The PLOVER type the statement amounts to, where one fits (ACCUSE, THREATEN, DISAPPROVE, …).</summary>
    public string? Kind { get; init; }
    /// <summary>One of the PLOVER type's modes, and the kind and mode as the source coded them where re-coded.</summary>
    public string? Mode { get; init; }
    public string? OriginalKind { get; init; }
    public string? OriginalMode { get; init; }
    public string? Date { get; init; }
    public required string Evidence { get; init; }
}

public sealed record FigureRecord
{
    public required string Id { get; init; }
    public required string Metric { get; init; }
    public required double Value { get; init; }
    public required string Unit { get; init; }
    /// <summary>True where the source says "around" or "approximately".</summary>
    public bool Approximate { get; init; }
    /// <summary>The period the figure covers, in the source's words.</summary>
    public string? Period { get; init; }
    public string? AsOf { get; init; }
    public required string Evidence { get; init; }
}

public sealed record ProgramRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Evidence { get; init; }
}

public sealed record RelationshipRecord : IRelationshipFields
{
    /// <summary>A type from the allow-list, e.g. PARTICIPATED_IN.</summary>
    public required string Type { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public required string Evidence { get; init; }
}

using System.Diagnostics.CodeAnalysis;

namespace DiplomacyGraph.Format;

// The fields of each record shape that the API also writes one at a time. The document's record and the API's write
// body both implement its interface, so the rules (ActorRules<T> …) and the graph mapping (KnowledgeGraph.ForActor …)
// are written once for both.

/// <summary>The fields of a source (<see cref="SourceRecord"/>).</summary>
public interface ISourceFields
{
    string Id { get; }
    string Title { get; }
    string Outlet { get; }
    string? Url { get; }
    string Published { get; }
    string? Edited { get; }
    string? Language { get; }
    string? File { get; }
    string? Provenance { get; }
}

/// <summary>The fields of an actor (<see cref="ActorRecord"/>).</summary>
public interface IActorFields
{
    string Id { get; }
    string Kind { get; }
    string Name { get; }
    IReadOnlyList<string> Aliases { get; }
    IReadOnlyList<string> WeakAliases { get; }
    string? Description { get; }
    IReadOnlyList<string> Topics { get; }
    IReadOnlyList<IdentifierRecord> Identifiers { get; }
    string? BirthDate { get; }
    string? BirthPlace { get; }
    string? Gender { get; }
    IReadOnlyList<string> Nationalities { get; }
    IReadOnlyList<string> Referents { get; }
    string Evidence { get; }
}

/// <summary>The fields of an event (<see cref="EventRecord"/>).</summary>
[SuppressMessage("Naming", "CA1716", Justification = "The members are named after the document's JSON fields (date, end, to), which clients write.")]
public interface IEventFields
{
    string Id { get; }
    string Kind { get; }
    string? Mode { get; }
    string Title { get; }
    string? Date { get; }
    string? Description { get; }
    string? Outcome { get; }
    IReadOnlyList<string> Topics { get; }
    IReadOnlyList<string> Contexts { get; }
    string? EndDate { get; }
    long? Dead { get; }
    long? Injured { get; }
    long? Size { get; }
    string? OriginalKind { get; }
    string? OriginalMode { get; }
    IReadOnlyList<string> OriginalContexts { get; }
    string? CameoCode { get; }
    double? GoldsteinScale { get; }
    double? AvgTone { get; }
    long? NumMentions { get; }
    long? NumSources { get; }
    long? NumArticles { get; }
    int? CameoQuadClass { get; }
    string Evidence { get; }
}

/// <summary>The fields of a sanction (<see cref="SanctionRecord"/>).</summary>
[SuppressMessage("Naming", "CA1716", Justification = "The members are named after the document's JSON fields (date, end, to), which clients write.")]
public interface ISanctionFields
{
    string Id { get; }
    string Kind { get; }
    string Description { get; }
    string? Date { get; }
    string? Authority { get; }
    string? Program { get; }
    string? LegalBasis { get; }
    string? Listed { get; }
    bool? StartInferred { get; }
    string? Start { get; }
    string? End { get; }
    string? Status { get; }
    string Evidence { get; }
}

/// <summary>The fields of a statement (<see cref="StatementRecord"/>).</summary>
[SuppressMessage("Naming", "CA1716", Justification = "The members are named after the document's JSON fields (date, end, to), which clients write.")]
public interface IStatementFields
{
    string Id { get; }
    string Text { get; }
    string? Quote { get; }
    string Medium { get; }
    string? Kind { get; }
    string? Mode { get; }
    string? OriginalKind { get; }
    string? OriginalMode { get; }
    string? Date { get; }
    string Evidence { get; }
}

/// <summary>The fields of a relationship (<see cref="RelationshipRecord"/>).</summary>
[SuppressMessage("Naming", "CA1716", Justification = "The members are named after the document's JSON fields (date, end, to), which clients write.")]
public interface IRelationshipFields
{
    string Type { get; }
    string From { get; }
    string To { get; }
    IReadOnlyDictionary<string, string> Properties { get; }
    string Evidence { get; }
}

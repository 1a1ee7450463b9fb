using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Api.Statements;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Events;

/// <summary>An event in a list.</summary>
/// <param name="Id">e.g. <c>white-house-meeting-2026-02-03</c>.</param>
/// <param name="Kind">PLOVER event type: CONSULT, SANCTION, ASSAULT, PROTEST, … or TRAVEL.</param>
/// <param name="Mode">The manner, in words: meeting, visit, military operation, demonstration.</param>
/// <param name="Title">A short title.</param>
/// <param name="Date">ISO-8601 date, where the source gives one.</param>
/// <param name="Description">What happened.</param>
/// <param name="Places">Where it happened.</param>
/// <param name="Participants">Who took part, on any side.</param>
/// <param name="Truncated">True when a list was cut at 500 (a hub event); the participants' own event lists reach the rest.</param>
[ShowsRecord(typeof(EventRecord))]
public sealed record EventSummaryDto(
    string Id,
    string Kind,
    string? Mode,
    string Title,
    string? Date,
    string? Description,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Places,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Participants,
    bool Truncated)
    : ICsvRow<EventSummaryDto>
{
    static CsvTable<EventSummaryDto> ICsvRow<EventSummaryDto>.CsvColumns { get; } = new(
        ("id", e => e.Id), ("kind", e => e.Kind), ("mode", e => e.Mode), ("title", e => e.Title), ("date", e => e.Date),
        ("description", e => e.Description), ("placeIds", e => Csv.Ids(e.Places)), ("placeNames", e => Csv.Names(e.Places)),
        ("participantIds", e => Csv.Ids(e.Participants)), ("participantNames", e => Csv.Names(e.Participants)));

    public static EventSummaryDto From(NodeWithLinks e)
    {
        var cap = new LinkCap();
        return new(
            e.Node.Id, e.Node.Kind ?? "", e.Node.Text("mode"), e.Node.Name, e.Node.Date, e.Node.Text("description"),
            cap.Take(e.Out(RelationshipTypes.OccurredIn).Select(l => l.Other.Ref())), cap.Take(e.In(RelationshipTypes.ParticipatedIn).Select(l => l.Other.Ref())), cap.Cut);
    }
}

/// <summary>An event with its participants grouped by side, and the statements made there.</summary>
/// <param name="Id">e.g. <c>white-house-meeting-2026-02-03</c>.</param>
/// <param name="Kind">PLOVER event type.</param>
/// <param name="Mode">The manner, in words.</param>
/// <param name="Title">A short title.</param>
/// <param name="Date">ISO-8601 date, where known.</param>
/// <param name="Description">What happened.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Topics">What it was about.</param>
/// <param name="Places">Where it happened.</param>
/// <param name="Destinations">Where a trip went.</param>
/// <param name="Sides">Participants grouped by side (a country id, or "unspecified").</param>
/// <param name="Targets">Whom it was directed against.</param>
/// <param name="CalledFor">Who called for it.</param>
/// <param name="Preceded">Events this one led to.</param>
/// <param name="FollowedFrom">Events that led to this one.</param>
/// <param name="Statements">Statements made at or right after it.</param>
/// <param name="Evidence">The sentences that report it.</param>
/// <param name="Truncated">True when a list was cut at 500 (all sides' participants count as one list).</param>
[ShowsRecord(typeof(EventRecord))]
public sealed record EventDetailDto(
    string Id,
    string Kind,
    string? Mode,
    string Title,
    string? Date,
    string? Description,
    string? Outcome,
    IReadOnlyList<string> Topics,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Places,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Destinations,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<SideDto> Sides,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<TargetDto> Targets,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> CalledFor,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Preceded,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> FollowedFrom,
    [property: ListCap(EventsApi.MaxStatementsPerEvent)] IReadOnlyList<StatementDto> Statements,
    IReadOnlyList<EvidenceDto> Evidence,
    bool Truncated)
{
    /// <summary>The values each source gives where sources disagree (all of them with <c>claims=all</c>); only on the
    /// answer for this one fact, never in lists.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [ListCap(ClaimLists.MaxClaims)]
    public IReadOnlyList<ClaimDto>? Claims { get; init; }
}

/// <summary>The participants on one side of an event.</summary>
/// <param name="Side">The side: a country id such as <c>colombia</c>, or "unspecified".</param>
/// <param name="Participants">Who took part on that side, and in which role.</param>
public sealed record SideDto(string Side, [property: ListCap(LinkCap.Max)] IReadOnlyList<ParticipantDto> Participants);

/// <summary>One participant of an event.</summary>
/// <param name="Actor">The actor.</param>
/// <param name="Role">host, head of delegation, delegation member, perpetrator, …</param>
/// <param name="Title">The capacity they took part in, e.g. "Defense Minister".</param>
/// <param name="Evidence">The sentences that place them there.</param>
public sealed record ParticipantDto(NodeRef Actor, string? Role, string? Title, IReadOnlyList<EvidenceDto> Evidence);

/// <summary>Whom an event was directed against.</summary>
public sealed record TargetDto(NodeRef Actor, string? Role, IReadOnlyList<EvidenceDto> Evidence);

internal static class EventMapping
{
    public const string UnspecifiedSide = "unspecified";

    public static EventDetailDto Detail(NodeWithLinks e, IReadOnlyList<StatementDto> statements)
    {
        var node = e.Node;
        var cap = new LinkCap();
        var sides = cap.Take(e.In(RelationshipTypes.ParticipatedIn))
            .GroupBy(l => l.Edge.Text("side") ?? UnspecifiedSide)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SideDto(g.Key, [.. g.Select(l => new ParticipantDto(l.Other.Ref(), l.Edge.Text("role"), l.Edge.Text("title"), l.Edge.Evidence.ToDto()))]))
            .ToList();
        return new EventDetailDto(
            node.Id, node.Kind ?? "", node.Text("mode"), node.Name, node.Date, node.Text("description"), node.Text("outcome"), node.Strings("topics"),
            Refs(cap, e.Out(RelationshipTypes.OccurredIn)), Refs(cap, e.Out(RelationshipTypes.Destination)), sides,
            cap.Take(e.Out(RelationshipTypes.Targeted).Select(l => new TargetDto(l.Other.Ref(), l.Edge.Text("role"), l.Edge.Evidence.ToDto()))),
            Refs(cap, e.In(RelationshipTypes.CalledFor)), Refs(cap, e.Out(RelationshipTypes.Preceded)), Refs(cap, e.In(RelationshipTypes.Preceded)),
            statements, node.Evidence.ToDto(), cap.Cut);
    }

    private static IReadOnlyList<NodeRef> Refs(LinkCap cap, IEnumerable<Link> links) => cap.Take(links.Select(l => l.Other.Ref()));
}

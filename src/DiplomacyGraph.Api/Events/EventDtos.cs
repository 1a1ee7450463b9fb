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
/// <param name="Mode">One of the PLOVER type's modes (CONSULT: visit, third-party, multilateral, phone; …), where coded.</param>
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
    /// <summary>PLOVER contexts: general (military, economic, illegal_drugs, …) and auxiliary (historical, future, hypothetical, negation).</summary>
    [ListCap(Format.PloverRules.MaxContexts)]
    public IReadOnlyList<string> Contexts { get; init; } = [];
    /// <summary>The PLOVER quad class of the kind: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict; none for TRAVEL.</summary>
    public int? QuadClass { get; init; }
    /// <summary>Where it happened (PLOVER's event location): the first place it occurred in.</summary>
    public NodeRef? Location { get; init; }
    /// <summary>ISO-8601 date it ended, for an event that lasted.</summary>
    public string? EndDate { get; init; }
    /// <summary>How many were killed.</summary>
    public long? Dead { get; init; }
    /// <summary>How many were injured.</summary>
    public long? Injured { get; init; }
    /// <summary>How many took part.</summary>
    public long? Size { get; init; }
    /// <summary>The kind as the source (or an older store) coded it, where re-coded to the current manual.</summary>
    public string? OriginalKind { get; init; }
    /// <summary>The mode as the source coded it, where re-coded (or dropped, having no equivalent in the manual).</summary>
    public string? OriginalMode { get; init; }
    /// <summary>The contexts as the source coded them, where re-coded.</summary>
    [ListCap(Format.PloverRules.MaxContexts)]
    public IReadOnlyList<string> OriginalContexts { get; init; } = [];
    /// <summary>Machine coding (GDELT): the CAMEO event code.</summary>
    public string? CameoCode { get; init; }
    /// <summary>Machine coding: the Goldstein scale, −10 to 10.</summary>
    public double? GoldsteinScale { get; init; }
    /// <summary>Machine coding: the average tone of the articles that mention it.</summary>
    public double? AvgTone { get; init; }
    /// <summary>Machine coding: mentions, sources and articles counted by the coder.</summary>
    public long? NumMentions { get; init; }
    public long? NumSources { get; init; }
    public long? NumArticles { get; init; }
    /// <summary>Machine coding: CAMEO's quad class, 1 to 4, as the coder gave it.</summary>
    public int? CameoQuadClass { get; init; }

    /// <summary>This answer with the event's PLOVER and machine coding.</summary>
    internal EventSummaryDto Coded(EventCoding c, NodeRef? location) => this with
    {
        Contexts = c.Contexts, QuadClass = c.QuadClass, Location = location, EndDate = c.EndDate, Dead = c.Dead, Injured = c.Injured, Size = c.Size,
        OriginalKind = c.OriginalKind, OriginalMode = c.OriginalMode, OriginalContexts = c.OriginalContexts, CameoCode = c.CameoCode,
        GoldsteinScale = c.GoldsteinScale, AvgTone = c.AvgTone, NumMentions = c.NumMentions, NumSources = c.NumSources, NumArticles = c.NumArticles,
        CameoQuadClass = c.CameoQuadClass,
    };

    static CsvTable<EventSummaryDto> ICsvRow<EventSummaryDto>.CsvColumns { get; } = new(
        ("id", e => e.Id), ("kind", e => e.Kind), ("mode", e => e.Mode), ("title", e => e.Title), ("date", e => e.Date),
        ("description", e => e.Description), ("placeIds", e => Csv.Ids(e.Places)), ("placeNames", e => Csv.Names(e.Places)),
        ("participantIds", e => Csv.Ids(e.Participants)), ("participantNames", e => Csv.Names(e.Participants)),
        ("contexts", e => Csv.Join(e.Contexts)), ("quadClass", e => Csv.Value(e.QuadClass)), ("locationId", e => e.Location?.Id),
        ("locationName", e => e.Location?.Name), ("endDate", e => e.EndDate), ("dead", e => Csv.Value(e.Dead)), ("injured", e => Csv.Value(e.Injured)),
        ("size", e => Csv.Value(e.Size)), ("originalKind", e => e.OriginalKind), ("originalMode", e => e.OriginalMode),
        ("originalContexts", e => Csv.Join(e.OriginalContexts)), ("cameoCode", e => e.CameoCode), ("goldsteinScale", e => Csv.Value(e.GoldsteinScale)),
        ("avgTone", e => Csv.Value(e.AvgTone)), ("numMentions", e => Csv.Value(e.NumMentions)), ("numSources", e => Csv.Value(e.NumSources)),
        ("numArticles", e => Csv.Value(e.NumArticles)), ("cameoQuadClass", e => Csv.Value(e.CameoQuadClass)));

    public static EventSummaryDto From(NodeWithLinks e)
    {
        var cap = new LinkCap();
        return new EventSummaryDto(
            e.Node.Id, e.Node.Kind ?? "", e.Node.Text("mode"), e.Node.Name, e.Node.Date, e.Node.Text("description"),
            cap.Take(e.Out(RelationshipTypes.OccurredIn).Select(l => l.Other.Ref())), cap.Take(e.In(RelationshipTypes.ParticipatedIn).Select(l => l.Other.Ref())), cap.Cut)
            .Coded(EventCoding.Of(e.Node), EventCoding.Location(e));
    }
}

/// <summary>An event with its participants grouped by side, and the statements made there.</summary>
/// <param name="Id">e.g. <c>white-house-meeting-2026-02-03</c>.</param>
/// <param name="Kind">PLOVER event type.</param>
/// <param name="Mode">One of the PLOVER type's modes, where coded.</param>
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
    /// <summary>PLOVER contexts: general (military, economic, illegal_drugs, …) and auxiliary (historical, future, hypothetical, negation).</summary>
    [ListCap(Format.PloverRules.MaxContexts)]
    public IReadOnlyList<string> Contexts { get; init; } = [];
    /// <summary>The PLOVER quad class of the kind: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict; none for TRAVEL.</summary>
    public int? QuadClass { get; init; }
    /// <summary>Where it happened (PLOVER's event location): the first place it occurred in.</summary>
    public NodeRef? Location { get; init; }
    /// <summary>ISO-8601 date it ended, for an event that lasted.</summary>
    public string? EndDate { get; init; }
    /// <summary>How many were killed.</summary>
    public long? Dead { get; init; }
    /// <summary>How many were injured.</summary>
    public long? Injured { get; init; }
    /// <summary>How many took part.</summary>
    public long? Size { get; init; }
    /// <summary>The kind as the source (or an older store) coded it, where re-coded to the current manual.</summary>
    public string? OriginalKind { get; init; }
    /// <summary>The mode as the source coded it, where re-coded (or dropped, having no equivalent in the manual).</summary>
    public string? OriginalMode { get; init; }
    /// <summary>The contexts as the source coded them, where re-coded.</summary>
    [ListCap(Format.PloverRules.MaxContexts)]
    public IReadOnlyList<string> OriginalContexts { get; init; } = [];
    /// <summary>Machine coding (GDELT): the CAMEO event code.</summary>
    public string? CameoCode { get; init; }
    /// <summary>Machine coding: the Goldstein scale, −10 to 10.</summary>
    public double? GoldsteinScale { get; init; }
    /// <summary>Machine coding: the average tone of the articles that mention it.</summary>
    public double? AvgTone { get; init; }
    /// <summary>Machine coding: mentions, sources and articles counted by the coder.</summary>
    public long? NumMentions { get; init; }
    public long? NumSources { get; init; }
    public long? NumArticles { get; init; }
    /// <summary>Machine coding: CAMEO's quad class, 1 to 4, as the coder gave it.</summary>
    public int? CameoQuadClass { get; init; }

    /// <summary>This answer with the event's PLOVER and machine coding.</summary>
    internal EventDetailDto Coded(EventCoding c, NodeRef? location) => this with
    {
        Contexts = c.Contexts, QuadClass = c.QuadClass, Location = location, EndDate = c.EndDate, Dead = c.Dead, Injured = c.Injured, Size = c.Size,
        OriginalKind = c.OriginalKind, OriginalMode = c.OriginalMode, OriginalContexts = c.OriginalContexts, CameoCode = c.CameoCode,
        GoldsteinScale = c.GoldsteinScale, AvgTone = c.AvgTone, NumMentions = c.NumMentions, NumSources = c.NumSources, NumArticles = c.NumArticles,
        CameoQuadClass = c.CameoQuadClass,
    };

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
public sealed record ParticipantDto(NodeRef Actor, string? Role, string? Title, IReadOnlyList<EvidenceDto> Evidence)
{
    /// <summary>The PLOVER sector they acted in (GOV, MIL, REB, …), where coded.</summary>
    public string? Sector { get; init; }
    /// <summary>The sector as the source coded it, where it differs (e.g. CVLalb).</summary>
    public string? OriginalSector { get; init; }
}

/// <summary>Whom an event was directed against.</summary>
public sealed record TargetDto(NodeRef Actor, string? Role, IReadOnlyList<EvidenceDto> Evidence)
{
    /// <summary>The recipient's PLOVER sector (GOV, MIL, REB, …), where coded.</summary>
    public string? Sector { get; init; }
    /// <summary>The sector as the source coded it, where it differs.</summary>
    public string? OriginalSector { get; init; }
}

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
            .Select(g => new SideDto(g.Key, [.. g.Select(l => new ParticipantDto(l.Other.Ref(), l.Edge.Text("role"), l.Edge.Text("title"), l.Edge.Evidence.ToDto())
                { Sector = l.Edge.Text("sector"), OriginalSector = l.Edge.Text("originalSector") })]))
            .ToList();
        return new EventDetailDto(
            node.Id, node.Kind ?? "", node.Text("mode"), node.Name, node.Date, node.Text("description"), node.Text("outcome"), node.Strings("topics"),
            Refs(cap, e.Out(RelationshipTypes.OccurredIn)), Refs(cap, e.Out(RelationshipTypes.Destination)), sides,
            cap.Take(e.Out(RelationshipTypes.Targeted).Select(l => new TargetDto(l.Other.Ref(), l.Edge.Text("role"), l.Edge.Evidence.ToDto())
                { Sector = l.Edge.Text("sector"), OriginalSector = l.Edge.Text("originalSector") })),
            Refs(cap, e.In(RelationshipTypes.CalledFor)), Refs(cap, e.Out(RelationshipTypes.Preceded)), Refs(cap, e.In(RelationshipTypes.Preceded)),
            statements, node.Evidence.ToDto(), cap.Cut).Coded(EventCoding.Of(node), EventCoding.Location(e));
    }

    private static IReadOnlyList<NodeRef> Refs(LinkCap cap, IEnumerable<Link> links) => cap.Take(links.Select(l => l.Other.Ref()));
}

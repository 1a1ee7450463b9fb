using System.Text.Json.Serialization;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Actors;

/// <summary>An actor in a list.</summary>
/// <param name="Id">e.g. <c>gustavo-petro</c>.</param>
/// <param name="Kind">person, country or organization.</param>
/// <param name="Name">e.g. Gustavo Petro.</param>
/// <param name="Aliases">Other names the sources use.</param>
/// <param name="Description">A short description, where the source gives one.</param>
/// <param name="WeakAliases">Short or common names (acronyms, nicknames) that find the actor but identify it weakly.</param>
/// <param name="Topics">Topic codes as FollowTheMoney gives them, e.g. <c>sanction</c>, <c>role.pep</c>.</param>
[ShowsRecord(typeof(ActorRecord))]
public sealed record ActorSummaryDto(string Id, string Kind, string Name, IReadOnlyList<string> Aliases, string? Description,
    IReadOnlyList<string> WeakAliases, IReadOnlyList<string> Topics) : ICsvRow<ActorSummaryDto>
{
    static CsvTable<ActorSummaryDto> ICsvRow<ActorSummaryDto>.CsvColumns { get; } = new(
        ("id", a => a.Id), ("kind", a => a.Kind), ("name", a => a.Name), ("aliases", a => Csv.Join(a.Aliases)), ("description", a => a.Description),
        ("weakAliases", a => Csv.Join(a.WeakAliases)), ("topics", a => Csv.Join(a.Topics)));

    public static ActorSummaryDto From(GraphNode actor) =>
        new(actor.Id, actor.Kind ?? "", actor.Name, actor.Strings("aliases"), actor.Text("description"), actor.Strings("weakAliases"), actor.Strings("topics"));
}

/// <summary>An identifier of an actor.</summary>
/// <param name="Scheme">wikidata, passport, national-id, tax, registration, inn, ogrn, lei, vat, swift, imo, …</param>
/// <param name="Value">The number or code, as the source writes it.</param>
/// <param name="Country">The issuing country's lower-case code, where known.</param>
[ShowsRecord(typeof(IdentifierRecord))]
public sealed record IdentifierDto(string Scheme, string Value, string? Country)
{
    /// <summary>The identifiers of a node, from their stored form (<c>scheme|country|value</c>).</summary>
    public static IReadOnlyList<IdentifierDto> Of(GraphNode node) =>
        [.. node.Strings("identifiers").Select(IdentifierRecord.FromStored).OfType<IdentifierRecord>().Select(i => new IdentifierDto(i.Scheme, i.Value, i.Country))];
}

/// <summary>An actor with their offices and how many relationships of each type they have.</summary>
/// <param name="Id">e.g. <c>gustavo-petro</c>.</param>
/// <param name="Kind">person, country or organization.</param>
/// <param name="Name">e.g. Gustavo Petro.</param>
/// <param name="Aliases">Other names the sources use.</param>
/// <param name="Description">A short description, where the source gives one.</param>
/// <param name="Offices">The offices the actor holds or held.</param>
/// <param name="RelationshipCounts">Relationships by type, both directions.</param>
/// <param name="Evidence">The sentences that introduce the actor.</param>
/// <param name="Family">Family members (FAMILY_OF, either way), each with what they are to this actor.</param>
/// <param name="Associates">Close associates (ASSOCIATE_OF, either way).</param>
/// <param name="AsOf">The day asked for: offices, family and associates are those that hold then (undated ones kept); null: all.</param>
/// <param name="Truncated">True when offices, family or associates were cut at 500; <c>/relationships</c> reaches every link.</param>
/// <param name="WeakAliases">Short or common names (acronyms, nicknames) that find the actor but identify it weakly.</param>
/// <param name="Topics">Topic codes as FollowTheMoney gives them, e.g. <c>sanction</c>, <c>role.pep</c>, <c>crime.terror</c>.</param>
/// <param name="Identifiers">Passport, national id, tax, registration, INN, OGRN, Wikidata, … numbers.</param>
/// <param name="BirthDate">ISO-8601 date of birth (yyyy-MM-dd, yyyy-MM or yyyy), for persons.</param>
/// <param name="BirthPlace">Place of birth, as the source writes it.</param>
/// <param name="Gender">male, female or other, as the source gives it.</param>
/// <param name="Nationalities">Lower-case country codes, e.g. <c>ru</c>.</param>
[ShowsRecord(typeof(ActorRecord))]
public sealed record ActorDetailDto(
    string Id,
    string Kind,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Description,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<OfficeDto> Offices,
    IReadOnlyDictionary<string, int> RelationshipCounts,
    IReadOnlyList<EvidenceDto> Evidence,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<FamilyMemberDto> Family,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<AssociateDto> Associates,
    string? AsOf,
    bool Truncated,
    IReadOnlyList<string> WeakAliases,
    IReadOnlyList<string> Topics,
    IReadOnlyList<IdentifierDto> Identifiers,
    string? BirthDate,
    string? BirthPlace,
    string? Gender,
    IReadOnlyList<string> Nationalities)
{
    /// <summary>Stored fields the claims list leaves out: referents are internal (the ids an imported entity replaced).</summary>
    internal static readonly IReadOnlyDictionary<string, string?> ClaimFieldNames = new Dictionary<string, string?>(StringComparer.Ordinal) { ["referents"] = null };

    /// <summary>The values each source gives where sources disagree (all of them with <c>claims=all</c>); only on the
    /// answer for this one fact, never in lists.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [ListCap(ClaimLists.MaxClaims)]
    public IReadOnlyList<ClaimDto>? Claims { get; init; }

    /// <summary>The ids merged into this actor by entity resolution (each answers this actor); absent when none. At most 500.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [ListCap(MaxSameAs)]
    public IReadOnlyList<string>? SameAs { get; init; }

    public const int MaxSameAs = 500;

    public static ActorDetailDto From(NodeWithLinks actor) => From(actor, null);

    public static ActorDetailDto From(NodeWithLinks actor, string? asOf)
    {
        var node = actor.Node;
        var counts = actor.Links.GroupBy(l => l.Edge.Type).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var holding = actor.Links.Where(l => Common.AsOf.Holds(l.Edge, asOf)).ToList();
        var cap = new LinkCap();
        return new ActorDetailDto(node.Id, node.Kind ?? "", node.Name, node.Strings("aliases"), node.Text("description"),
            cap.Take(holding.Where(l => l.Direction == Directions.Out && l.Edge.Type == RelationshipTypes.HoldsOffice).Select(OfficeDto.From)), counts, node.Evidence.ToDto(),
            cap.Take(holding.Where(l => l.Edge.Type == FamilyMemberDto.Type).Select(FamilyMemberDto.From)),
            cap.Take(holding.Where(l => l.Edge.Type == AssociateDto.Type).Select(AssociateDto.From)), asOf, cap.Cut,
            node.Strings("weakAliases"), node.Strings("topics"), IdentifierDto.Of(node), node.Text("birthDate"), node.Text("birthPlace"),
            node.Text("gender"), node.Strings("nationalities"))
        {
            SameAs = node.Strings(ClaimRules.SameAs) is { Count: > 0 } sameAs ? [.. sameAs.Take(MaxSameAs)] : null,
        };
    }
}

/// <summary>A family member of an actor.</summary>
/// <param name="Actor">The family member.</param>
/// <param name="Relation">What they are to the actor whose page this is: spouse, child, parent, sibling or relative.</param>
/// <param name="Since">ISO date the tie began, where known.</param>
/// <param name="Until">ISO date it ended, where known.</param>
/// <param name="Evidence">The sentences that state the tie, per source.</param>
public sealed record FamilyMemberDto(NodeRef Actor, string Relation, string? Since, string? Until, IReadOnlyList<EvidenceDto> Evidence)
{
    public const string Type = RelationshipTypes.FamilyOf;

    /// <summary><c>A FAMILY_OF B {relation: child}</c>: seen from B, A is the child; seen from A, B is the parent.</summary>
    public static FamilyMemberDto From(Link link)
    {
        var relation = link.Edge.Text("relation") ?? FamilyRelations.Relative;
        return new(link.Other.Ref(), link.Direction == Directions.In ? relation : FamilyRelations.Inverse(relation),
            link.Edge.Text("since"), link.Edge.Text("until"), link.Edge.Evidence.ToDto());
    }
}

/// <summary>A close associate of an actor.</summary>
/// <param name="Actor">The associate.</param>
/// <param name="Relation">How they are associated, in the source's words, where it says.</param>
/// <param name="Evidence">The sentences that state the tie, per source.</param>
public sealed record AssociateDto(NodeRef Actor, string? Relation, IReadOnlyList<EvidenceDto> Evidence)
{
    public const string Type = RelationshipTypes.AssociateOf;

    public static AssociateDto From(Link link) => new(link.Other.Ref(), link.Edge.Text("relation"), link.Edge.Evidence.ToDto());
}

/// <summary>A family member with the sanctions that target them.</summary>
/// <param name="Member">The family member and the tie.</param>
/// <param name="Sanctions">The sanctions that target the member, with who imposed them, programme, dates and evidence.</param>
/// <param name="Topics">The member's topic codes, e.g. <c>sanction</c>, <c>role.rca</c>.</param>
public sealed record RelativeWithSanctionsDto(
    FamilyMemberDto Member,
    [property: ListCap(ActorsApi.MaxActorFacts)] IReadOnlyList<Sanctions.SanctionDto> Sanctions,
    [property: ListCap(ActorFieldLimits.MaxTopics)] IReadOnlyList<string> Topics)
    : ICsvRow<RelativeWithSanctionsDto>
{
    /// <summary>The topic that marks a sanctioned entity in FollowTheMoney data.</summary>
    public const string SanctionTopic = "sanction";

    static CsvTable<RelativeWithSanctionsDto> ICsvRow<RelativeWithSanctionsDto>.CsvColumns { get; } = new(
        ("actorId", r => r.Member.Actor.Id), ("actorName", r => r.Member.Actor.Name), ("relation", r => r.Member.Relation),
        ("since", r => r.Member.Since), ("until", r => r.Member.Until), ("sanctioned", r => Csv.Value(r.Sanctioned)),
        ("topics", r => Csv.Join(r.Topics)),
        ("sanctionIds", r => Csv.Join(r.Sanctions.Select(x => x.Id))), ("sanctionPrograms", r => Csv.Join(r.Sanctions.Select(x => x.Program))),
        ("evidence", r => Csv.Evidence(r.Member.Evidence)), ("sourceIds", r => Csv.Sources(r.Member.Evidence)));

    /// <summary>
    /// True when the member carries the <c>sanction</c> topic, or a sanction listed here targets them (with
    /// <c>activeOn</c>, one in force that day). Sanctions lists mark their targets with the topic even where the
    /// measure itself is not in the data.
    /// </summary>
    public bool Sanctioned => Sanctions.Count > 0 || Topics.Contains(SanctionTopic, StringComparer.Ordinal);
}

/// <summary>An office a person holds in a country or organization.</summary>
/// <param name="Title">e.g. President, Secretary of State.</param>
/// <param name="Status">current or former.</param>
/// <param name="Since">ISO date it began, where known.</param>
/// <param name="Until">ISO date it ended, where known.</param>
/// <param name="In">The country or organization.</param>
/// <param name="Evidence">The sentences that name the office.</param>
/// <param name="Undated">True when neither since nor until is known, so an as-of answer keeps it without knowing.</param>
public sealed record OfficeDto(string? Title, string? Status, string? Since, string? Until, NodeRef In, IReadOnlyList<EvidenceDto> Evidence, bool Undated)
{
    public static OfficeDto From(Link link) => new(
        link.Edge.Text("title"), link.Edge.Text("status"), link.Edge.Text("since"), link.Edge.Text("until"),
        link.Other.Ref(), link.Edge.Evidence.ToDto(), Common.AsOf.IsUndated(link.Edge));
}

/// <summary>One relationship of an actor, seen from the actor.</summary>
/// <param name="Id">The edge id, <c>from:TYPE:to</c>.</param>
/// <param name="Type">The relationship type.</param>
/// <param name="Direction">out when it starts at the actor, in when it ends there.</param>
/// <param name="Properties">role, side, title, scope, … as the type allows.</param>
/// <param name="Evidence">Every sentence that supports it, per source.</param>
/// <param name="Other">The node at the other end.</param>
/// <param name="Undated">True when it has neither since nor until (an as-of answer keeps it without knowing).</param>
public sealed record RelationshipDto(
    [property: StoredValue(StoredValueKind.EdgeId)] string Id,
    [property: StoredValue(StoredValueKind.RelationshipType)] string Type,
    [property: StoredValue(StoredValueKind.Direction)] string Direction,
    IReadOnlyDictionary<string, object?> Properties,
    IReadOnlyList<EvidenceDto> Evidence,
    NodeRef Other,
    bool Undated)
    : ICsvRow<RelationshipDto>
{
    /// <summary>id, type, direction, the other end, one column per relationship property of the allow-list, evidence.</summary>
    static CsvTable<RelationshipDto> ICsvRow<RelationshipDto>.CsvColumns { get; } = new(
    [
        ("id", r => r.Id), ("type", r => r.Type), ("direction", r => r.Direction),
        ("otherId", r => r.Other.Id), ("otherLabel", r => r.Other.Label), ("otherName", r => r.Other.Name), ("otherKind", r => r.Other.Kind),
        .. RelationshipTypes.All.SelectMany(t => t.Properties).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => (name, (Func<RelationshipDto, string?>)(r => Csv.Value(r.Properties.GetValueOrDefault(name))))),
        ("undated", r => Csv.Value(r.Undated)), ("evidence", r => Csv.Evidence(r.Evidence)), ("sourceIds", r => Csv.Sources(r.Evidence)),
    ]);

    public static RelationshipDto From(Link link) => new(
        link.Edge.Id, link.Edge.Type, link.Direction, GraphMapping.Visible(link.Edge.Properties), link.Edge.Evidence.ToDto(), link.Other.Ref(),
        Common.AsOf.IsUndated(link.Edge));
}

/// <summary>An event an actor took part in, with their role and side.</summary>
/// <param name="Event">The event.</param>
/// <param name="Date">The event's date, where known.</param>
/// <param name="Role">host, head of delegation, delegation member, …</param>
/// <param name="Side">The side they took part on, a country id.</param>
/// <param name="Title">The capacity they took part in.</param>
/// <param name="Evidence">The sentences that place them there.</param>
public sealed record ActorEventDto(NodeRef Event, string? Date, string? Role, string? Side, string? Title, IReadOnlyList<EvidenceDto> Evidence)
    : ICsvRow<ActorEventDto>
{
    static CsvTable<ActorEventDto> ICsvRow<ActorEventDto>.CsvColumns { get; } = new(
        ("eventId", e => e.Event.Id), ("eventName", e => e.Event.Name), ("eventKind", e => e.Event.Kind), ("date", e => e.Date),
        ("role", e => e.Role), ("side", e => e.Side), ("title", e => e.Title),
        ("evidence", e => Csv.Evidence(e.Evidence)), ("sourceIds", e => Csv.Sources(e.Evidence)));

    public static ActorEventDto From(Link link) => new(
        link.Other.Ref(), link.Other.Date, link.Edge.Text("role"), link.Edge.Text("side"), link.Edge.Text("title"), link.Edge.Evidence.ToDto());
}

/// <summary>Another actor who shared events with this one.</summary>
/// <param name="Actor">The other actor.</param>
/// <param name="Events">The events they shared, in date order.</param>
/// <param name="Truncated">True when the shared events were cut at 500.</param>
public sealed record CoParticipantDto(NodeRef Actor, [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Events, bool Truncated) : ICsvRow<CoParticipantDto>
{
    static CsvTable<CoParticipantDto> ICsvRow<CoParticipantDto>.CsvColumns { get; } = new(
        ("actorId", c => c.Actor.Id), ("actorName", c => c.Actor.Name), ("actorKind", c => c.Actor.Kind),
        ("eventIds", c => Csv.Ids(c.Events)), ("eventNames", c => Csv.Names(c.Events)));

    public static CoParticipantDto From(CoParticipant c)
    {
        var cap = new LinkCap();
        return new(c.Actor.Ref(), cap.Take(c.Events.Select(e => e.Ref())), cap.Cut);
    }
}

/// <summary>An actor's ego network: the nodes within a depth and the edges among them.</summary>
/// <param name="ActorId">The centre.</param>
/// <param name="Depth">Hops from the centre, 1 to 3.</param>
/// <param name="Truncated">True when more nodes were in reach than the cap allows, or more edges ran among them than theirs.</param>
/// <param name="Nodes">The nodes, nearest first: in full, or as references with <c>nodes=summary</c>.</param>
/// <param name="Edges">The edges among them, at most 5,000; without evidence with <c>nodes=summary</c>.</param>
/// <param name="AsOf">The day asked for: only relationships that hold then (undated ones kept) are followed; null: all.</param>
public sealed record NetworkDto(
    string ActorId,
    int Depth,
    bool Truncated,
    [property: ListCap(ActorsApi.MaxNetworkNodes)] IReadOnlyList<NetworkNodeDto> Nodes,
    [property: ListCap(ActorsApi.MaxNetworkEdges)] IReadOnlyList<NetworkEdgeDto> Edges,
    string? AsOf = null);

/// <summary>
/// A node of a network: in full (<c>properties</c> and <c>evidence</c>, as <c>GET /api/actors/{id}</c> and the other
/// reads give them), or with <c>nodes=summary</c> a reference (<c>date</c> where it has one, no properties or evidence).
/// </summary>
/// <param name="Id">Stable id, e.g. <c>gustavo-petro</c>.</param>
/// <param name="Label">actor, event, sanction, statement, place, figure or program.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">The node's kind where it has one (person, CONSULT, visa-revocation, …).</param>
public sealed record NetworkNodeDto(string Id, string Label, string Name, string? Kind)
{
    /// <summary>The node's date (events, statements, sanctions) in a summary; in full it is among the properties.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Date { get; init; }

    /// <summary>Every property but name and kind; left out with <c>nodes=summary</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, object?>? Properties { get; init; }

    /// <summary>Every sentence that supports the node, per source; left out with <c>nodes=summary</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EvidenceDto>? Evidence { get; init; }

    public static NetworkNodeDto Of(GraphNode node, NodeDetail detail) => detail == NodeDetail.Summary
        ? new(node.Id, GraphMapping.LabelName(node.Label), node.Name, node.Kind) { Date = node.Date }
        : new(node.Id, GraphMapping.LabelName(node.Label), node.Name, node.Kind) { Properties = GraphMapping.Visible(node.Properties), Evidence = node.Evidence.ToDto() };
}

/// <summary>An edge of a network, with its properties; its evidence is left out with <c>nodes=summary</c>.</summary>
/// <param name="Id">Stable id: <c>from:TYPE:to</c>.</param>
/// <param name="Type">The relationship type, e.g. PARTICIPATED_IN.</param>
/// <param name="From">The id of the node it starts at.</param>
/// <param name="To">The id of the node it ends at.</param>
/// <param name="Properties">role, side, title, … as the type allows.</param>
public sealed record NetworkEdgeDto(
    [property: StoredValue(StoredValueKind.EdgeId)] string Id,
    [property: StoredValue(StoredValueKind.RelationshipType)] string Type,
    string From,
    string To,
    IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>Every sentence that supports it, per source; left out with <c>nodes=summary</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EvidenceDto>? Evidence { get; init; }

    public static NetworkEdgeDto Of(GraphEdge edge, NodeDetail detail) =>
        new(edge.Id, edge.Type, edge.From, edge.To, GraphMapping.Visible(edge.Properties)) { Evidence = detail == NodeDetail.Summary ? null : edge.Evidence.ToDto() };
}

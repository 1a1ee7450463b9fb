using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Sanctions;

/// <summary>A sanction or restriction: who imposed it, on whom, what kind, under which programme, and when it holds.</summary>
/// <param name="Id">e.g. <c>sanction-petro-visa-revocation</c>.</param>
/// <param name="Kind">financial, visa-revocation, restrictions-on-government-members, restrictions-on-family-members, …</param>
/// <param name="Description">What the source says was imposed.</param>
/// <param name="Date">ISO-8601 date it was imposed or announced, where known.</param>
/// <param name="ImposedBy">Who imposed it, with the evidence.</param>
/// <param name="Targets">On whom, with the scope (e.g. "family members") and the evidence.</param>
/// <param name="Evidence">The sentences that report it.</param>
/// <param name="Authority">The issuing body as the source writes it.</param>
/// <param name="Program">The sanctions programme, e.g. ILLICIT-DRUGS-EO14059.</param>
/// <param name="LegalBasis">The legal basis, e.g. Executive Order 14059.</param>
/// <param name="Listed">When the target was listed.</param>
/// <param name="Start">When it took effect.</param>
/// <param name="StartInferred">True when <c>start</c> is not the source's but the day the source was first seen listing it
/// (a FollowTheMoney sanction with no start, listing or imposition date: its <c>first_seen</c>).</param>
/// <param name="UnderProgram">The sanctions programmes it was imposed under (UNDER_PROGRAM); filter with <c>program</c>.</param>
/// <param name="End">When it ended or ends; null means ongoing.</param>
/// <param name="Status">active, lifted or expired, where the source says.</param>
/// <param name="Truncated">True when the imposers or targets were cut at 500; each target's own sanctions list reaches the rest.</param>
/// <param name="InForce">When it is counted as in force for <c>activeOn</c>: from <c>start</c>, else <c>listed</c>, else <c>date</c>, to <c>end</c>.</param>
[ShowsRecord(typeof(SanctionRecord))]
public sealed record SanctionDto(
    string Id,
    string Kind,
    string Description,
    string? Date,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<SanctionPartyDto> ImposedBy,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<SanctionPartyDto> Targets,
    IReadOnlyList<EvidenceDto> Evidence,
    string? Authority,
    string? Program,
    string? LegalBasis,
    string? Listed,
    string? Start,
    bool StartInferred,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> UnderProgram,
    string? End,
    string? Status,
    InForceDto InForce,
    bool Truncated)
    : ICsvRow<SanctionDto>
{
    /// <summary>The values each source gives where sources disagree (all of them with <c>claims=all</c>); only on the
    /// answer for this one fact, never in lists.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [ListCap(ClaimLists.MaxClaims)]
    public IReadOnlyList<ClaimDto>? Claims { get; init; }

    static CsvTable<SanctionDto> ICsvRow<SanctionDto>.CsvColumns { get; } = new(
        ("id", s => s.Id), ("kind", s => s.Kind), ("date", s => s.Date), ("description", s => s.Description),
        ("authority", s => s.Authority), ("program", s => s.Program), ("legalBasis", s => s.LegalBasis),
        ("listed", s => s.Listed), ("start", s => s.Start), ("startInferred", s => Csv.Value(s.StartInferred)), ("end", s => s.End), ("status", s => s.Status),
        ("inForceSince", s => s.InForce.Since), ("inForceUntil", s => s.InForce.Until),
        ("programIds", s => Csv.Ids(s.UnderProgram)),
        ("imposerIds", s => Csv.Ids(s.ImposedBy.Select(p => p.Actor))), ("imposerNames", s => Csv.Names(s.ImposedBy.Select(p => p.Actor))),
        ("targetIds", s => Csv.Ids(s.Targets.Select(p => p.Actor))), ("targetNames", s => Csv.Names(s.Targets.Select(p => p.Actor))),
        ("targetScopes", s => Csv.Join(s.Targets.Select(p => p.Scope))),
        ("evidence", s => Csv.Evidence(s.Evidence)), ("sourceIds", s => Csv.Sources(s.Evidence)));

    public static SanctionDto From(NodeWithLinks sanction)
    {
        var node = sanction.Node;
        var cap = new LinkCap();
        return new(
            node.Id, node.Kind ?? "other", node.Name, node.Date,
            cap.Take(sanction.In(RelationshipTypes.Imposed).Select(SanctionPartyDto.From)),
            cap.Take(sanction.Out(RelationshipTypes.Targets).Select(SanctionPartyDto.From)),
            node.Evidence.ToDto(),
            node.Text("authority"), node.Text("program"), node.Text("legalBasis"), node.Text("listed"), node.Text("start"),
            node.Properties.GetValueOrDefault("startInferred") is true, cap.Take(sanction.Out(RelationshipTypes.UnderProgram).Select(l => l.Other.Ref())),
            node.Text("end"), node.Text("status"), InForceDto.Of(node), cap.Cut);
    }
}

/// <summary>The period a sanction counts as in force.</summary>
/// <param name="Since">Its first day (a partial date covers its whole month or year); null when no date is known.</param>
/// <param name="Until">Its last day; null means ongoing.</param>
/// <param name="Note">Why it is never counted as in force, when it is not; or that its first day is inferred, when it is.</param>
public sealed record InForceDto(string? Since, string? Until, string? Note)
{
    public const string NoBegin = "No start, listing or imposition date is known, so this sanction counts as in force on no day.";

    public const string InferredBegin = "The source gives no start, listing or imposition date: it counts as in force from the day the source was first seen listing it (startInferred).";

    public static InForceDto Of(GraphNode sanction) => SanctionLifetime.Begin(sanction) is { } begin
        ? new(begin, SanctionLifetime.End(sanction), sanction.Properties.GetValueOrDefault("startInferred") is true ? InferredBegin : null)
        : new(null, SanctionLifetime.End(sanction), NoBegin);
}

/// <summary>An imposer or a target of a sanction.</summary>
/// <param name="Actor">The actor.</param>
/// <param name="Scope">Whom the sanction reaches through this actor, e.g. "family members".</param>
/// <param name="Evidence">The sentences that link them.</param>
public sealed record SanctionPartyDto(NodeRef Actor, string? Scope, IReadOnlyList<EvidenceDto> Evidence)
{
    public static SanctionPartyDto From(Link link) => new(link.Other.Ref(), link.Edge.Text("scope"), link.Edge.Evidence.ToDto());
}

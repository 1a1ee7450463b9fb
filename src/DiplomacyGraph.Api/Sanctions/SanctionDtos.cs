using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Storage.Graph;

namespace DiplomacyGraph.Api.Sanctions;

/// <summary>A sanction or restriction: who imposed it, on whom, and what kind.</summary>
/// <param name="Id">e.g. <c>sanction-petro-visa-revocation</c>.</param>
/// <param name="Kind">financial, visa-revocation, restrictions-on-government-members, restrictions-on-family-members, …</param>
/// <param name="Description">What the source says was imposed.</param>
/// <param name="Date">ISO-8601 date, where known.</param>
/// <param name="ImposedBy">Who imposed it, with the evidence.</param>
/// <param name="Targets">On whom, with the scope (e.g. "family members") and the evidence.</param>
/// <param name="Evidence">The sentences that report it.</param>
public sealed record SanctionDto(
    string Id, string Kind, string Description, string? Date,
    IReadOnlyList<SanctionPartyDto> ImposedBy, IReadOnlyList<SanctionPartyDto> Targets, IReadOnlyList<EvidenceDto> Evidence)
    : ICsvRow<SanctionDto>
{
    static CsvTable<SanctionDto> ICsvRow<SanctionDto>.CsvColumns { get; } = new(
        ("id", s => s.Id), ("kind", s => s.Kind), ("date", s => s.Date), ("description", s => s.Description),
        ("imposerIds", s => Csv.Ids(s.ImposedBy.Select(p => p.Actor))), ("imposerNames", s => Csv.Names(s.ImposedBy.Select(p => p.Actor))),
        ("targetIds", s => Csv.Ids(s.Targets.Select(p => p.Actor))), ("targetNames", s => Csv.Names(s.Targets.Select(p => p.Actor))),
        ("targetScopes", s => Csv.Join(s.Targets.Select(p => p.Scope))),
        ("evidence", s => Csv.Evidence(s.Evidence)), ("sourceIds", s => Csv.Sources(s.Evidence)));

    public static SanctionDto From(NodeWithLinks sanction) => new(
        sanction.Node.Id, sanction.Node.Kind ?? "other", sanction.Node.Name, sanction.Node.Date,
        [.. sanction.In("IMPOSED").Select(SanctionPartyDto.From)],
        [.. sanction.Out("TARGETS").Select(SanctionPartyDto.From)],
        sanction.Node.Evidence.ToDto());
}

/// <summary>An imposer or a target of a sanction.</summary>
/// <param name="Actor">The actor.</param>
/// <param name="Scope">Whom the sanction reaches through this actor, e.g. "family members".</param>
/// <param name="Evidence">The sentences that link them.</param>
public sealed record SanctionPartyDto(NodeRef Actor, string? Scope, IReadOnlyList<EvidenceDto> Evidence)
{
    public static SanctionPartyDto From(Link link) => new(link.Other.Ref(), link.Edge.Text("scope"), link.Edge.Evidence.ToDto());
}

using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Programs;

/// <summary>A government programme or scheme, or a sanctions programme: what it does, who runs it, the figures about it and the sanctions imposed under it.</summary>
/// <param name="Id">e.g. <c>voluntary-substitution-program</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it does, from the source.</param>
/// <param name="RunBy">Who runs it.</param>
/// <param name="Figures">The figures about it.</param>
/// <param name="Statements">Statements about it.</param>
/// <param name="Sanctions">Sanctions imposed under it (UNDER_PROGRAM); <c>GET /api/sanctions?program=</c> pages through all of them.</param>
/// <param name="Evidence">The sentences that describe it, each with its source id.</param>
/// <param name="Truncated">True when a list was cut at 500.</param>
public sealed record ProgramDto(
    string Id,
    string Name,
    string? Description,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> RunBy,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Figures,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Statements,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Sanctions,
    IReadOnlyList<EvidenceDto> Evidence,
    bool Truncated) : ICsvRow<ProgramDto>
{
    /// <summary>The values each source gives where sources disagree (all of them with <c>claims=all</c>); only on the
    /// answer for this one fact, never in lists.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [ListCap(ClaimLists.MaxClaims)]
    public IReadOnlyList<ClaimDto>? Claims { get; init; }

    static CsvTable<ProgramDto> ICsvRow<ProgramDto>.CsvColumns { get; } = new(
        ("id", p => p.Id), ("name", p => p.Name), ("description", p => p.Description),
        ("runByIds", p => Csv.Ids(p.RunBy)), ("runByNames", p => Csv.Names(p.RunBy)), ("figureIds", p => Csv.Ids(p.Figures)), ("sanctionIds", p => Csv.Ids(p.Sanctions)),
        ("evidence", p => Csv.Evidence(p.Evidence)), ("sourceIds", p => Csv.Sources(p.Evidence)));

    public static ProgramDto From(NodeWithLinks program)
    {
        var cap = new LinkCap();
        return new(
            program.Node.Id, program.Node.Name, program.Node.Text("description"),
            cap.Take(program.In(RelationshipTypes.Runs).Select(l => l.Other.Ref())),
            cap.Take(program.In(RelationshipTypes.About).Where(l => l.Other.Label == NodeLabel.Figure).Select(l => l.Other.Ref())),
            cap.Take(program.In(RelationshipTypes.About).Where(l => l.Other.Label == NodeLabel.Statement).Select(l => l.Other.Ref())),
            cap.Take(program.In(RelationshipTypes.UnderProgram).Select(l => l.Other.Ref())),
            program.Node.Evidence.ToDto(), cap.Cut);
    }
}

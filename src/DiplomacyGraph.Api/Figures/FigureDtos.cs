using System.Globalization;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Figures;

/// <summary>A number a source gives: what it measures, its value, whom it is about and who reported it.</summary>
/// <param name="Id">e.g. <c>extraditions-petro-government</c>.</param>
/// <param name="Metric">What is measured, e.g. "extraditions carried out".</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">e.g. extraditions, tons, hectares.</param>
/// <param name="Approximate">True when the source says "around" or "approximately".</param>
/// <param name="Period">The period it covers, in the source's words.</param>
/// <param name="AsOf">ISO date the figure stands at, where given.</param>
/// <param name="About">What the figure is about (an actor, a programme, …).</param>
/// <param name="ReportedBy">Who published it.</param>
/// <param name="CitedBy">Statements about the figure.</param>
/// <param name="Evidence">The sentences that give it, each with its source id.</param>
/// <param name="Truncated">True when a list was cut at 500.</param>
public sealed record FigureDto(
    string Id,
    string Metric,
    double? Value,
    string? Unit,
    bool Approximate,
    string? Period,
    string? AsOf,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> About,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> ReportedBy,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> CitedBy,
    IReadOnlyList<EvidenceDto> Evidence,
    bool Truncated)
    : ICsvRow<FigureDto>
{
    /// <summary>The values each source gives where sources disagree (all of them with <c>claims=all</c>); only on the
    /// answer for this one fact, never in lists.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [ListCap(ClaimLists.MaxClaims)]
    public IReadOnlyList<ClaimDto>? Claims { get; init; }

    static CsvTable<FigureDto> ICsvRow<FigureDto>.CsvColumns { get; } = new(
        ("id", f => f.Id), ("metric", f => f.Metric), ("value", f => Csv.Value(f.Value)), ("unit", f => f.Unit),
        ("approximate", f => Csv.Value(f.Approximate)), ("period", f => f.Period), ("asOf", f => f.AsOf),
        ("aboutIds", f => Csv.Ids(f.About)), ("aboutNames", f => Csv.Names(f.About)),
        ("reportedByIds", f => Csv.Ids(f.ReportedBy)), ("reportedByNames", f => Csv.Names(f.ReportedBy)),
        ("evidence", f => Csv.Evidence(f.Evidence)), ("sourceIds", f => Csv.Sources(f.Evidence)));

    public static FigureDto From(NodeWithLinks figure)
    {
        var node = figure.Node;
        var cap = new LinkCap();
        return new FigureDto(
            node.Id, node.Text("metric") ?? node.Name, Number(node.Properties.GetValueOrDefault("value")), node.Text("unit"),
            node.Properties.GetValueOrDefault("approximate") is true, node.Text("period"), node.Text("asOf"),
            cap.Take(figure.Out(RelationshipTypes.About).Select(l => l.Other.Ref())),
            cap.Take(figure.In(RelationshipTypes.Reported).Select(l => l.Other.Ref())),
            cap.Take(figure.In(RelationshipTypes.About).Where(l => l.Other.Label == NodeLabel.Statement).Select(l => l.Other.Ref())),
            node.Evidence.ToDto(), cap.Cut);
    }

    private static double? Number(object? value) => value switch
    {
        null => null,
        IConvertible number => number.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };
}

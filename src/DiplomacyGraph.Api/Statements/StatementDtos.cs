using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Statements;

/// <summary>Who said what, about whom, and where.</summary>
/// <param name="Id">e.g. <c>trump-worked-on-it-got-along</c>.</param>
/// <param name="Text">What was said, in plain words.</param>
/// <param name="Quote">The exact quoted words, where the source quotes them.</param>
/// <param name="Medium">spoken, spoken-to-journalists, written, inscription, reported or data-release.</param>
/// <param name="Kind">The PLOVER type the statement amounts to (ACCUSE, THREATEN, …), where one fits.</param>
/// <param name="Date">ISO-8601 date, where known.</param>
/// <param name="Speakers">Who said it.</param>
/// <param name="About">Whom or what it is about.</param>
/// <param name="AddressedTo">Whom it was addressed to.</param>
/// <param name="MadeAt">The event where it was said.</param>
/// <param name="Evidence">The sentences that report it.</param>
/// <param name="Truncated">True when a list of speakers, subjects or addressees was cut at 500.</param>
[ShowsRecord(typeof(StatementRecord))]
public sealed record StatementDto(
    string Id,
    string Text,
    string? Quote,
    string Medium,
    string? Kind,
    string? Date,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Speakers,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> About,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> AddressedTo,
    NodeRef? MadeAt,
    IReadOnlyList<EvidenceDto> Evidence,
    bool Truncated) : ICsvRow<StatementDto>
{
    /// <summary>The values each source gives where sources disagree (all of them with <c>claims=all</c>); only on the
    /// answer for this one fact, never in lists.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [ListCap(ClaimLists.MaxClaims)]
    public IReadOnlyList<ClaimDto>? Claims { get; init; }

    /// <summary>One of the PLOVER type's modes (ACCUSE: disapprove, investigate, allege), where coded.</summary>
    public string? Mode { get; init; }
    /// <summary>The kind as the source (or an older store) coded it, where re-coded to the current manual (DISAPPROVE, DEMAND, …).</summary>
    public string? OriginalKind { get; init; }
    /// <summary>The mode as the source coded it, where re-coded.</summary>
    public string? OriginalMode { get; init; }

    static CsvTable<StatementDto> ICsvRow<StatementDto>.CsvColumns { get; } = new(
        ("id", s => s.Id), ("date", s => s.Date), ("medium", s => s.Medium), ("kind", s => s.Kind), ("mode", s => s.Mode), ("text", s => s.Text), ("quote", s => s.Quote),
        ("speakerIds", s => Csv.Ids(s.Speakers)), ("speakerNames", s => Csv.Names(s.Speakers)),
        ("aboutIds", s => Csv.Ids(s.About)), ("aboutNames", s => Csv.Names(s.About)),
        ("addressedToIds", s => Csv.Ids(s.AddressedTo)), ("madeAtId", s => s.MadeAt?.Id), ("madeAtName", s => s.MadeAt?.Name),
        ("evidence", s => Csv.Evidence(s.Evidence)), ("sourceIds", s => Csv.Sources(s.Evidence)),
        ("originalKind", s => s.OriginalKind), ("originalMode", s => s.OriginalMode));

    public static StatementDto From(NodeWithLinks statement)
    {
        var node = statement.Node;
        var cap = new LinkCap();
        return new StatementDto(
            node.Id, node.Text("text") ?? node.Name, node.Text("quote"), node.Text("medium") ?? "reported", node.Kind, node.Date,
            cap.Take(statement.In(RelationshipTypes.Said).Select(l => l.Other.Ref())),
            cap.Take(statement.Out(RelationshipTypes.About).Select(l => l.Other.Ref())),
            cap.Take(statement.Out(RelationshipTypes.AddressedTo).Select(l => l.Other.Ref())),
            statement.Out(RelationshipTypes.MadeAt).Select(l => l.Other.Ref()).FirstOrDefault(),
            node.Evidence.ToDto(), cap.Cut)
        {
            Mode = node.Text("mode"), OriginalKind = node.Text("originalKind"), OriginalMode = node.Text("originalMode"),
        };
    }
}

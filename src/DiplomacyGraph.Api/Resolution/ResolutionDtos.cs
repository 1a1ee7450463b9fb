using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage.Resolution;
using FluentValidation;

namespace DiplomacyGraph.Api.Resolution;

/// <summary>A pair of nodes that may be one real-world entity.</summary>
/// <param name="A">One node (the pair's ids in ordinal order).</param>
/// <param name="B">The other node.</param>
/// <param name="Score">How alike they are, 0–1.</param>
/// <param name="Reasons">The features that matched: name tokens (folded and transliterated), birth date, nationality, identifiers, referents.</param>
public sealed record CandidateDto(NodeRef A, NodeRef B, double Score, [property: ListCap(CandidateDto.MaxReasons)] IReadOnlyList<string> Reasons) : ICsvRow<CandidateDto>
{
    /// <summary>A pair names at most this many matched features (names, dates, nationalities, identifiers, referents).</summary>
    public const int MaxReasons = 50;

    static CsvTable<CandidateDto> ICsvRow<CandidateDto>.CsvColumns { get; } = new(
        ("a", c => c.A.Id), ("aName", c => c.A.Name), ("b", c => c.B.Id), ("bName", c => c.B.Name),
        ("score", c => c.Score.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)), ("reasons", c => Csv.Join(c.Reasons)));

    public static CandidateDto From(ListedCandidate c) => new(c.A.Ref(), c.B.Ref(), c.Score, [.. c.Reasons.Take(MaxReasons)]);
}

/// <summary>A judgement of a pair of nodes.</summary>
public sealed record JudgementWrite
{
    /// <summary>A node id (a merged id stands for its canonical node).</summary>
    public required string A { get; init; }

    /// <summary>Another node id, of the same label.</summary>
    public required string B { get; init; }

    /// <summary>same (merge them), not-same (never propose them again) or unsure.</summary>
    public required string Judgement { get; init; }
}

internal sealed class JudgementWriteValidator : AbstractValidator<JudgementWrite>
{
    public JudgementWriteValidator()
    {
        RuleFor(w => w.A).NotEmpty().MaximumLength(200);
        RuleFor(w => w.B).NotEmpty().MaximumLength(200);
        RuleFor(w => w.Judgement).NotEmpty().Must(j => JudgementNames.Parse(j) is not null)
            .WithMessage("'Judgement' must be one of: same, not-same, unsure.");
    }
}

/// <summary>A judgement as recorded.</summary>
/// <param name="A">The pair's first id, in ordinal order.</param>
/// <param name="B">Its second id.</param>
/// <param name="Judgement">same, not-same or unsure.</param>
/// <param name="Canonical">For same: the node both ids now answer (the curated one, else the older).</param>
/// <param name="Merged">For same: the id merged into it, listed in its <c>sameAs</c>.</param>
/// <param name="Automatic">Whether a rule judged it (a referent, an equal strong identifier, a score over Resolution:AutoMergeScore).</param>
/// <param name="Reason">Why a rule judged it.</param>
public sealed record JudgementDto(string A, string B, string Judgement, string? Canonical, string? Merged, bool Automatic, string? Reason)
{
    public static JudgementDto From(Judgement j) => new(j.A, j.B, ResolutionRules.Name(j.Kind), j.Canonical, j.Merged, j.Automatic, j.Reason);
}

internal static class JudgementNames
{
    public static JudgementKind? Parse(string? name) => name switch
    {
        "same" => JudgementKind.Same,
        "not-same" => JudgementKind.NotSame,
        "unsure" => JudgementKind.Unsure,
        _ => null,
    };
}

internal sealed record CandidateQuery : PagedQuery
{
    [Description("Label of the nodes paired: actor (the only label blocked today).")]
    [DefaultValue("actor")]
    public string? Label { get; init; }

    [Description("Only pairs scoring at least this (0–1).")]
    [DefaultValue(0.0)]
    public double? MinScore { get; init; }
}

internal sealed class CandidateQueryValidator : PagedQueryValidator<CandidateQuery>
{
    public CandidateQueryValidator()
    {
        RuleFor(q => q.Label).Must(l => l is null or "actor").WithMessage("'Label' must be actor.");
        RuleFor(q => q.MinScore).InclusiveBetween(0, 1);
    }
}

/// <summary>The answers of the resolution endpoints, in the API's JSON source generation (see <see cref="Infrastructure.ApiJson"/>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CandidateDto))]
[JsonSerializable(typeof(PagedList<CandidateDto>))]
[JsonSerializable(typeof(JudgementDto))]
[JsonSerializable(typeof(JudgementWrite))]
internal sealed partial class ResolutionJsonContext : JsonSerializerContext;

using DiplomacyGraph.Storage.Resolution;
using FluentValidation;

namespace DiplomacyGraph.Format;

/// <summary>
/// An entity-resolution judgement of a pair of nodes, as an export carries it so that the graph it moves keeps its merges:
/// the import records it, moving no fact, before the document's facts (which then name merged ids as they did before).
/// </summary>
public sealed record JudgementRecord
{
    /// <summary>One id of the pair (the smaller, ordinally).</summary>
    public required string A { get; init; }
    /// <summary>The other id of the pair.</summary>
    public required string B { get; init; }
    /// <summary>same, not-same or unsure.</summary>
    public required string Judgement { get; init; }
    /// <summary>For <c>same</c>: the id merged into the other (one of <c>a</c> and <c>b</c>); the other stays canonical.</summary>
    public string? Merged { get; init; }
    /// <summary>True when a rule made it (a referent, an equal strong identifier, a score over the threshold).</summary>
    public bool Automatic { get; init; }
    /// <summary>Why a rule made it.</summary>
    public string? Reason { get; init; }

    /// <summary>The judgement as stores hold it.</summary>
    public Judgement ToJudgement()
    {
        var kind = Judgement switch { "same" => JudgementKind.Same, "not-same" => JudgementKind.NotSame, _ => JudgementKind.Unsure };
        var (a, b) = string.CompareOrdinal(A, B) <= 0 ? (A, B) : (B, A);
        var canonical = Merged is null ? null : Merged == a ? b : a;
        return new Judgement(a, b, kind, kind == JudgementKind.Same ? canonical : null, kind == JudgementKind.Same ? Merged : null, Automatic, Reason);
    }

    /// <summary>A stored judgement as a record.</summary>
    public static JudgementRecord From(Judgement j) => new()
    {
        A = j.A, B = j.B, Judgement = ResolutionRules.Name(j.Kind), Merged = j.Merged, Automatic = j.Automatic, Reason = j.Reason,
    };
}

public sealed class JudgementValidator : AbstractValidator<JudgementRecord>
{
    public JudgementValidator()
    {
        RuleFor(j => j.A).Id();
        RuleFor(j => j.B).Id();
        RuleFor(j => j).Must(j => j.A != j.B).WithName("b").WithMessage("A judgement joins two different ids.").When(j => j.A is not null);
        RuleFor(j => j.Judgement).OneOf(new HashSet<string>(["same", "not-same", "unsure"], StringComparer.Ordinal));
        RuleFor(j => j.Merged).NotNull().WithMessage("A same judgement names the id merged ('merged': a or b).").When(j => j.Judgement == "same");
        RuleFor(j => j.Merged).Must((j, merged) => merged == j.A || merged == j.B).WithMessage("'merged' must be 'a' or 'b'.").When(j => j.Merged is not null);
        RuleFor(j => j.Merged).Null().WithMessage("Only a same judgement merges.").When(j => j.Judgement is "not-same" or "unsure");
        RuleFor(j => j.Reason).MaximumLength(500).Must(r => r is null || !string.IsNullOrWhiteSpace(r)).WithMessage("Leave 'reason' out instead of blank.");
    }
}

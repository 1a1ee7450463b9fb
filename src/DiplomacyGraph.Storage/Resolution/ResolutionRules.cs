using DiplomacyGraph.Storage.Idempotency;
using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage.Resolution;

/// <summary>The checks a judgement passes before a store writes it, the same in every store.</summary>
public static class ResolutionRules
{
    /// <summary>Why a judgement of (<paramref name="a"/>, <paramref name="b"/>), resolved to nodes <paramref name="na"/>
    /// and <paramref name="nb"/>, is refused, or null. A pair is judged once: undo a judgement before judging it again.</summary>
    public static JudgeOutcome? Refusal(string a, string b, GraphNode na, GraphNode nb, JudgementKind kind, Judgement? existing)
    {
        if (a == b) return new JudgeOutcome.Invalid($"'{a}' cannot be judged against itself.");
        if (na.Label != nb.Label) return new JudgeOutcome.Invalid($"'{a}' is a {na.Label} and '{b}' a {nb.Label}: only nodes of one label can be judged.");
        // A keyed retry of this very judgement, committed before its answer was lost (IdempotentWrite), answers it as judged.
        if (existing is not null && existing.Kind == kind && IdempotentWrite.Replaying) return new JudgeOutcome.Judged(existing);
        if (existing is not null) return new JudgeOutcome.AlreadyJudged($"The pair ({existing.A}, {existing.B}) is already judged {Name(existing.Kind)}: undo that judgement first.");
        if (kind == JudgementKind.Same && na.Id == nb.Id) return new JudgeOutcome.AlreadyJudged($"'{a}' and '{b}' are already one node, '{na.Id}'.");
        return null;
    }

    /// <summary>Certain pairs (referents, equal strong identifiers) merge without asking; so do pairs scoring at least the threshold, when one is set.</summary>
    public static bool MergesAutomatically(MatchCandidate candidate, double? autoMergeScore) =>
        candidate.Certain || (autoMergeScore is { } threshold && candidate.Score >= threshold);

    public static string Name(JudgementKind kind) => kind switch
    {
        JudgementKind.Same => "same",
        JudgementKind.NotSame => "not-same",
        _ => "unsure",
    };
}

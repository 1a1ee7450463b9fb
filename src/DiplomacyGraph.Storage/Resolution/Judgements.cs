using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Resolution;

/// <summary>What a person (or a rule) said of a pair of nodes.</summary>
public enum JudgementKind
{
    Same,
    NotSame,
    Unsure,
}

/// <summary>
/// A judgement as stored: the pair's ids in ordinal order; for <see cref="JudgementKind.Same"/>, <c>Merged</c> is the id
/// merged into <c>Canonical</c> (the node it resolves to, until the judgement is undone), null otherwise; <c>Automatic</c>
/// when a rule made it (a referent, an equal strong identifier, a score over the threshold), with its reason.
/// </summary>
public sealed record Judgement(string A, string B, JudgementKind Kind, string? Canonical, string? Merged, bool Automatic, string? Reason)
{
    public string Pair => Matching.Pair(A, B);
}

/// <summary>A candidate pair as listed: both nodes (as references) and the score.</summary>
public sealed record ListedCandidate(GraphNode A, GraphNode B, double Score, IReadOnlyList<string> Reasons);

/// <summary>What judging a pair did.</summary>
public abstract record JudgeOutcome
{
    private protected JudgeOutcome() { }

    /// <summary>Recorded; for a merge, the canonical node and the id merged into it.</summary>
    public sealed record Judged(Judgement Judgement) : JudgeOutcome;

    /// <summary>An id names no node (nor a merged one).</summary>
    public sealed record Unknown(string Id, string Parameter) : JudgeOutcome;

    /// <summary>The pair cannot be judged: one node with itself, or nodes of different labels.</summary>
    public sealed record Invalid(string Problem) : JudgeOutcome;

    /// <summary>The pair is judged already (undo that first), or already one node.</summary>
    public sealed record AlreadyJudged(string Problem) : JudgeOutcome;
}

/// <summary>What undoing a judgement did.</summary>
public abstract record UndoOutcome
{
    private protected UndoOutcome() { }

    public sealed record Undone(Judgement Judgement) : UndoOutcome;

    public sealed record NotJudged : UndoOutcome;
}

/// <summary>
/// Entity resolution's questions to a store: candidates (kept up to date from a blocking index on every write), judgements
/// and merges, and which node a merged id now is. Both stores answer alike; the decisions are <see cref="Matching"/>'s and
/// <see cref="MergePlan"/>'s.
/// </summary>
public interface IResolutionStore
{
    /// <summary>The canonical id each merged id among these resolves to (ids not merged are left out).</summary>
    Task<IReadOnlyDictionary<string, string>> Canonicals(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Candidate pairs of a label scoring at least <paramref name="minScore"/>, best first (then by ids).</summary>
    Task<Page<ListedCandidate>> Candidates(NodeLabel label, double minScore, int page, int pageSize, CancellationToken ct);

    /// <summary>Judges a pair; <see cref="JudgementKind.Same"/> merges them in one transaction.</summary>
    Task<JudgeOutcome> Judge(string a, string b, JudgementKind kind, bool automatic, string? reason, CancellationToken ct);

    /// <summary>Undoes the judgement of a pair; a merge's undo gives each fact back to the node it came from.</summary>
    Task<UndoOutcome> Undo(string a, string b, CancellationToken ct);

    /// <summary>Recomputes the blocking keys and candidates of these actors (gone ones lose theirs) and answers the
    /// pairs that must merge without asking: certain ones, and those scoring at least <paramref name="autoMergeScore"/>.</summary>
    Task<IReadOnlyList<MatchCandidate>> Refresh(IReadOnlyCollection<string> ids, double? autoMergeScore, CancellationToken ct);
}

/// <summary>Which of two nodes a merge keeps: the curated one (from a knowledge document, not only from FtM datasets), else the older.</summary>
public static class CanonicalChoice
{
    /// <summary>Outlet of the sources FollowTheMoney datasets become (FtmDocuments), whose ids start with "ftm-" by default.</summary>
    public const string DatasetOutlet = "FollowTheMoney export";

    /// <summary>
    /// The node that stays canonical. Curated: some evidence comes from a source that is no FtM dataset. Older: the one
    /// first told of (its earliest source's <c>published</c>); ties by id, ordinally.
    /// </summary>
    public static GraphNode Winner(GraphNode a, GraphNode b, Func<string, GraphNode?> sourceOf)
    {
        bool Curated(GraphNode n) => n.Evidence.Any(e => sourceOf(e.SourceId) is not { } s || !IsDataset(s));
        string First(GraphNode n) => n.Evidence.Select(e => sourceOf(e.SourceId)?.Properties.GetValueOrDefault("published") as string ?? "9999")
            .DefaultIfEmpty("9999").Min(StringComparer.Ordinal)!;
        var (ca, cb) = (Curated(a), Curated(b));
        if (ca != cb) return ca ? a : b;
        var byAge = string.CompareOrdinal(First(a), First(b));
        if (byAge != 0) return byAge < 0 ? a : b;
        return string.CompareOrdinal(a.Id, b.Id) <= 0 ? a : b;
    }

    public static bool IsDataset(GraphNode source) =>
        source.Properties.GetValueOrDefault("outlet") as string == DatasetOutlet || source.Id.StartsWith("ftm-", StringComparison.Ordinal);
}

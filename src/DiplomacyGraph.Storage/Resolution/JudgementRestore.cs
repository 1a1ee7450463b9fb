using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage.Resolution;

/// <summary>When judgements restored from an export (<see cref="IGraphTransfer.RestoreJudgements"/>) may be recorded, the same in every store.</summary>
public static class JudgementRestore
{
    public static readonly ImportSummary Nothing = new([], [], [], [], [], []);

    /// <summary>One sentence per judgement that cannot be recorded here: its merged id names a node (recording it would
    /// hide that node), or its pair is judged otherwise already.</summary>
    public static IReadOnlyList<string> Conflicts(IReadOnlyList<Judgement> judgements, Func<string, bool> nodeExists, Func<string, string, Judgement?> judgementOf)
    {
        var conflicts = new List<string>();
        foreach (var j in judgements)
        {
            if (j.Merged is { } merged && nodeExists(merged))
            {
                conflicts.Add($"'{merged}' names a node here, so it cannot be recorded as merged into '{j.Canonical}': restore judgements into an empty store, before the facts.");
            }
            else if (judgementOf(j.A, j.B) is { } held && held != j)
            {
                conflicts.Add($"The pair '{j.A}'/'{j.B}' is judged otherwise already ({ResolutionRules.Name(held.Kind)}): undo that judgement first.");
            }
        }
        return conflicts;
    }
}

using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Model;

/// <summary>
/// How a source ranks among the sources claiming a fact (<see cref="ClaimRules"/>): curated sources always above coded
/// ones (a machine's coding never overrides what a person read in the text, whatever the dates), then by
/// <c>published</c> (none ranks lowest). The key is one ordinal-comparable string, so every place that ranked by
/// <c>published</c> ranks by it unchanged: "1" + published for a curated source, "0" + published for a coded one.
/// </summary>
public static class SourceRank
{
    private const char CuratedMark = '1', CodedMark = '0';

    /// <summary>The rank key of a source from its <c>provenance</c> (absent = curated) and <c>published</c>.</summary>
    public static string Key(string? provenance, string? published) =>
        (provenance == SourceProvenance.Coded ? CodedMark : CuratedMark) + (published ?? "");

    /// <summary>The rank key of a source node; a source the store does not hold ranks as a curated one without a date.</summary>
    public static string Key(GraphNode? source) =>
        Key(source?.Properties.GetValueOrDefault("provenance") as string, source?.Properties.GetValueOrDefault("published") as string);

    /// <summary>Whether a rank key is a curated source's (an unknown key counts as curated, as a source without provenance does).</summary>
    public static bool IsCurated(string? key) => key is not [CodedMark, ..];
}

/// <summary>
/// Whether a fact is curated or coded, kept on the fact as the internal property <see cref="Property"/> by every write
/// that changes its evidence (import, replace, withdrawal, retraction, merge), so that lists filter on it through an index
/// instead of joining sources at read time. A fact is <c>curated</c> when at least one curated source cites it (its
/// evidence), even if coded sources cite it too; <c>coded</c> when only coded sources do. A fact without evidence is curated.
/// </summary>
public static class FactProvenance
{
    /// <summary>The stored property (internal: never a claim, never in an answer's properties).</summary>
    public const string Property = "factProvenance";

    /// <summary>The fact's marker as stored; a fact written before the marker existed counts as curated (no coded source existed then).</summary>
    public static string Of(GraphNode node) => node.Properties.GetValueOrDefault(Property) as string ?? SourceProvenance.Curated;

    /// <summary>The marker a fact's evidence gives it, from its sources' rank keys (<see cref="SourceRank"/>).</summary>
    public static string FromEvidence(IReadOnlyList<Evidence> evidence, Func<string, string?> rankOf) =>
        FromSources(evidence.Select(e => e.SourceId), rankOf);

    /// <summary>The marker of a fact these sources cite: curated unless every one is coded (none cited: curated).</summary>
    public static string FromSources(IEnumerable<string> sourceIds, Func<string, string?> rankOf)
    {
        var any = false;
        foreach (var source in sourceIds)
        {
            if (SourceRank.IsCurated(rankOf(source))) return SourceProvenance.Curated;
            any = true;
        }
        return any ? SourceProvenance.Coded : SourceProvenance.Curated;
    }

    /// <summary>A node with its marker set from its evidence; sources and other non-fact nodes are left as they are.</summary>
    public static GraphNode Marked(GraphNode node, Func<string, string?> rankOf)
    {
        if (!GraphOrder.IsFact(node.Label)) return node;
        var marker = FromEvidence(node.Evidence, rankOf);
        if (node.Properties.GetValueOrDefault(Property) as string == marker) return node;
        var properties = new SortedDictionary<string, object?>(node.Properties.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal) { [Property] = marker };
        return node with { Properties = properties };
    }
}

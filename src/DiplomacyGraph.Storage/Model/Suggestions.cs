using System.Text.RegularExpressions;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Model;

/// <summary>
/// Close matches for an id that does not exist (<c>petro</c> suggests <c>gustavo-petro</c>), the same on every store:
/// a store finds the candidates, the nodes whose id, name or alias contains one of <see cref="Terms"/>, the first
/// <see cref="MaxCandidates"/> by name; this class ranks them.
/// </summary>
public static partial class Suggestions
{
    /// <summary>The most candidates a store hands over for ranking.</summary>
    public const int MaxCandidates = 200;

    /// <summary>
    /// What a candidate must contain one of: each word of the folded text of 3 characters or more, and its first
    /// 4 characters when it is longer, so that a misspelt ending (<c>trumpp</c>) still finds the name.
    /// </summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var words = Words(text).Where(w => w.Length >= 3).ToList();
        return [.. words.Concat(words.Where(w => w.Length > 4).Select(w => w[..4])).Distinct(StringComparer.Ordinal)];
    }

    public static bool IsCandidate(GraphNode node, IReadOnlyList<string> terms) =>
        terms.Any(t => node.Id.Contains(t, StringComparison.Ordinal) || node.SearchTerms.Any(s => s.Contains(t, StringComparison.Ordinal)));

    /// <summary>
    /// The best <paramref name="max"/> candidates: most of the text's words found in the id, name or aliases first, then the
    /// smallest edit distance from the text to the id, name or an alias, then by name and id.
    /// </summary>
    public static IReadOnlyList<GraphNode> Rank(IEnumerable<GraphNode> candidates, string text, int max)
    {
        var words = Words(text).Where(w => w.Length >= 3).ToList();
        var phrase = string.Join(' ', Words(text));
        return [.. candidates
            .Select(n => (Node: n, Names: Names(n)))
            .Select(c => (c.Node,
                Found: words.Count(w => c.Names.Any(name => name.Contains(w, StringComparison.Ordinal))),
                Distance: c.Names.Min(name => Distance(phrase, name))))
            .OrderByDescending(c => c.Found)
            .ThenBy(c => c.Distance)
            .ThenBy(c => c.Node.SortKey, StringComparer.Ordinal)
            .ThenBy(c => c.Node.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Node)];
    }

    /// <summary>The id with spaces for dashes, and the folded name and aliases.</summary>
    private static List<string> Names(GraphNode node) => [string.Join(' ', Words(node.Id)), .. node.SearchTerms.Where(t => t.Length <= 200)];

    private static IEnumerable<string> Words(string text) => NonWord().Split(Text.Fold(text)).Where(w => w.Length > 0);

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    [GeneratedRegex("[^\\p{L}\\p{N}]+")]
    private static partial Regex NonWord();

    /// <summary>Labels whose nodes are suggested when any node would do: every label but sources, which nothing links to.</summary>
    public static bool IsSuggestedAnywhere(NodeLabel label) => NodeKinds.Of(label).IsFact;
}

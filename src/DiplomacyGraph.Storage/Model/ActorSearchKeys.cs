namespace DiplomacyGraph.Storage.Model;

/// <summary>
/// The keys an actor is found by, and how well a query matches them; the same in every store, so both rank alike.
/// An actor's keys are its folded name and aliases, weak aliases included (whole keys), and each of them from every later word start on
/// ("gustavo petro" also gives "petro"). A query matches an actor when one of its keys starts with the folded query,
/// which an ordered index answers with a range seek (<c>STARTS WITH</c> on Neo4j 3.1 and 5 alike):
/// <list type="number">
/// <item><see cref="Exact"/>: the query is a whole name or alias;</item>
/// <item><see cref="WordPrefix"/>: the query starts a word of a name or alias (and may run on past it).</item>
/// </list>
/// Substrings inside a word ("etro") are not matched: serving them from an index would need every suffix of every
/// name (or trigram postings) as keys, several times the keys per actor, each one more index entry, node in Neo4j and
/// write per actor; prefixes of words cover how people type names.
/// </summary>
public static class ActorSearchKeys
{
    public const int Exact = 0;
    public const int WordPrefix = 1;

    /// <summary>One key of an actor: its folded text, and whether it is a whole name or alias.</summary>
    public readonly record struct Key(string Text, bool Whole);

    /// <summary>The longest key kept; a query longer than this matches nothing, as no name that long is indexed whole.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The folded, trimmed query, or null when nothing is left to match.</summary>
    public static string? Normalize(string? query)
    {
        if (query is null) return null;
        var folded = Text.Fold(query).Trim();
        return folded.Length == 0 ? null : folded;
    }

    /// <summary>An actor's keys, distinct, whole keys first.</summary>
    public static IReadOnlyList<Key> Of(GraphNode actor)
    {
        var names = new List<string> { actor.Name };
        names.AddRange(Aliases(actor));
        var keys = names.SelectMany(OfName).Distinct().ToList();
        var wholes = keys.Where(k => k.Whole).Select(k => k.Text).ToHashSet(StringComparer.Ordinal);
        // A text that is a whole name somewhere is kept only as that.
        return [.. keys.Where(k => k.Whole || !wholes.Contains(k.Text)).OrderBy(k => !k.Whole).DistinctBy(k => k.Text)];
    }

    /// <summary>The aliases an actor is found by: its aliases, then its weak aliases (a weak alias finds as well as any).</summary>
    public static IEnumerable<string> Aliases(GraphNode actor) =>
        (actor.Properties.GetValueOrDefault("aliases") as string[] ?? []).Concat(actor.Properties.GetValueOrDefault("weakAliases") as string[] ?? []);

    /// <summary>The keys of one name or alias: its folded whole, and the text from each later word start on.</summary>
    public static IReadOnlyList<Key> OfName(string name)
    {
        var whole = Cap(Text.Fold(name).Trim());
        if (whole.Length == 0) return [];
        var keys = new List<Key> { new(whole, true) };
        for (var i = 1; i < whole.Length; i++)
        {
            if (char.IsLetterOrDigit(whole[i]) && !char.IsLetterOrDigit(whole[i - 1])) keys.Add(new Key(whole[i..], false));
        }
        return keys;
    }

    /// <summary>How well an actor with these keys matches a normalised query: <see cref="Exact"/>, <see cref="WordPrefix"/>, or null.</summary>
    public static int? Rank(IEnumerable<Key> keys, string query)
    {
        int? best = null;
        foreach (var key in keys)
        {
            if (key.Whole && key.Text == query) return Exact;
            if (key.Text.StartsWith(query, StringComparison.Ordinal)) best = WordPrefix;
        }
        return best;
    }

    private static string Cap(string key) => key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
}

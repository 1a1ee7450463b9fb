using System.Text;
using AnyAscii;
using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage.Resolution;

/// <summary>
/// What entity resolution compares of an actor, read from its properties: its names as token sets (folded, transliterated
/// to Latin, legal forms dropped), birth date, nationalities, identifiers, and the keys that make a match certain.
/// </summary>
/// <c>Names</c> holds each name's tokens and whether it is a weak alias; <c>StrongKeys</c> the keys two nodes share only
/// when they are one entity (strong identifiers and FtM referents).
public sealed record MatchFeatures(
    string Id,
    string? Kind,
    IReadOnlyList<(IReadOnlySet<string> Tokens, bool Weak)> Names,
    string? BirthDate,
    IReadOnlySet<string> Nationalities,
    IReadOnlySet<string> Identifiers,
    IReadOnlySet<string> StrongKeys)
{
    /// <summary>The blocking keys: a candidate pair shares at least one (a name token, or a strong key).</summary>
    public IEnumerable<string> BlockKeys =>
        Names.SelectMany(n => n.Tokens).Where(t => t.Length >= Matching.MinTokenLength).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Take(Matching.MaxNameKeys).Select(t => "t:" + t).Concat(StrongKeys);
}

/// <summary>A scored pair of nodes of one label: the ids in ordinal order, the score (0–1) and the features that matched.</summary>
public sealed record MatchCandidate(string A, string B, double Score, IReadOnlyList<string> Reasons, bool Certain)
{
    public string Pair => Matching.Pair(A, B);
}

/// <summary>
/// How two actors are compared, the same for every store, after nomenklatura's model: block on name tokens (never all
/// pairs), then score each blocked pair on the features that matched. Names count most; an equal birth date,
/// nationality or identifier adds, a different birth date or nationality takes away. Equal strong identifiers and FtM
/// referents make a pair certain (it merges without asking).
/// </summary>
public static class Matching
{
    public const int MinTokenLength = 2;

    /// <summary>The most name keys an actor is blocked under (an entity with hundreds of aliases stays bounded).</summary>
    public const int MaxNameKeys = 200;

    /// <summary>A name token shared by more actors than this says little, and is not used to pair them (nomenklatura caps blocks alike).</summary>
    public const int MaxBlock = 200;

    /// <summary>The most actors one actor is compared with per write, taken from its smallest blocks first (its rarest
    /// tokens say most), so a write costs at most this many comparisons per actor whatever the graph's size.</summary>
    public const int MaxComparisons = 500;

    /// <summary>Pairs scoring below this are not kept as candidates.</summary>
    public const double MinCandidateScore = 0.3;

    /// <summary>Schemes whose value (with its country) names one entity: equal ones merge.</summary>
    private static readonly HashSet<string> StrongSchemes = new(StringComparer.Ordinal) { "wikidata", "passport", "registration", "inn", "ogrn" };

    /// <summary>Legal forms and connectives in the languages of the sanctions lists, transliterated: they say what an
    /// entity is, not which one, so they neither block nor score ("LLC CST" and "ООО «ЦСТ»" meet on "cst").</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "llc", "ooo", "ltd", "limited", "liability", "company", "co", "inc", "corp", "corporation", "gmbh", "ag", "sa", "sarl", "srl",
        "spa", "ao", "zao", "pao", "oao", "jsc", "pjsc", "ojsc", "cjsc", "plc", "kft", "tov", "pp", "ip", "llp", "lp", "bv", "nv",
        "obshchestvo", "obschestvo", "obshestvo", "ogranichennoy", "ogranichennoi", "ogranichennoj", "otvetstvennostyu",
        "otvetstvennostiu", "otvetstvennostju", "otvetstvennostju", "tovaristvo", "tovarystvo", "obmezhenoyu", "obmezhenoiu",
        "obmezhenoju", "vidpovidalnistyu", "vidpovidalnistiu", "vidpovidalnistju", "aktsionernoe", "aktsionernoye",
        "obsestvo", "ogranicennoi", "ogranicennoj", "ogranicennoy", "otvetstvennostu", "obmezenou", "vidpovidalnistu",
        "akcionernoe", "publichnoe", "publichnoye", "zakrytoe", "otkrytoe", "sociedad", "responsabilidad", "limitada",
        "societe", "responsabilite", "limitee", "cuideachta", "faoi", "dhliteanas", "teoranta",
        "the", "of", "and", "de", "del", "la", "el", "y", "von", "van", "der", "bin", "al", "s", "z", "i",
    };

    /// <summary>ISO 9 (diacritics dropped) where it differs from AnyAscii's Cyrillic, so "ЦСТ" also reads "cst" beside "tsst".</summary>
    private static readonly Dictionary<char, string> Iso9 = new()
    {
        ['ц'] = "c", ['ч'] = "c", ['ш'] = "s", ['щ'] = "s", ['ж'] = "z", ['х'] = "h", ['й'] = "j", ['ю'] = "u", ['я'] = "a",
        ['ё'] = "e", ['э'] = "e", ['ы'] = "y", ['ъ'] = "", ['ь'] = "", ['є'] = "e", ['ї'] = "i", ['і'] = "i", ['ґ'] = "g",
    };

    /// <summary>
    /// The actors an actor is compared with: everyone sharing a strong key, then the members of its name-token blocks,
    /// smallest block first, skipping blocks over <see cref="MaxBlock"/>, until <see cref="MaxComparisons"/>.
    /// </summary>
    /// <param name="f">The actor.</param>
    /// <param name="block">A key's members (capped) and how many it has in all; null for a key nobody else has.</param>
    public static IReadOnlyCollection<string> Others(MatchFeatures f, Func<string, (IReadOnlyCollection<string> Members, int Size)?> block)
    {
        var others = new HashSet<string>(StringComparer.Ordinal);
        var blocks = f.BlockKeys.Select(k => (Key: k, Block: block(k))).Where(b => b.Block is not null).Select(b => (b.Key, Block: b.Block!.Value)).ToList();
        foreach (var (_, (members, _)) in blocks.Where(b => !b.Key.StartsWith("t:", StringComparison.Ordinal))) others.UnionWith(members);
        foreach (var (_, (members, _)) in blocks.Where(b => b.Key.StartsWith("t:", StringComparison.Ordinal) && b.Block.Size <= MaxBlock).OrderBy(b => b.Block.Size).ThenBy(b => b.Key, StringComparer.Ordinal))
        {
            if (others.Count >= MaxComparisons) break;
            others.UnionWith(members);
        }
        others.Remove(f.Id);
        return others;
    }

    public static string Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? $"{a}|{b}" : $"{b}|{a}";

    /// <summary>A name's tokens: folded, transliterated (AnyAscii, and ISO 9 for Cyrillic), split on anything not a
    /// letter or digit, legal forms dropped. Both transliterations' tokens are kept, so either spelling meets it.</summary>
    public static IReadOnlySet<string> Tokens(string name)
    {
        var folded = Text.Fold(name).Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        Split(folded.Transliterate(), tokens);
        if (folded.Any(c => c is >= 'Ѐ' and <= 'ӿ'))
        {
            var iso = new StringBuilder(folded.Length);
            foreach (var c in folded) iso.Append(Iso9.TryGetValue(c, out var latin) ? latin : c.ToString());
            Split(iso.ToString().Transliterate(), tokens);
        }
        return tokens;
    }

    private static void Split(string ascii, HashSet<string> into)
    {
        var token = new StringBuilder();
        foreach (var c in ascii.ToLowerInvariant().Append(' '))
        {
            if (char.IsAsciiLetterOrDigit(c)) token.Append(c);
            else if (c != '\'' && token.Length > 0)
            {
                if (!Ignored.Contains(token.ToString())) into.Add(token.ToString());
                token.Clear();
            }
        }
    }

    /// <summary>The features of an actor node.</summary>
    public static MatchFeatures Of(GraphNode node)
    {
        var p = node.Properties;
        var names = new List<(IReadOnlySet<string>, bool)>();
        foreach (var name in new[] { node.Name }.Concat(Strings(p, "aliases")))
        {
            if (Tokens(name) is { Count: > 0 } tokens) names.Add((tokens, false));
        }
        foreach (var name in Strings(p, "weakAliases"))
        {
            if (Tokens(name) is { Count: > 0 } tokens) names.Add((tokens, true));
        }
        var identifiers = Strings(p, "identifiers").Select(i => i.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var strong = identifiers.Select(StrongKey).OfType<string>()
            .Concat(Strings(p, "referents").Append(node.Id).Select(id => "ref:" + id))
            .ToHashSet(StringComparer.Ordinal);
        return new MatchFeatures(node.Id, node.Kind, names, p.GetValueOrDefault("birthDate") as string,
            Strings(p, "nationalities").Select(n => n.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal), identifiers, strong);
    }

    /// <summary>"scheme|country|value" as a key two entities share only when they are one: a Wikidata id, or a passport,
    /// registration, INN or OGRN number with its country (INN and OGRN are Russian numbers: no country means "ru").</summary>
    private static string? StrongKey(string identifier)
    {
        var parts = identifier.Split('|');
        if (parts.Length != 3 || parts[2].Length == 0 || !StrongSchemes.Contains(parts[0])) return null;
        var country = parts[0] switch
        {
            "wikidata" => "",
            "inn" or "ogrn" when parts[1].Length == 0 => "ru",
            _ => parts[1],
        };
        return parts[0] != "wikidata" && country.Length == 0 ? null : $"id:{parts[0]}|{country}|{parts[2]}";
    }

    /// <summary>The pair's score and reasons, or null when nothing but the block key matched (or the kinds differ).</summary>
    public static MatchCandidate? Score(MatchFeatures a, MatchFeatures b)
    {
        if (a.Id == b.Id || (a.Kind is not null && b.Kind is not null && a.Kind != b.Kind)) return null;
        var (x, y) = string.CompareOrdinal(a.Id, b.Id) < 0 ? (a, b) : (b, a);
        var reasons = new List<string>();
        var certain = x.StrongKeys.Where(k => k != "ref:" + x.Id || y.StrongKeys.Contains(k)).Intersect(y.StrongKeys).Order(StringComparer.Ordinal).ToList();
        foreach (var key in certain) reasons.Add(key.StartsWith("ref:", StringComparison.Ordinal) ? $"referent: {key[4..]}" : $"strong identifier: {key[3..]}");

        var (best, shared) = (0.0, (IReadOnlyList<string>)[]);
        foreach (var (ta, weakA) in x.Names)
        {
            foreach (var (tb, weakB) in y.Names)
            {
                var common = ta.Intersect(tb).ToList();
                if (common.Count == 0) continue;
                var s = (double)common.Count / Math.Max(ta.Count, tb.Count) * (weakA || weakB ? 0.8 : 1.0);
                if (s > best || (s == best && common.Count > shared.Count)) (best, shared) = (s, [.. common.Order(StringComparer.Ordinal)]);
            }
        }
        if (best == 0 && certain.Count == 0) return null;
        if (best > 0) reasons.Insert(0, $"name: {string.Join(' ', shared)}");
        var score = 0.75 * best;
        if (x.BirthDate is { Length: > 0 } da && y.BirthDate is { Length: > 0 } db)
        {
            var length = Math.Min(da.Length, db.Length);
            if (string.CompareOrdinal(da, 0, db, 0, length) == 0)
            {
                score += 0.15;
                reasons.Add($"birth date: {da[..length]}");
            }
            else score *= 0.5;
        }
        if (x.Nationalities.Count > 0 && y.Nationalities.Count > 0)
        {
            var common = x.Nationalities.Intersect(y.Nationalities).Order(StringComparer.Ordinal).ToList();
            if (common.Count > 0)
            {
                score += 0.1;
                reasons.Add($"nationality: {string.Join(", ", common)}");
            }
            else score -= 0.1;
        }
        var identifiers = x.Identifiers.Intersect(y.Identifiers).Order(StringComparer.Ordinal).ToList();
        if (identifiers.Count > 0)
        {
            score += 0.25;
            reasons.AddRange(identifiers.Where(i => !certain.Contains("id:" + i)).Select(i => $"identifier: {i}"));
        }
        if (certain.Count > 0) score = 1.0;
        return new MatchCandidate(x.Id, y.Id, Math.Round(Math.Clamp(score, 0, 1), 3), reasons, certain.Count > 0);
    }

    private static string[] Strings(IReadOnlyDictionary<string, object?> p, string key) => p.GetValueOrDefault(key) switch
    {
        string[] list => list,
        string s => [s],
        _ => [],
    };
}

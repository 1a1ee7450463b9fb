using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// Actors' search keys (<see cref="ActorSearchKeys"/>) for the embedded store, with what ranking needs kept beside them
/// and every actor kept in rank order, both maintained by writes:
/// <list type="bullet">
/// <item>each key entry points at its actor's <see cref="Ranking"/> (node, keys, degree, sort key), so a prefix range is
/// counted and filtered without a hash lookup or a property read per match;</item>
/// <item>the rankings are kept in the order a prefix ranks its word-prefix matches (most relationships first, then name,
/// then id), so a broad prefix reads its page off that order, stopping once the page is full, instead of ranking every
/// match. Its keys are per actor ("petra novak-silva 1203"), so a key of its own in rank order would hold one actor: the
/// order is kept once, over all actors, and a walk keeps those with a key that starts with the query.</item>
/// </list>
/// A degree changes with every relationship written: <see cref="Touch"/> notes the ends and <see cref="Refresh"/> re-files
/// them once per applied write, so a bulk write re-files each actor it touches once. Not thread-safe: the index's guard holds.
/// </summary>
internal sealed class ActorSearchIndex
{
    /// <summary>An actor as search ranks it; <see cref="Degree"/> changes only while it is out of the rank order.</summary>
    internal sealed class Ranking(GraphNode node, ActorSearchKeys.Key[] keys, int degree)
    {
        public GraphNode Node { get; } = node;
        public ActorSearchKeys.Key[] Keys { get; } = keys;
        public string SortKey { get; } = node.SortKey;
        public int Degree { get; set; } = degree;
    }

    private readonly record struct Entry(string Key, bool Whole, Ranking Actor);

    private readonly SortedSet<Entry> keys = new(EntryOrder.Instance);
    private readonly Dictionary<string, Ranking> rankings = new(StringComparer.Ordinal);
    private readonly HashSet<string> touched = new(StringComparer.Ordinal);
    // Null while the store's file is read at start (each relationship would re-file two actors); built once after it.
    private SortedSet<Ranking>? byRank;

    public void Add(GraphNode actor, ActorSearchKeys.Key[] actorKeys, int degree)
    {
        var ranking = new Ranking(actor, actorKeys, degree);
        rankings[actor.Id] = ranking;
        foreach (var key in actorKeys) keys.Add(new Entry(key.Text, key.Whole, ranking));
        byRank?.Add(ranking);
    }

    public void Remove(string actorId)
    {
        if (!rankings.Remove(actorId, out var ranking)) return;
        foreach (var key in ranking.Keys) keys.Remove(new Entry(key.Text, key.Whole, ranking));
        byRank?.Remove(ranking);
        touched.Remove(actorId);
    }

    /// <summary>A relationship at this node was added or removed: its degree may have changed.</summary>
    public void Touch(string id)
    {
        if (byRank is not null && rankings.ContainsKey(id)) touched.Add(id);
    }

    /// <summary>Re-files the touched actors whose degree changed (end of an applied write).</summary>
    public void Refresh(Func<string, int> degree)
    {
        if (touched.Count == 0) return;
        foreach (var id in touched)
        {
            var ranking = rankings[id];
            var now = degree(id);
            if (now == ranking.Degree) continue;
            byRank!.Remove(ranking);
            ranking.Degree = now;
            byRank.Add(ranking);
        }
        touched.Clear();
    }

    /// <summary>Builds the rank order with every actor's degree as it stands (after the file has been read).</summary>
    public void Rank(Func<string, int> degree)
    {
        foreach (var (id, ranking) in rankings) ranking.Degree = degree(id);
        byRank = new SortedSet<Ranking>(rankings.Values, RankOrder.Instance);
        touched.Clear();
    }

    /// <summary>
    /// One page of the actors with a key starting with the folded query, ranked as <see cref="ActorSearchKeys"/> says (exact
    /// name or alias first, then word prefixes; ties by degree, most first, then name, then id), and how many there are.
    /// </summary>
    public (List<GraphNode> Items, int Total) Find(string query, Func<GraphNode, bool>? filter, int skip, int take)
    {
        // One pass over the prefix's keys counts each matching actor once, at its least key with the prefix (a key equal
        // to the query is that one, and the only one that can make it an exact match).
        var exact = new List<Ranking>();
        var prefixed = new List<Ranking>();
        foreach (var entry in keys.GetViewBetween(new Entry(query, false, null!), new Entry(query + char.MaxValue, false, null!)))
        {
            if (!entry.Key.StartsWith(query, StringComparison.Ordinal) || !IsLeastWithPrefix(entry, query)) continue;
            if (filter is not null && !filter(entry.Actor.Node)) continue;
            (entry.Whole && entry.Key.Length == query.Length ? exact : prefixed).Add(entry.Actor);
        }
        var total = exact.Count + prefixed.Count;
        var items = new List<GraphNode>(Math.Max(0, Math.Min(take, total - skip)));
        if (take <= 0 || skip >= total) return (items, total);

        exact.Sort(RankOrder.Instance);
        foreach (var ranking in exact.Skip(skip).Take(take)) items.Add(ranking.Node);
        var offset = Math.Max(0, skip - exact.Count);
        var need = take - items.Count;
        if (need == 0 || prefixed.Count == 0) return (items, total);

        // Walking the rank order reads about (offset + need) * actors / matches rankings, testing a few keys each; ranking
        // the matches reads each once. Walk when that is clearly less.
        if (byRank is not null && 2L * (offset + need) * byRank.Count < (long)prefixed.Count * prefixed.Count)
        {
            var seen = 0;
            foreach (var ranking in byRank)
            {
                if (!IsWordPrefixMatch(ranking, query) || (filter is not null && !filter(ranking.Node))) continue;
                if (seen++ < offset) continue;
                items.Add(ranking.Node);
                if (--need == 0) break;
            }
            return (items, total);
        }
        foreach (var ranking in Least(prefixed, offset + need).Skip(offset)) items.Add(ranking.Node);
        return (items, total);
    }

    /// <summary>What the index holds, in key order, for <see cref="GraphIndex.Describe"/>.</summary>
    public IEnumerable<string> Describe() => keys.Select(k => $"{k.Key}>{k.Actor.Node.Id}{(k.Whole ? "!" : "")}");

    /// <summary>The rank order with each actor's degree, for tests that compare it with one rebuilt from the file.</summary>
    public IEnumerable<string> DescribeRanks() => (byRank ?? []).Select(r => $"{r.Node.Id}:{r.Degree}");

    private static bool IsLeastWithPrefix(Entry entry, string query)
    {
        foreach (var key in entry.Actor.Keys)
        {
            if (string.CompareOrdinal(key.Text, entry.Key) < 0 && key.Text.StartsWith(query, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>A match of the query that is not exact: a key starts with it, and no whole name or alias equals it.</summary>
    private static bool IsWordPrefixMatch(Ranking ranking, string query)
    {
        var match = false;
        foreach (var key in ranking.Keys)
        {
            if (!key.Text.StartsWith(query, StringComparison.Ordinal)) continue;
            if (key.Whole && key.Text.Length == query.Length) return false;
            match = true;
        }
        return match;
    }

    /// <summary>The <paramref name="count"/> first in rank order, sorted, without sorting the rest (a bounded heap).</summary>
    private static List<Ranking> Least(List<Ranking> items, int count)
    {
        if (items.Count <= count)
        {
            items.Sort(RankOrder.Instance);
            return items;
        }
        var heap = new PriorityQueue<Ranking, Ranking>(count, Comparer<Ranking>.Create((a, b) => RankOrder.Instance.Compare(b, a)));
        foreach (var item in items)
        {
            if (heap.Count < count) heap.Enqueue(item, item);
            else heap.EnqueueDequeue(item, item);
        }
        var least = new List<Ranking>(count);
        while (heap.Count > 0) least.Add(heap.Dequeue());
        least.Reverse();
        return least;
    }

    /// <summary>Most relationships first, then by sort key, then id: the order of a rank's ties in every store.</summary>
    private sealed class RankOrder : IComparer<Ranking>
    {
        public static readonly RankOrder Instance = new();

        public int Compare(Ranking? x, Ranking? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x!.Degree != y!.Degree) return y.Degree.CompareTo(x.Degree);
            return string.CompareOrdinal(x.SortKey, y.SortKey) is var byName and not 0 ? byName : string.CompareOrdinal(x.Node.Id, y.Node.Id);
        }
    }

    /// <summary>By key, then actor id (an actor has each key text once).</summary>
    private sealed class EntryOrder : IComparer<Entry>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(Entry x, Entry y)
        {
            var byKey = string.CompareOrdinal(x.Key, y.Key);
            if (byKey != 0) return byKey;
            // The range's bounds carry no actor: they sort before every actor of their key.
            if (x.Actor is null || y.Actor is null) return (x.Actor is null ? 0 : 1) - (y.Actor is null ? 0 : 1);
            return string.CompareOrdinal(x.Actor.Node.Id, y.Actor.Node.Id);
        }
    }
}

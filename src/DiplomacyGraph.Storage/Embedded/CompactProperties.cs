using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// A node's or edge's properties as two parallel arrays sorted by key (ordinally, as the stores' maps are): a few
/// dozen bytes where a SortedDictionary takes hundreds, which at a million relationships is most of the heap.
/// Keys and string values come from the index's <see cref="StringPool"/>.
/// </summary>
internal sealed class CompactProperties : IReadOnlyDictionary<string, object?>
{
    private static readonly CompactProperties Empty = new([], []);

    private readonly string[] keys;
    private readonly object?[] values;

    private CompactProperties(string[] keys, object?[] values)
    {
        this.keys = keys;
        this.values = values;
    }

    public static CompactProperties From(IReadOnlyDictionary<string, object?> properties, StringPool pool)
    {
        if (properties.Count == 0) return Empty;
        var pairs = properties.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        return new CompactProperties(
            [.. pairs.Select(p => pool.Get(p.Key))],
            [.. pairs.Select(p => p.Value switch
            {
                string s => pool.Get(s),
                string[] list => list.Select(pool.Get).ToArray(),
                var other => other,
            })]);
    }

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => keys;

    public IEnumerable<object?> Values => values;

    public int Count => keys.Length;

    public bool ContainsKey(string key) => Array.BinarySearch(keys, key, StringComparer.Ordinal) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var at = Array.BinarySearch(keys, key, StringComparer.Ordinal);
        value = at >= 0 ? values[at] : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < keys.Length; i++) yield return new KeyValuePair<string, object?>(keys[i], values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// One instance per distinct string (ids, types, property names and values, sentences), so that the thousands of
/// edges naming a hub, or the facts citing one sentence, share it. It only grows: strings of deleted facts stay
/// until the process restarts, a small leak next to what pooling saves.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> strings = new(StringComparer.Ordinal);

    public string Get(string value)
    {
        if (strings.TryGetValue(value, out var pooled)) return pooled;
        strings.Add(value);
        return value;
    }
}

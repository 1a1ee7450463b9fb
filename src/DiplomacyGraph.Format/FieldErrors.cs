namespace DiplomacyGraph.Format;

/// <summary>
/// Field errors with a cap: the first <see cref="Max"/> messages are kept, the rest only counted. A body built to
/// fail in every item (two megabytes of <c>{}</c>) once answered a 300 MB problem; with the cap the answer stays a few
/// kilobytes whatever the input, and <see cref="Count"/> still tells the client how much there is to fix.
/// </summary>
public sealed class FieldErrors
{
    /// <summary>The most messages a problem lists; <c>errorCount</c> gives the total.</summary>
    public const int Max = 100;

    /// <summary>The name of the problem's extension that carries <see cref="Count"/>.</summary>
    public const string CountName = "errorCount";

    private readonly Dictionary<string, List<string>> kept = new(StringComparer.Ordinal);
    private readonly int max;
    private int listed;

    /// <param name="max">The most messages kept: <see cref="Max"/>, or what is left of it when several lists share the cap.</param>
    public FieldErrors(int max = Max) => this.max = Math.Clamp(max, 0, Max);

    /// <summary>Every message added, kept or not.</summary>
    public int Count { get; private set; }

    /// <summary>True once the cap is reached: later messages are only counted.</summary>
    public bool Full => listed >= max;

    /// <summary>How many messages are kept.</summary>
    public int Listed => listed;

    public void Add(string path, string message)
    {
        Count++;
        if (Full) return;
        listed++;
        if (!kept.TryGetValue(path, out var list)) kept[path] = list = [];
        list.Add(message);
    }

    /// <summary>Counts a message without its text, for a caller that saw <see cref="Full"/> and saved itself building it.</summary>
    public void AddUnlisted()
    {
        if (!Full) throw new InvalidOperationException("A message is counted without its text only once the list is full.");
        Count++;
    }

    public Dictionary<string, string[]> ToDictionary() => kept.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// The first <paramref name="max"/> messages of <paramref name="errors"/> in their order, and how many there were in
    /// all (at least <paramref name="knownCount"/>, for errors already capped upstream).
    /// </summary>
    public static (Dictionary<string, string[]> Errors, int Count) Cap(IEnumerable<KeyValuePair<string, string[]>> errors, int knownCount = 0, int max = Max)
    {
        var capped = new FieldErrors(max);
        foreach (var (path, messages) in errors)
        {
            foreach (var message in messages) capped.Add(path, message);
        }
        return (capped.ToDictionary(), Math.Max(capped.Count, knownCount));
    }
}

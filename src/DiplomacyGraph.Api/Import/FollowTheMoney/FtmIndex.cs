namespace DiplomacyGraph.Api.Import;

/// <summary>
/// The first pass over a file: what the batches of the second need to know of the whole file before anything is
/// written. Each entity's schema and name (so a batch can name, in evidence, an entity another batch holds), the few
/// entities mappers look into whole (a Position, read through its occupancies; the passports of each holder), each dataset's newest seen-time (which
/// dates its source before its first batch is written), the schemata skipped, and the malformed lines. Its memory is
/// a few dozen bytes an entity plus the looked-up entities, never the file.
/// </summary>
internal sealed class FtmIndex
{
    /// <summary>The schemata whose entities mappers read whole from other entities (an Occupancy reads its Position).</summary>
    public static readonly IReadOnlySet<string> LookedUp = new HashSet<string>(["Position"], StringComparer.Ordinal);

    private readonly Dictionary<string, (string Schema, string? Name)> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FtmEntity> whole = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FtmEntity>> passports = new(StringComparer.Ordinal);

    /// <summary>Each line's pass (by number): the later passes parse only their own lines.</summary>
    private readonly List<FtmPass> passes = [];

    /// <summary>Each dataset of the entities imported (not those only DEL records name), with its newest <c>last_change</c>/<c>last_seen</c>/<c>first_seen</c> (null when none has one).</summary>
    public SortedDictionary<string, string?> Datasets { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> SkippedSchemata { get; } = new(StringComparer.Ordinal);

    /// <summary>Malformed lines, by line (at most <see cref="FollowTheMoney.MaxNotes"/>; <see cref="MoreErrors"/> counts the rest).</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public int MoreErrors { get; private set; }

    /// <summary>Distinct entities of the schemata read.</summary>
    public int Entities => names.Count;

    /// <summary>DEL records.</summary>
    public int Deletions { get; private set; }

    /// <summary>Whether the file holds any DEL record, or any entity of a schema read.</summary>
    public bool Empty => names.Count == 0 && Deletions == 0;

    public static async Task<FtmIndex> Read(Stream stream, CancellationToken ct)
    {
        var index = new FtmIndex();
        await foreach (var line in FtmReader.Lines(stream, ct))
        {
            index.Add(line);
        }
        return index;
    }

    private void Add(FtmLine line)
    {
        if (line.Entity is not { } entity)
        {
            if (Errors.Count < FollowTheMoney.MaxNotes) Errors[$"line {line.Number}"] = [line.Problem!];
            else MoreErrors++;
            return;
        }
        if (line.Op == FtmOp.Delete)
        {
            Deletions++;
            Mark(line.Number, FtmPass.Rest);
            return;
        }
        if (!FollowTheMoney.Schemata.Contains(entity.Schema))
        {
            SkippedSchemata[entity.Schema] = SkippedSchemata.GetValueOrDefault(entity.Schema) + 1;
            return;
        }
        Mark(line.Number, FtmParties.Kinds.ContainsKey(entity.Schema) ? FtmPass.Parties : FtmPass.Rest);
        var newest = entity.Seen.Count == 0 ? null : entity.Seen.Max(StringComparer.Ordinal);
        foreach (var dataset in entity.Datasets)
        {
            var known = Datasets.GetValueOrDefault(dataset);
            Datasets[dataset] = known is null || (newest is not null && string.CompareOrdinal(newest, known) > 0) ? newest ?? known : known;
        }
        var name = entity.First("name") ?? entity.Caption;
        if (!names.TryGetValue(entity.Id, out var earlier) || earlier.Name is null)
        {
            names[entity.Id] = (string.IsInterned(entity.Schema) ?? string.Intern(entity.Schema), name is null ? null : FtmValues.Cap(name, 200));
        }
        if (entity.Schema == "Passport" && entity.First("holder") is { } holder)
        {
            // A holder's record carries its passports' numbers, wherever in the file (or in whichever batch) they are.
            (passports.TryGetValue(holder, out var held) ? held : passports[holder] = []).Add(entity);
        }
        if (LookedUp.Contains(entity.Schema))
        {
            whole[entity.Id] = whole.TryGetValue(entity.Id, out var fragment) ? FtmFragments.Union(fragment, entity) : entity;
        }
    }

    public bool Contains(string ftmId) => names.ContainsKey(ftmId);

    /// <summary>The <c>Passport</c> entities of the file that name this holder, in file order.</summary>
    public IReadOnlyList<FtmEntity> PassportsOf(string holderId) => passports.TryGetValue(holderId, out var held) ? held : [];

    /// <summary>Whether a line (by number) is read in this pass.</summary>
    public bool InPass(int line, FtmPass pass) => line < passes.Count && passes[line] == pass;

    private void Mark(int line, FtmPass pass)
    {
        while (passes.Count <= line) passes.Add(FtmPass.None);
        passes[line] = pass;
    }

    /// <summary>An entity another batch holds, as far as mappers may read it: whole when looked up, else its id, schema and name.</summary>
    public FtmEntity? Find(string ftmId)
    {
        if (whole.TryGetValue(ftmId, out var entity)) return entity;
        if (!names.TryGetValue(ftmId, out var known)) return null;
        return new FtmEntity(ftmId, known.Schema, known.Name is null ? [] : new() { ["name"] = [known.Name] }, [], 0, []);
    }
}

/// <summary>The pass that reads a line: parties first (actors), then the rest (what refers to them, and DEL records).</summary>
internal enum FtmPass : byte
{
    None,
    Parties,
    Rest,
}

/// <summary>Exports may give an entity in fragments (several lines, one id): their values are unioned.</summary>
internal static class FtmFragments
{
    public static FtmEntity Union(FtmEntity earlier, FtmEntity later)
    {
        foreach (var (key, values) in later.Properties)
        {
            var list = earlier.Properties.TryGetValue(key, out var l) ? l : earlier.Properties[key] = [];
            list.AddRange(values.Where(v => !list.Contains(v)));
        }
        earlier.Datasets.AddRange(later.Datasets.Where(d => !earlier.Datasets.Contains(d)));
        earlier.Seen.AddRange(later.Seen);
        earlier.Referents.AddRange(later.Referents.Where(r => !earlier.Referents.Contains(r)));
        return earlier.Caption is null && later.Caption is not null ? earlier with { Caption = later.Caption } : earlier;
    }
}

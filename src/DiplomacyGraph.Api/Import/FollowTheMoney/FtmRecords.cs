using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Import;

/// <summary>The records on their way into one dataset's document, each with the line it came from.</summary>
internal sealed class FtmDatasetRecords
{
    public List<(ActorRecord Record, int Line)> Actors { get; } = [];
    public List<(SanctionRecord Record, int Line)> Sanctions { get; } = [];
    public List<(RelationshipRecord Record, int Line)> Relationships { get; } = [];
    public List<(ProgramRecord Record, int Line)> Programs { get; } = [];
    public HashSet<string> Declared { get; } = new(StringComparer.Ordinal);
    public HashSet<string> RelationshipKeys { get; } = new(StringComparer.Ordinal);
    public List<string> Seen { get; } = [];
}

/// <summary>
/// What the mappers have made of one batch so far: records by dataset (an entity's records go into each of its
/// datasets, once), the FollowTheMoney ids the mapping file linked to ours, and notes on values left out. An entity's
/// records are staged (<see cref="Begin"/>) and kept (<see cref="Commit"/>) only when its mapper accepts it, so a
/// skipped entity leaves nothing behind; the ids it refers to are logged, to name them when the store knows none.
/// </summary>
internal sealed class FtmRecords(IReadOnlyDictionary<string, FtmEntity> entities, FtmIndex index, FtmMapping mapping)
{
    private List<Action>? staged;
    private readonly Dictionary<string, string> referenced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> referencedBy = new(StringComparer.Ordinal);
    private FtmEntity? current;

    public FtmMapping Mapping => mapping;
    public SortedDictionary<string, FtmDatasetRecords> Datasets { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Mapped { get; } = new(StringComparer.Ordinal);
    public List<string> Notes { get; } = [];

    /// <summary>Our id for a FollowTheMoney id: the mapping file's, else a slug of it.</summary>
    public string OurId(string ftmId)
    {
        string ours;
        if (mapping.Entities.TryGetValue(ftmId, out var mapped))
        {
            Mapped[ftmId] = mapped;
            ours = mapped;
        }
        else
        {
            ours = FtmValues.Slug("ftm-" + ftmId);
        }
        if (current is not null && ftmId != current.Id)
        {
            referenced[ours] = ftmId;
            var lines = referencedBy.TryGetValue(ours, out var l) ? l : referencedBy[ours] = [];
            if (lines.Count == 0 || lines[^1] != current.Line) lines.Add(current.Line);
        }
        return ours;
    }

    /// <summary>Starts an entity: its records wait for <see cref="Commit"/>.</summary>
    public void Begin(FtmEntity entity)
    {
        current = entity;
        staged = [];
    }

    /// <summary>Keeps the records of the entity begun.</summary>
    public void Commit()
    {
        var actions = staged ?? [];
        (staged, current) = (null, null);
        foreach (var action in actions) action();
    }

    /// <summary>Drops the records of the entity begun.</summary>
    public void Discard() => (staged, current) = (null, null);

    /// <summary>The FollowTheMoney id behind one of our ids that an entity referred to, if one did.</summary>
    public string? FtmIdOf(string ourId) => referenced.GetValueOrDefault(ourId);

    /// <summary>The lines of the entities that referred to one of our ids.</summary>
    public IReadOnlyList<int> LinesReferring(string ourId) => referencedBy.TryGetValue(ourId, out var lines) ? lines : [];

    /// <summary>The file's <c>Passport</c> entities of a holder (read in the first pass, so in any batch).</summary>
    public IReadOnlyList<FtmEntity> PassportsOf(string ftmId) => index.PassportsOf(ftmId);

    public FtmEntity? Find(string? ftmId) => ftmId is null ? null : entities.TryGetValue(ftmId, out var e) ? e : index.Find(ftmId);

    /// <summary>An entity as evidence names it: its id, with its name when the file has it.</summary>
    public string Label(string? ftmId) => Find(ftmId)?.First("name") is { } name ? $"'{ftmId}' ({name})" : $"'{ftmId}'";

    /// <summary>The records of one of the entity's datasets (whose seen-times date the dataset's source).</summary>
    public FtmDatasetRecords Dataset(string name, FtmEntity entity)
    {
        var set = Datasets.TryGetValue(name, out var s) ? s : Datasets[name] = new FtmDatasetRecords();
        set.Seen.AddRange(entity.Seen);
        return set;
    }

    public void AddActor(FtmEntity source, ActorRecord record) => Stage(() => Actor(source, record));

    private void Actor(FtmEntity source, ActorRecord record)
    {
        foreach (var name in source.Datasets)
        {
            var set = Dataset(name, source);
            if (set.Declared.Add(record.Id)) set.Actors.Add((record, source.Line));
        }
    }

    public void AddSanction(FtmEntity source, SanctionRecord record) => Stage(() => Sanction(source, record));

    private void Sanction(FtmEntity source, SanctionRecord record)
    {
        foreach (var name in source.Datasets)
        {
            var set = Dataset(name, source);
            if (set.Declared.Add(record.Id)) set.Sanctions.Add((record, source.Line));
        }
    }

    public void AddProgram(FtmEntity source, ProgramRecord record) => Stage(() => Program(source, record));

    private void Program(FtmEntity source, ProgramRecord record)
    {
        foreach (var name in source.Datasets)
        {
            var set = Dataset(name, source);
            if (set.Declared.Add(record.Id)) set.Programs.Add((record, source.Line));
        }
    }

    public void AddRelationship(FtmEntity source, string type, string from, string to, Dictionary<string, string> properties, string evidence) =>
        Stage(() => Relationship(source, type, from, to, properties, evidence));

    private void Stage(Action add)
    {
        if (staged is null) add();
        else staged.Add(add);
    }

    private void Relationship(FtmEntity source, string type, string from, string to, Dictionary<string, string> properties, string evidence)
    {
        foreach (var name in source.Datasets)
        {
            var set = Dataset(name, source);
            var (a, b) = RelationshipTypes.Canonical(type, from, to, properties);
            if (set.RelationshipKeys.Add($"{a}:{type}:{b}"))
            {
                set.Relationships.Add((new RelationshipRecord { Type = type, From = from, To = to, Properties = properties, Evidence = FtmValues.Cap(evidence) }, source.Line));
            }
        }
    }

    /// <summary>
    /// A relationship in each of the entity's datasets, like <see cref="AddRelationship"/>, except that one the dataset
    /// already holds between the same ends is not dropped but combined with this one by <paramref name="combine"/>.
    /// </summary>
    public void CombineRelationship(FtmEntity source, string type, string from, string to, Dictionary<string, string> properties, string evidence,
        Func<RelationshipRecord, RelationshipRecord, RelationshipRecord> combine) =>
        Stage(() => Combine(source, type, from, to, properties, evidence, combine));

    private void Combine(FtmEntity source, string type, string from, string to, Dictionary<string, string> properties, string evidence,
        Func<RelationshipRecord, RelationshipRecord, RelationshipRecord> combine)
    {
        var record = new RelationshipRecord { Type = type, From = from, To = to, Properties = properties, Evidence = FtmValues.Cap(evidence) };
        var ends = RelationshipTypes.Canonical(type, from, to, properties);
        var fresh = false;
        foreach (var name in source.Datasets)
        {
            var set = Dataset(name, source);
            // The key set says whether to look: a repeated pair is rare, a search of every relationship is not cheap.
            if (!set.RelationshipKeys.Contains($"{ends.From}:{type}:{ends.To}"))
            {
                fresh = true;
                continue;
            }
            var at = set.Relationships.FindIndex(r => r.Record.Type == type && RelationshipTypes.Canonical(type, r.Record.From, r.Record.To, r.Record.Properties) == ends);
            set.Relationships[at] = (combine(set.Relationships[at].Record, record), set.Relationships[at].Line);
        }
        // Adds it to the datasets that lack it; those that hold it keep their combined record.
        if (fresh) Relationship(source, type, from, to, properties, evidence);
    }

    /// <summary>
    /// A relationship between the two entities the properties <paramref name="keys"/> name, dated by the
    /// entity, keeping <paramref name="wordKey"/>'s text as <paramref name="propertyKey"/>; the problem when an end is missing.
    /// </summary>
    public string? AddLink(FtmEntity entity, string type, (string From, string To) keys, string wordKey, string propertyKey)
    {
        var (from, to) = (entity.First(keys.From), entity.First(keys.To));
        if (from is null || to is null)
        {
            return $"The {entity.Schema} '{entity.Id}' needs both '{keys.From}' and '{keys.To}'.";
        }
        var word = entity.First(wordKey);
        AddRelationship(entity, type, OurId(from), OurId(to), FtmValues.Interval(entity, word is null ? [] : new() { [propertyKey] = FtmValues.Cap(word, 500) }),
            $"FollowTheMoney {entity.Schema} '{entity.Id}': {keys.From} {Label(from)}, {keys.To} {Label(to)}{(word is null ? "" : $", {wordKey} “{word}”")}.");
        return null;
    }

    /// <summary>Our country actor for an ISO code (declared in the entity's datasets), or null with a note when the table lacks it.</summary>
    public string? Country(FtmEntity source, string property, string code)
    {
        if (!FollowTheMoney.Countries.TryGetValue(code.ToLowerInvariant(), out var country))
        {
            Notes.Add($"line {source.Line}: {source.Schema} '{source.Id}' {property} '{code}' is not in the country table; left out.");
            return null;
        }
        AddActor(source, new ActorRecord
        {
            Id = country.Id, Kind = ActorKinds.Country, Name = country.Name,
            Evidence = $"FollowTheMoney {source.Schema} '{source.Id}', property {property}: “{code}” (ISO 3166-1 code of {country.Name}).",
        });
        return country.Id;
    }
}

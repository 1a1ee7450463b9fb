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
/// What the mappers have made of a file so far: records by dataset (an entity's records go into each of its datasets,
/// once), the FollowTheMoney ids the mapping file linked to ours, and notes on values left out.
/// </summary>
internal sealed class FtmRecords(IReadOnlyDictionary<string, FtmEntity> entities, FtmMapping mapping)
{
    public FtmMapping Mapping => mapping;
    public SortedDictionary<string, FtmDatasetRecords> Datasets { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Mapped { get; } = new(StringComparer.Ordinal);
    public List<string> Notes { get; } = [];

    /// <summary>Our id for a FollowTheMoney id: the mapping file's, else a slug of it.</summary>
    public string OurId(string ftmId)
    {
        if (mapping.Entities.TryGetValue(ftmId, out var ours))
        {
            Mapped[ftmId] = ours;
            return ours;
        }
        return FtmValues.Slug("ftm-" + ftmId);
    }

    public FtmEntity? Find(string? ftmId) => ftmId is not null && entities.TryGetValue(ftmId, out var e) ? e : null;

    /// <summary>An entity as evidence names it: its id, with its name when the file has it.</summary>
    public string Label(string? ftmId) => Find(ftmId)?.First("name") is { } name ? $"'{ftmId}' ({name})" : $"'{ftmId}'";

    /// <summary>The records of one of the entity's datasets (whose seen-times date the dataset's source).</summary>
    public FtmDatasetRecords Dataset(string name, FtmEntity entity)
    {
        var set = Datasets.TryGetValue(name, out var s) ? s : Datasets[name] = new FtmDatasetRecords();
        set.Seen.AddRange(entity.Seen);
        return set;
    }

    public void AddActor(FtmEntity source, ActorRecord record)
    {
        foreach (var name in source.Datasets)
        {
            var set = Dataset(name, source);
            if (set.Declared.Add(record.Id)) set.Actors.Add((record, source.Line));
        }
    }

    public void AddSanction(FtmEntity source, SanctionRecord record)
    {
        foreach (var name in source.Datasets)
        {
            var set = Dataset(name, source);
            if (set.Declared.Add(record.Id)) set.Sanctions.Add((record, source.Line));
        }
    }

    public void AddProgram(FtmEntity source, ProgramRecord record)
    {
        foreach (var name in source.Datasets)
        {
            var set = Dataset(name, source);
            if (set.Declared.Add(record.Id)) set.Programs.Add((record, source.Line));
        }
    }

    public void AddRelationship(FtmEntity source, string type, string from, string to, Dictionary<string, string> properties, string evidence)
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
        if (fresh) AddRelationship(source, type, from, to, properties, evidence);
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

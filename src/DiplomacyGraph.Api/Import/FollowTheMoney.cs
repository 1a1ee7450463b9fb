using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;
using FluentValidation;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// How FollowTheMoney ids, authorities and datasets become ours: an explicit file (seed/README.md, "FollowTheMoney").
/// An entity mapped to one of our ids is that curated node: the import links to it but does not rewrite it.
/// </summary>
public sealed record FtmMapping
{
    /// <summary>FollowTheMoney entity id → our id, e.g. <c>"NK-petro": "gustavo-petro"</c>.</summary>
    public IReadOnlyDictionary<string, string> Entities { get; init; } = new Dictionary<string, string>();

    /// <summary>A sanction's <c>authority</c> text → the id of the actor who imposed it, e.g. <c>"Office of Foreign Assets Control": "ofac"</c>.</summary>
    public IReadOnlyDictionary<string, string> Authorities { get; init; } = new Dictionary<string, string>();

    /// <summary>Dataset name → the source it becomes.</summary>
    public IReadOnlyDictionary<string, FtmDataset> Datasets { get; init; } = new Dictionary<string, FtmDataset>();

    public static readonly FtmMapping None = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static FtmMapping Load(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<FtmMapping>(stream, Json) ?? None;
        }
        catch (JsonException e)
        {
            throw new InvalidKnowledgeDocumentException($"{file}: not a valid FollowTheMoney mapping at {e.Path ?? "$"}: {e.Message}");
        }
    }
}

/// <summary>The source a FollowTheMoney dataset becomes; every field is optional.</summary>
public sealed record FtmDataset
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    /// <summary>Publication date-time; without it, the latest <c>last_change</c>/<c>last_seen</c>/<c>first_seen</c> of the dataset's entities.</summary>
    public string? Published { get; init; }
}

/// <summary>What a FollowTheMoney file becomes: the graph to import, or the lines at fault.</summary>
public sealed record FtmConversion(
    DocumentGraph Graph,
    IReadOnlyList<string> SourceIds,
    int Entities,
    IReadOnlyDictionary<string, int> SkippedSchemata,
    IReadOnlyDictionary<string, string> Mapped,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads FollowTheMoney entities (one JSON object a line: id, schema, properties, datasets; other fields ignored) and
/// turns them into knowledge records, one document per dataset, checked by the same validator as any document, and
/// merged into one graph that the store imports in one transaction. The mapping table is in seed/README.md.
/// </summary>
public static partial class FollowTheMoney
{
    public const int MaxLines = 100_000;

    /// <summary>The most datasets (so sources) one file may hold.</summary>
    public const int MaxDatasets = 100;

    /// <summary>The most notes a summary lists; the last says how many more there were.</summary>
    public const int MaxNotes = 1000;

    /// <summary>The most nodes, and the most relationships, one import may write: as many as one knowledge document can hold.</summary>
    public const int MaxChanges = (7 * KnowledgeDocumentValidator.MaxItemsPerSection) + 1;

    /// <summary>FollowTheMoney schemata that become actors, and their kind.</summary>
    public static readonly IReadOnlyDictionary<string, string> ActorSchemata = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Person"] = ActorKinds.Person,
        ["Organization"] = ActorKinds.Organization,
        ["Company"] = ActorKinds.Organization,
        ["LegalEntity"] = ActorKinds.Organization,
        ["PublicBody"] = ActorKinds.Organization,
        // Not in FollowTheMoney's own model, but some exports carry countries as entities.
        ["Country"] = ActorKinds.Country,
    };

    /// <summary>The schemata read; any other is counted, skipped and listed.</summary>
    public static readonly IReadOnlySet<string> Schemata = new HashSet<string>(
        ActorSchemata.Keys.Concat(["Sanction", "Family", "Associate", "Membership", "Employment", "Occupancy", "Position"]), StringComparer.Ordinal);

    /// <summary>ISO 3166-1 alpha-2 codes (lower case, as FollowTheMoney writes them) → our country actors. Documented in seed/README.md.</summary>
    public static readonly IReadOnlyDictionary<string, (string Id, string Name)> Countries = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["ar"] = ("argentina", "Argentina"),
        ["bo"] = ("bolivia", "Bolivia"),
        ["br"] = ("brazil", "Brazil"),
        ["ca"] = ("canada", "Canada"),
        ["cl"] = ("chile", "Chile"),
        ["cn"] = ("china", "China"),
        ["co"] = ("colombia", "Colombia"),
        ["cu"] = ("cuba", "Cuba"),
        ["de"] = ("germany", "Germany"),
        ["ec"] = ("ecuador", "Ecuador"),
        ["es"] = ("spain", "Spain"),
        ["fr"] = ("france", "France"),
        ["gb"] = ("united-kingdom", "United Kingdom"),
        ["mx"] = ("mexico", "Mexico"),
        ["ni"] = ("nicaragua", "Nicaragua"),
        ["pa"] = ("panama", "Panama"),
        ["pe"] = ("peru", "Peru"),
        ["ru"] = ("russia", "Russia"),
        ["us"] = ("united-states", "United States"),
        ["ve"] = ("venezuela", "Venezuela"),
    };

    private static readonly string[] SeenFields = ["last_change", "last_seen", "first_seen"];
    private static readonly string[] PersonCountryFields = ["nationality", "citizenship", "country"];
    private static readonly string[] FinancialWords = ["block", "asset", "freez", "financ", "property", "sdn"];

    private sealed record Entity(string Id, string Schema, Dictionary<string, List<string>> Properties, List<string> Datasets, int Line, List<string> Seen)
    {
        public string? First(string property) => Properties.TryGetValue(property, out var values) ? values.FirstOrDefault() : null;

        public List<string> All(string property) => Properties.TryGetValue(property, out var values) ? values : [];
    }

    /// <summary>A record on its way into a dataset's document, with the line it came from.</summary>
    private sealed class Dataset
    {
        public List<(ActorRecord Record, int Line)> Actors { get; } = [];
        public List<(SanctionRecord Record, int Line)> Sanctions { get; } = [];
        public List<(RelationshipRecord Record, int Line)> Relationships { get; } = [];
        public HashSet<string> Declared { get; } = new(StringComparer.Ordinal);
        public HashSet<string> RelationshipKeys { get; } = new(StringComparer.Ordinal);
        public List<string> Seen { get; } = [];
    }

    public static async Task<FtmConversion> Read(TextReader reader, FtmMapping mapping, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (lineNumber > MaxLines)
            {
                errors[$"line {lineNumber}"] = [$"A FollowTheMoney import takes at most {MaxLines} lines."];
                break;
            }
            if (Parse(line, lineNumber, out var problem) is not { } entity)
            {
                errors[$"line {lineNumber}"] = [problem!];
                continue;
            }
            if (!Schemata.Contains(entity.Schema))
            {
                skipped[entity.Schema] = skipped.GetValueOrDefault(entity.Schema) + 1;
                continue;
            }
            if (entities.TryGetValue(entity.Id, out var earlier))
            {
                // Exports may give an entity in fragments: their values are unioned.
                foreach (var (key, values) in entity.Properties)
                {
                    var list = earlier.Properties.TryGetValue(key, out var l) ? l : earlier.Properties[key] = [];
                    list.AddRange(values.Where(v => !list.Contains(v)));
                }
                earlier.Datasets.AddRange(entity.Datasets.Where(d => !earlier.Datasets.Contains(d)));
                earlier.Seen.AddRange(entity.Seen);
                continue;
            }
            entities[entity.Id] = entity;
        }
        if (errors.Count > 0)
        {
            return Failed(errors);
        }
        return Convert(entities, mapping, skipped);
    }

    private static FtmConversion Failed(Dictionary<string, string[]> errors) =>
        new(new DocumentGraph([], []), [], 0, new Dictionary<string, int>(), new Dictionary<string, string>(), [], errors);

    private static Entity? Parse(string line, int number, out string? problem)
    {
        problem = null;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("A line must hold one JSON object (an entity).", out problem);
            var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var schema = root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (string.IsNullOrWhiteSpace(id)) return Fail("The entity has no 'id' string.", out problem);
            if (string.IsNullOrWhiteSpace(schema)) return Fail($"The entity '{id}' has no 'schema' string.", out problem);
            var properties = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (root.TryGetProperty("properties", out var p))
            {
                if (p.ValueKind != JsonValueKind.Object) return Fail($"The entity '{id}' has 'properties' that are not an object.", out problem);
                foreach (var property in p.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                    {
                        return Fail($"The entity '{id}' has property '{property.Name}' that is not a list of strings.", out problem);
                    }
                    properties[property.Name] = [.. property.Value.EnumerateArray().Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
                }
            }
            var datasets = new List<string>();
            if (root.TryGetProperty("datasets", out var d))
            {
                if (d.ValueKind != JsonValueKind.Array || d.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    return Fail($"The entity '{id}' has 'datasets' that are not a list of strings.", out problem);
                }
                datasets.AddRange(d.EnumerateArray().Select(v => v.GetString()!).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal));
            }
            if (datasets.Count == 0) datasets.Add("default");
            var seen = SeenFields
                .Select(key => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? LocalDateTime(v.GetString()) : null)
                .OfType<string>().ToList();
            return new Entity(id!, schema!, properties, datasets, number, seen);
        }
        catch (JsonException e)
        {
            return Fail($"Not a JSON object: {e.Message}", out problem);
        }

        static Entity? Fail(string message, out string? problem)
        {
            problem = message;
            return null;
        }
    }

    private static FtmConversion Convert(Dictionary<string, Entity> entities, FtmMapping mapping, SortedDictionary<string, int> skipped)
    {
        var notes = new List<string>();
        var datasets = new SortedDictionary<string, Dataset>(StringComparer.Ordinal);
        var mapped = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string OurId(string ftmId)
        {
            if (mapping.Entities.TryGetValue(ftmId, out var ours))
            {
                mapped[ftmId] = ours;
                return ours;
            }
            return Slug("ftm-" + ftmId);
        }
        Entity? Find(string? ftmId) => ftmId is not null && entities.TryGetValue(ftmId, out var e) ? e : null;
        string Label(string? ftmId) => Find(ftmId)?.First("name") is { } name ? $"'{ftmId}' ({name})" : $"'{ftmId}'";

        void AddActor(Entity source, ActorRecord record)
        {
            foreach (var name in source.Datasets)
            {
                var set = DatasetOf(datasets, name, source);
                if (set.Declared.Add(record.Id)) set.Actors.Add((record, source.Line));
            }
        }
        void AddRelationship(Entity source, string type, string from, string to, Dictionary<string, string> properties, string evidence)
        {
            foreach (var name in source.Datasets)
            {
                var set = DatasetOf(datasets, name, source);
                var (a, b) = RelationshipTypes.Canonical(type, from, to, properties);
                if (set.RelationshipKeys.Add($"{a}:{type}:{b}"))
                {
                    set.Relationships.Add((new RelationshipRecord { Type = type, From = from, To = to, Properties = properties, Evidence = Cap(evidence) }, source.Line));
                }
            }
        }
        string? Country(Entity source, string property, string code)
        {
            if (!Countries.TryGetValue(code.ToLowerInvariant(), out var country))
            {
                notes.Add($"line {source.Line}: {source.Schema} '{source.Id}' {property} '{code}' is not in the country table; left out.");
                return null;
            }
            AddActor(source, new ActorRecord
            {
                Id = country.Id, Kind = ActorKinds.Country, Name = country.Name,
                Evidence = $"FollowTheMoney {source.Schema} '{source.Id}', property {property}: “{code}” (ISO 3166-1 code of {country.Name}).",
            });
            return country.Id;
        }

        foreach (var entity in entities.Values.OrderBy(e => e.Line))
        {
            var id = OurId(entity.Id);
            switch (entity.Schema)
            {
                case var schema when ActorSchemata.TryGetValue(schema, out var kind):
                {
                    if (!mapping.Entities.ContainsKey(entity.Id))
                    {
                        var names = entity.All("name");
                        var name = names.Count > 0 ? names[0] : entity.First("caption");
                        if (name is null)
                        {
                            return Failed(new() { [$"line {entity.Line}"] = [$"The {schema} '{entity.Id}' has no name."] });
                        }
                        AddActor(entity, new ActorRecord
                        {
                            Id = id, Kind = kind, Name = Cap(name, 200),
                            Aliases = [.. names.Skip(1).Concat(entity.All("alias")).Where(a => a != name).Distinct(StringComparer.Ordinal).Select(a => Cap(a, 200)).Take(50)],
                            Description = (entity.First("description") ?? entity.First("summary")) is { } d ? Cap(d) : null,
                            Evidence = $"FollowTheMoney {schema} '{entity.Id}', property name: “{name}”.",
                        });
                    }
                    if (kind == ActorKinds.Person)
                    {
                        var (property, codes) = PersonCountryFields.Select(p => (p, entity.All(p))).FirstOrDefault(p => p.Item2.Count > 0);
                        foreach (var code in codes ?? [])
                        {
                            if (Country(entity, property, code) is { } country)
                            {
                                AddRelationship(entity, "ORIGINATES_FROM", id, country, [], $"FollowTheMoney Person '{entity.Id}', property {property}: “{code}”.");
                            }
                        }
                    }
                    else if (schema == "PublicBody")
                    {
                        foreach (var code in entity.All("country"))
                        {
                            if (Country(entity, "country", code) is { } country)
                            {
                                AddRelationship(entity, "PART_OF", id, country, [], $"FollowTheMoney PublicBody '{entity.Id}', property country: “{code}”.");
                            }
                        }
                    }
                    break;
                }
                case "Sanction":
                {
                    var target = entity.First("entity");
                    if (target is null)
                    {
                        return Failed(new() { [$"line {entity.Line}"] = [$"The Sanction '{entity.Id}' has no 'entity' it is imposed on."] });
                    }
                    var authority = entity.First("authority");
                    var program = entity.First("program");
                    var end = Date(entity.First("endDate"));
                    var status = Status(entity.First("status"), end);
                    var facts = string.Join(", ", new[] { ("entity", target), ("authority", authority), ("program", program), ("listingDate", entity.First("listingDate")),
                        ("startDate", entity.First("startDate")), ("endDate", entity.First("endDate")), ("status", entity.First("status")) }
                        .Where(f => f.Item2 is not null).Select(f => $"{f.Item1} “{f.Item2}”"));
                    var evidence = $"FollowTheMoney Sanction '{entity.Id}': {facts}.";
                    var text = string.Join(" ", entity.All("provisions").Concat(entity.All("reason")).Concat(entity.All("summary")));
                    foreach (var name in entity.Datasets)
                    {
                        var set = DatasetOf(datasets, name, entity);
                        if (!set.Declared.Add(id)) continue;
                        set.Sanctions.Add((new SanctionRecord
                        {
                            Id = id, Kind = SanctionKind(text + " " + program),
                            Description = Cap(entity.First("reason") ?? entity.First("provisions") ?? entity.First("summary") ?? entity.First("description")
                                ?? $"{authority ?? "A sanctions authority"} sanctioned {Find(target)?.First("name") ?? target}{(program is null ? "" : $" under {program}")}."),
                            Date = Date(entity.First("date")), Authority = authority is null ? null : Cap(authority, 500), Program = program is null ? null : Cap(program, 500),
                            Listed = Date(entity.First("listingDate")), Start = Date(entity.First("startDate")), End = end, Status = status,
                            Evidence = Cap(evidence),
                        }, entity.Line));
                    }
                    AddRelationship(entity, "TARGETS", id, OurId(target), [], evidence);
                    string? imposer = null;
                    if (authority is not null)
                    {
                        imposer = mapping.Authorities.TryGetValue(authority, out var known) ? known : Slug(authority);
                        if (!mapping.Authorities.ContainsKey(authority))
                        {
                            AddActor(entity, new ActorRecord { Id = imposer, Kind = ActorKinds.Organization, Name = Cap(authority, 200), Evidence = $"FollowTheMoney Sanction '{entity.Id}', property authority: “{authority}”." });
                        }
                    }
                    else if (entity.First("country") is { } code)
                    {
                        imposer = Country(entity, "country", code);
                    }
                    if (imposer is not null)
                    {
                        AddRelationship(entity, "IMPOSED", imposer, id, Date(entity.First("startDate") ?? entity.First("listingDate")) is { } on ? new() { ["date"] = on } : [], evidence);
                    }
                    break;
                }
                case "Family":
                {
                    var (person, relative) = (entity.First("person"), entity.First("relative"));
                    if (person is null || relative is null)
                    {
                        return Failed(new() { [$"line {entity.Line}"] = [$"The Family '{entity.Id}' needs both 'person' and 'relative'."] });
                    }
                    var word = entity.First("relationship");
                    var properties = Interval(entity, new() { ["relation"] = FamilyRelation(word) });
                    // FollowTheMoney: relationship is what the relative is to the person ("wife": the relative is the person's wife).
                    AddRelationship(entity, "FAMILY_OF", OurId(relative), OurId(person), properties,
                        $"FollowTheMoney Family '{entity.Id}': relative {Label(relative)} is person {Label(person)}'s “{word ?? "relative"}” (properties person, relative, relationship).");
                    break;
                }
                case "Associate":
                {
                    var (person, associate) = (entity.First("person"), entity.First("associate"));
                    if (person is null || associate is null)
                    {
                        return Failed(new() { [$"line {entity.Line}"] = [$"The Associate '{entity.Id}' needs both 'person' and 'associate'."] });
                    }
                    var word = entity.First("relationship");
                    AddRelationship(entity, "ASSOCIATE_OF", OurId(person), OurId(associate), Interval(entity, word is null ? [] : new() { ["relation"] = Cap(word, 500) }),
                        $"FollowTheMoney Associate '{entity.Id}': person {Label(person)}, associate {Label(associate)}{(word is null ? "" : $", relationship “{word}”")}.");
                    break;
                }
                case "Membership" or "Employment":
                {
                    var (memberKey, organizationKey) = entity.Schema == "Membership" ? ("member", "organization") : ("employee", "employer");
                    var (member, organization) = (entity.First(memberKey), entity.First(organizationKey));
                    if (member is null || organization is null)
                    {
                        return Failed(new() { [$"line {entity.Line}"] = [$"The {entity.Schema} '{entity.Id}' needs both '{memberKey}' and '{organizationKey}'."] });
                    }
                    var role = entity.First("role");
                    AddRelationship(entity, "MEMBER_OF", OurId(member), OurId(organization), Interval(entity, role is null ? [] : new() { ["role"] = Cap(role, 500) }),
                        $"FollowTheMoney {entity.Schema} '{entity.Id}': {memberKey} {Label(member)}, {organizationKey} {Label(organization)}{(role is null ? "" : $", role “{role}”")}.");
                    break;
                }
                case "Occupancy":
                {
                    var (holder, post) = (entity.First("holder"), Find(entity.First("post")));
                    if (holder is null || post is null)
                    {
                        return Failed(new() { [$"line {entity.Line}"] = [$"The Occupancy '{entity.Id}' needs a 'holder' and a 'post' that is a Position in the file."] });
                    }
                    var office = post.First("organization") is { } org ? OurId(org)
                        : post.First("country") is { } code ? Country(post, "country", code)
                        : null;
                    if (office is null)
                    {
                        notes.Add($"line {entity.Line}: Occupancy '{entity.Id}' left out: its Position '{post.Id}' names no organization or known country.");
                        break;
                    }
                    var properties = Interval(entity, []);
                    if (post.First("name") is { } title) properties["title"] = Cap(title, 500);
                    properties["status"] = entity.First("status") is "current" || (entity.First("status") is null && !properties.ContainsKey("until")) ? "current" : "former";
                    AddRelationship(entity, "HOLDS_OFFICE", OurId(holder), office, properties,
                        $"FollowTheMoney Occupancy '{entity.Id}': holder {Label(holder)}, post Position '{post.Id}' (name “{post.First("name")}”{(post.First("country") is { } c ? $", country “{c}”" : "")}){(entity.First("status") is { } s ? $", status “{s}”" : "")}.");
                    break;
                }
                case "Position":
                    // An office: read through the Occupancy that names it.
                    break;
            }
        }

        // One document per dataset, checked by the same validator as any knowledge document.
        ValidationConventions.Apply();
        var validator = new KnowledgeDocumentValidator();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var graphs = new List<DocumentGraph>();
        var sourceIds = new List<string>();
        foreach (var (name, set) in datasets)
        {
            var info = mapping.Datasets.GetValueOrDefault(name) ?? new FtmDataset();
            var published = info.Published ?? set.Seen.Max(StringComparer.Ordinal);
            if (published is null)
            {
                errors[$"datasets.{name}"] = [$"The dataset '{name}' has no publication date: give 'published' in the mapping file, or entities with last_seen."];
                continue;
            }
            var document = new KnowledgeDocument
            {
                Source = new SourceRecord
                {
                    Id = info.Id ?? Slug("ftm-" + name), Title = info.Title ?? $"FollowTheMoney dataset {name}", Outlet = info.Outlet ?? "FollowTheMoney export",
                    Url = info.Url, Published = published,
                },
                Actors = [.. set.Actors.Select(a => a.Record)],
                Sanctions = [.. set.Sanctions.Select(s => s.Record)],
                Relationships = [.. set.Relationships.Select(r => r.Record)],
            };
            var result = validator.Validate(document);
            foreach (var failure in result.Errors)
            {
                var line = LineOf(failure.PropertyName, set);
                var key = line is null ? $"datasets.{name}" : $"line {line}";
                errors[key] = [.. errors.GetValueOrDefault(key, []), $"{KnowledgeJson.Describe(document, failure.PropertyName)}: {failure.ErrorMessage}"];
            }
            sourceIds.Add(document.Source.Id);
            graphs.Add(KnowledgeGraph.From(document));
        }
        if (datasets.Count > MaxDatasets)
        {
            errors["datasets"] = [$"The file names {datasets.Count} datasets; one import takes at most {MaxDatasets}. Split the file by dataset."];
        }
        if (errors.Count > 0) return Failed(errors);
        var merged = Merge(graphs);
        if (merged.Nodes.Count > MaxChanges || merged.Edges.Count > MaxChanges)
        {
            return Failed(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["entities"] = [$"The file makes {merged.Nodes.Count} nodes and {merged.Edges.Count} relationships; one import writes at most {MaxChanges} of each. Split the file."],
            });
        }
        if (notes.Count > MaxNotes)
        {
            var more = notes.Count - (MaxNotes - 1);
            notes = [.. notes.Take(MaxNotes - 1), $"… and {more} more notes."];
        }
        return new FtmConversion(merged, sourceIds, entities.Count, skipped, mapped, notes, errors);
    }

    private static Dataset DatasetOf(SortedDictionary<string, Dataset> datasets, string name, Entity entity)
    {
        var set = datasets.TryGetValue(name, out var s) ? s : datasets[name] = new Dataset();
        set.Seen.AddRange(entity.Seen);
        return set;
    }

    private static int? LineOf(string path, Dataset set)
    {
        var match = EntityPath().Match(path);
        if (!match.Success) return null;
        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        return match.Groups["section"].Value switch
        {
            "actors" when index < set.Actors.Count => set.Actors[index].Line,
            "sanctions" when index < set.Sanctions.Count => set.Sanctions[index].Line,
            "relationships" when index < set.Relationships.Count => set.Relationships[index].Line,
            _ => null,
        };
    }

    /// <summary>The datasets' graphs as one: a node or relationship in several datasets carries every dataset's evidence.</summary>
    private static DocumentGraph Merge(IEnumerable<DocumentGraph> graphs)
    {
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var edges = new Dictionary<string, GraphEdge>(StringComparer.Ordinal);
        var nodeOrder = new List<string>();
        var edgeOrder = new List<string>();
        foreach (var graph in graphs)
        {
            foreach (var node in graph.Nodes)
            {
                if (nodes.TryGetValue(node.Id, out var known)) nodes[node.Id] = GraphMerge.Node(known, node);
                else { nodes[node.Id] = node; nodeOrder.Add(node.Id); }
            }
            foreach (var edge in graph.Edges)
            {
                if (edges.TryGetValue(edge.Id, out var known)) edges[edge.Id] = GraphMerge.Edge(known, edge);
                else { edges[edge.Id] = edge; edgeOrder.Add(edge.Id); }
            }
        }
        return new DocumentGraph([.. nodeOrder.Select(id => nodes[id])], [.. edgeOrder.Select(id => edges[id])]);
    }

    private static Dictionary<string, string> Interval(Entity entity, Dictionary<string, string> properties)
    {
        if (Date(entity.First("startDate")) is { } since) properties["since"] = since;
        if (Date(entity.First("endDate")) is { } until) properties["until"] = until;
        return properties;
    }

    /// <summary>FollowTheMoney's relationship word, from the person's side ("wife", "son"), as our relation.</summary>
    public static string FamilyRelation(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "wife" or "husband" or "spouse" or "partner" => FamilyRelations.Spouse,
        "son" or "daughter" or "child" or "stepson" or "stepdaughter" => FamilyRelations.Child,
        "father" or "mother" or "parent" => FamilyRelations.Parent,
        "brother" or "sister" or "sibling" => FamilyRelations.Sibling,
        _ => FamilyRelations.Relative,
    };

    private static string? Status(string? status, string? end) => status?.Trim().ToLowerInvariant() switch
    {
        "active" or "current" => SanctionStatuses.Active,
        // Lifted and expired need an end date; without one the status is not carried over.
        "lifted" or "revoked" or "delisted" or "removed" when end is not null => SanctionStatuses.Lifted,
        "expired" or "ended" when end is not null => SanctionStatuses.Expired,
        _ => null,
    };

    private static string SanctionKind(string text)
    {
        var t = text.ToLowerInvariant();
        return t.Contains("visa", StringComparison.Ordinal) ? "visa-revocation"
            : t.Contains("travel", StringComparison.Ordinal) ? "travel-ban"
            : t.Contains("arms", StringComparison.Ordinal) ? "arms-embargo"
            : FinancialWords.Any(w => t.Contains(w, StringComparison.Ordinal)) ? "financial"
            : "other";
    }

    /// <summary>A FollowTheMoney date (full, partial, or with a time) as our ISO date; other text is dropped.</summary>
    private static string? Date(string? value)
    {
        if (value is null) return null;
        var date = value.Length > 10 ? value[..10] : value;
        return PartialDate().IsMatch(date) ? date : null;
    }

    private static string? LocalDateTime(string? value) =>
        value is { Length: >= 10 } && PartialDate().IsMatch(value[..10]) ? (value.Length >= 16 && value[10] == 'T' ? value[..16] : value[..10]) : null;

    /// <summary>A lowercase slug; a long one is cut and made unique with a hash of the whole.</summary>
    public static string Slug(string text)
    {
        var folded = Text.Fold(text);
        var slug = NonSlug().Replace(folded, "-").Trim('-');
        if (slug.Length == 0) slug = "x";
        if (slug.Length <= KnowledgeDocumentValidator.MaxIdLength) return slug;
        var hash = System.Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10].ToLowerInvariant();
        return $"{slug[..(KnowledgeDocumentValidator.MaxIdLength - 11)].TrimEnd('-')}-{hash}";
    }

    private static string Cap(string text, int max = KnowledgeDocumentValidator.MaxTextLength) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex PartialDate();

    [GeneratedRegex(@"^(?<section>[a-zA-Z]+)\[(?<index>\d+)\]")]
    private static partial Regex EntityPath();
}

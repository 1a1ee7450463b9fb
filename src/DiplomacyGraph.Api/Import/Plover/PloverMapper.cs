using System.Text.RegularExpressions;
using DiplomacyGraph.Api.Import.EventData;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Import;

/// <summary>One PLOVER record in our terms: a knowledge document of its own (its source, event, actors, place and links).</summary>
internal sealed record PloverPiece(string RecordId, int Line, KnowledgeDocument Document, IReadOnlyList<string> Notes);

/// <summary>A record that was not imported, and why (<see cref="PloverSkipReasons"/>); <paramref name="Status"/> is the HTTP status it amounts to.</summary>
internal sealed record PloverSkipped(string Id, int Line, string Reason, int Status, string Detail);

/// <summary>Why a record is skipped.</summary>
internal static class PloverSkipReasons
{
    public const string Malformed = "malformed";
    public const string NoId = "no-id";
    public const string DuplicateId = "duplicate-id";
    public const string NoDate = "no-date";
    public const string Unmappable = "unmappable-type";
    public const string NoActor = "no-actor";
    public const string NoText = "no-text";
    public const string Invalid = "invalid";
    public const string Refused = "refused";
}

/// <summary>
/// A PLOVER record → one event (id from the record's <c>id</c>, <c>plover-</c> prefixed), its sentence as evidence,
/// its publication and date as the source (curated: people coded it), its type, mode and contexts in the current
/// manual's terms through <see cref="Plover.Recode"/> (older drafts' values kept as the originals), its actors as
/// <c>PARTICIPATED_IN</c> (role actor) and its recipients as <c>TARGETED</c> (role recipient) with their PLOVER sector,
/// and its location as a place it <c>OCCURRED_IN</c>. The mapping table is in seed/README.md ("PLOVER records").
/// </summary>
internal sealed partial class PloverMapper(NamedActors names)
{
    private const int MaxTitle = 200;

    public async Task<(PloverPiece? Piece, PloverSkipped? Skipped)> Map(PloverFields record, int line, CancellationToken ct)
    {
        var rawId = record.Text("id");
        if (rawId is null) return Skip("?", line, PloverSkipReasons.NoId, 422, "The record has no 'id'.");
        var id = EventId(rawId);
        var kinds = record.Texts("event");
        if (kinds.Count == 0) return Skip(rawId, line, PloverSkipReasons.Unmappable, 422, "The record has no 'event' (its PLOVER type).");
        var notes = new List<string>();
        var modes = record.Texts("mode");
        var coding = Plover.Recode(kinds[0], modes.FirstOrDefault(m => Plover.IsMode(kinds[0], m)) ?? (modes is [var mode, ..] ? mode : null), record.Texts("context"), out var reason);
        if (coding is null) return Skip(rawId, line, PloverSkipReasons.Unmappable, 422, reason!);
        if (kinds.Count > 1) notes.Add($"It codes several types ({string.Join(", ", kinds)}); the event takes the first, {kinds[0]}.");
        if (modes.Count > 1) notes.Add($"It codes several modes ({string.Join(", ", modes)}); the event takes one.");
        if (Date(record.Text("date")) is not { } date) return Skip(rawId, line, PloverSkipReasons.NoDate, 422, "The record has no 'date' (yyyy-MM-dd).");

        var eventTexts = record.Texts("event_text", "eventText");
        var text = record.Text("text");
        if (text is null && eventTexts.Count > 0)
        {
            text = string.Join(" … ", eventTexts);
            notes.Add("It has no 'text' (the sentence it was coded from); its evidence is the coder's 'event_text'.");
        }
        if (text is null) return Skip(rawId, line, PloverSkipReasons.NoText, 422, "The record has neither 'text' nor 'event_text': there is no evidence to cite.");
        text = FtmValues.Cap(text);

        var cite = record.Object("cite_info", "citeInfo");
        var source = Source(record, cite, date);
        var actors = new Dictionary<string, ActorRecord>(StringComparer.Ordinal);
        var relationships = new Dictionary<(string, string, string), RelationshipRecord>();
        foreach (var (field, type, role) in Sides)
        {
            foreach (var entity in record.Objects(field))
            {
                if (await Actor(entity, text, actors, notes, ct) is not { } actorId) continue;
                var (from, to) = type == RelationshipTypes.ParticipatedIn ? (actorId, id) : (id, actorId);
                relationships.TryAdd((type, from, to), new RelationshipRecord { Type = type, From = from, To = to, Properties = Sector(entity, role), Evidence = text });
            }
        }
        if (!relationships.Keys.Any(k => k.Item1 == RelationshipTypes.ParticipatedIn))
        {
            return Skip(rawId, line, PloverSkipReasons.NoActor, 422, "The record has no actor ('actor', or v0.5b1's 'source') that names a country code or an entity.");
        }

        var places = new List<PlaceRecord>();
        if (Place(record.Object("event_loc", "eventLoc"), text) is { } place)
        {
            places.Add(place);
            relationships.TryAdd((RelationshipTypes.OccurredIn, id, place.Id), new RelationshipRecord { Type = RelationshipTypes.OccurredIn, From = id, To = place.Id, Evidence = text });
        }
        var size = record.Object("size") is { } sizes ? sizes : (PloverFields?)null;
        var (dead, deadText) = (size ?? record).Count("dead");
        var (injured, injuredText) = (size ?? record).Count("injured");
        var (participants, sizeText) = size is null ? record.Count("size") : (null, null);
        foreach (var (field, unread) in new[] { ("dead", deadText), ("injured", injuredText), ("size", sizeText) }.Where(f => f.Item2 is not null))
        {
            notes.Add($"Its '{field}' (\"{FtmValues.Cap(unread!, 60)}\") is not a whole number, so it is left out.");
        }
        var title = eventTexts.Count > 0 ? $"{coding.Kind}: {eventTexts[0]}" : $"{coding.Kind}: {text}";
        var evt = new EventRecord
        {
            Id = id, Kind = coding.Kind, Mode = coding.Mode, Contexts = coding.Contexts,
            OriginalKind = coding.OriginalKind, OriginalMode = coding.OriginalMode, OriginalContexts = coding.OriginalContexts,
            Title = FtmValues.Cap(title, MaxTitle), Date = date, EndDate = Date(record.Text("enddate", "endDate")),
            Description = record.Text("comment") is { } comment ? FtmValues.Cap(comment) : null,
            Dead = dead, Injured = injured, Size = participants, Evidence = text,
        };
        var document = new KnowledgeDocument
        {
            Source = source, Actors = [.. actors.Values], Places = places, Events = [evt], Relationships = [.. relationships.Values],
        };
        return (new PloverPiece(rawId, line, document, notes), null);
    }

    /// <summary>The record's id as an event id: slugged, and prefixed <c>plover-</c> unless it already is (the gold standard's are).</summary>
    public static string EventId(string id)
    {
        var slug = FtmValues.Slug(id);
        return slug.StartsWith("plover-", StringComparison.Ordinal) ? slug : FtmValues.Slug($"plover-{id}");
    }

    private static readonly (string[] Field, string Type, string Role)[] Sides =
    [
        (["actor", "source"], RelationshipTypes.ParticipatedIn, "actor"),
        (["recipient", "target"], RelationshipTypes.Targeted, "recipient"),
    ];

    /// <summary>
    /// An entity's actor. PLOVER codes an actor by its code and sector, the text being what was extracted ("Hungarian"
    /// officials, code HUN, sector GOV): so a country code gives the country, unless the entity was resolved to a
    /// named entity (<c>identifier_text</c>, Wikidata's name). Otherwise the one actor of ours the name names, else a new
    /// organization of that name (<c>plover-&lt;slug&gt;</c>) for resolution to review. Which way an entity goes depends on
    /// its own fields only, so a re-import links every record as the first import did.
    /// </summary>
    private async Task<string?> Actor(PloverFields entity, string evidence, Dictionary<string, ActorRecord> actors, List<string> notes, CancellationToken ct)
    {
        var identified = entity.Text("identifier_text");
        var code = entity.Text("code");
        if (identified is null && CountryCodes.Actor(code) is { } country)
        {
            actors.TryAdd(country.Id, new ActorRecord { Id = country.Id, Kind = ActorKinds.Country, Name = country.Name, Evidence = evidence });
            return country.Id;
        }
        var name = identified ?? entity.Text("entity_text", "actorText");
        if (name is null)
        {
            if (code is not null) notes.Add($"An entity with code '{code}' and no text names no country we know; it is left out.");
            return null;
        }
        if (await names.Resolve(name, ct) is { Existing: true } known) return known.Id;
        var actorId = names.NewId(name);
        var wikidata = entity.Text("identifier_id") is { } wd && WikidataId().Match(wd) is { Success: true } match ? match.Value : null;
        actors.TryAdd(actorId, new ActorRecord
        {
            Id = actorId, Kind = ActorKinds.Organization, Name = FtmValues.Cap(name, 200), Evidence = evidence,
            Identifiers = wikidata is null ? [] : [new IdentifierRecord { Scheme = "wikidata", Value = wikidata }],
        });
        return actorId;
    }

    /// <summary>The role, and the PLOVER sector: its first three letters when they are one (<c>CVLalb</c> → CVL), the code as given where it differs.</summary>
    private static Dictionary<string, string> Sector(PloverFields entity, string role)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["role"] = role };
        if (entity.Text("sector") is not { } given) return properties;
        var primary = given.Length >= 3 ? given[..3].ToUpperInvariant() : given;
        if (Plover.IsSector(primary)) properties["sector"] = primary;
        if (given != primary || !Plover.IsSector(primary)) properties["originalSector"] = FtmValues.Cap(given, 100);
        return properties;
    }

    private static SourceRecord Source(PloverFields record, PloverFields? cite, string date)
    {
        var publication = cite?.Text("publication") ?? record.Text("publication") ?? cite?.Text("corpus") ?? record.Text("coder") ?? "Unnamed PLOVER publication";
        var url = cite?.Text("url") is { } u && Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? u : null;
        return new SourceRecord
        {
            Id = FtmValues.Slug($"plover-source-{publication}-{date}"),
            Title = FtmValues.Cap(cite?.Text("title") ?? publication, 500),
            Outlet = FtmValues.Cap(publication, 200),
            Url = url,
            Published = date,
            Language = (cite?.Text("language") ?? record.Text("language")) is { Length: <= 20 } language ? language : null,
            Provenance = SourceProvenance.Curated,
        };
    }

    /// <summary>The event's place: the manual's location object (Mordecai/Geonames fields) or v0.5b1's <c>{name, country code}</c>.</summary>
    private static PlaceRecord? Place(PloverFields? location, string evidence)
    {
        if (location is not { } loc || (loc.Text("resolved_place", "extracted_place", "name", "city") is not { } name)) return null;
        var code = loc.Text("country_code", "country code", "countryCode");
        var country = code switch
        {
            { Length: 3 } alpha3 => CountryCodes.Alpha2(alpha3),
            { Length: 2 } alpha2 => alpha2.ToLowerInvariant(),
            _ => null,
        };
        var (lat, lon) = (loc.Number("lat", "latitude"), loc.Number("lon", "longitude"));
        if (lat is < -90 or > 90 || lon is < -180 or > 180) (lat, lon) = (null, null);
        var id = loc.Text("geonameid") is { } geonames ? FtmValues.Slug($"plover-place-geonames-{geonames}") : FtmValues.Slug($"plover-place-{name}-{country}");
        return new PlaceRecord { Id = id, Name = FtmValues.Cap(name, 200), Latitude = lat, Longitude = lon, Country = country, Evidence = evidence };
    }

    private static string? Date(string? value) => value is { Length: >= 10 } && FullDate().IsMatch(value[..10]) ? value[..10] : null;

    private static (PloverPiece?, PloverSkipped?) Skip(string id, int line, string reason, int status, string detail) => (null, new PloverSkipped(id, line, reason, status, detail));

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"Q[1-9]\d{0,11}$")]
    private static partial Regex WikidataId();
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DiplomacyGraph.Api.Import.EventData;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Import.Gdelt;

/// <summary>What a row became: its document, or why it was not imported.</summary>
internal sealed record GdeltMapped(KnowledgeDocument? Document, string? Reason, string? Detail, string? DroppedRoot = null);

/// <summary>
/// One GDELT row → one knowledge document (the mapping table is in seed/README.md, "GDELT 2.0 events"):
/// the row's source article (<c>SOURCEURL</c>, dated by <c>DATEADDED</c>, <c>provenance: coded</c>), its event
/// (<c>gdelt-&lt;GLOBALEVENTID&gt;</c>, PLOVER kind/mode/contexts through <see cref="Cameo2Plover"/>, GDELT's coding kept),
/// Actor1 → <c>PARTICIPATED_IN</c> (role actor), Actor2 → <c>TARGETED</c> (role recipient), each with its sector, and
/// ActionGeo → a place and <c>OCCURRED_IN</c>. A side is its country actor when its country code names one
/// (<see cref="CountryCodes"/>), else its named actor (<see cref="NamedActors"/>), else it is left out.
/// <para>
/// The records of the actors and places a row links to are written only where needed: a country actor only when the
/// store lacks it, and a named actor or place once per import (its first row). So a hub such as the United States does
/// not collect one evidence sentence per article, which would grow its node with every file.
/// </para>
/// </summary>
internal sealed class GdeltMapper(IGraphStore store)
{
    public const string Prefix = "gdelt";

    private readonly NamedActors names = new(store, Prefix);
    private readonly Dictionary<string, bool> countryInStore = new(StringComparer.Ordinal);

    /// <summary>
    /// Maps a row. The records of actors and places it links to are written unless <paramref name="provided"/> (the
    /// records written before) or <paramref name="batch"/> (this batch's, or this row's, where the ones it adds go) has them.
    /// </summary>
    public async Task<GdeltMapped> Map(GdeltRow row, IReadOnlySet<string> provided, HashSet<string> batch, CancellationToken ct)
    {
        var root = row.EventCode[..2];
        if (Cameo2Plover.DroppedRoots.Contains(root)) return new GdeltMapped(null, null, null, root);
        if (Cameo2Plover.Find(row.EventCode) is not { } cameo)
        {
            return new GdeltMapped(null, GdeltSkipReasons.UnknownCode, $"CAMEO code {row.EventCode} is not in CAMEO2PLOVER-2021.txt, nor is its base or root code.");
        }
        var actors = new List<ActorRecord>();
        var relationships = new List<RelationshipRecord>();
        var evidence = Evidence(row, cameo);
        var eventId = $"{Prefix}-{row.GlobalEventId}";
        var actor1 = row.Actor1 is { } a1 ? await Side(a1, provided, batch, actors, evidence, ct) : null;
        var actor2 = row.Actor2 is { } a2 ? await Side(a2, provided, batch, actors, evidence, ct) : null;
        if (actor1 is null && actor2 is null)
        {
            return new GdeltMapped(null, GdeltSkipReasons.NoActor, "Neither Actor1 nor Actor2 names a country we know or a name.");
        }
        if (actor1 is { } one) relationships.Add(Link(RelationshipTypes.ParticipatedIn, one.Id, eventId, "actor", one.Type1Code, evidence));
        if (actor2 is { } two) relationships.Add(Link(RelationshipTypes.Targeted, eventId, two.Id, "recipient", two.Type1Code, evidence));
        var places = new List<PlaceRecord>();
        if (row.ActionGeo is { } geo)
        {
            var placeId = FtmValues.Slug($"{Prefix}-geo-{geo.FeatureId}");
            if (Adds(placeId, provided, batch))
            {
                places.Add(new PlaceRecord
                {
                    Id = placeId, Name = FtmValues.Cap(geo.FullName, 200), Latitude = geo.Latitude, Longitude = geo.Longitude, Evidence = evidence,
                });
            }
            relationships.Add(new RelationshipRecord { Type = RelationshipTypes.OccurredIn, From = eventId, To = placeId, Evidence = evidence });
        }
        var coding = cameo.Coding;
        var title = $"{cameo.Description}: {actor1?.Label ?? "(no actor)"} → {actor2?.Label ?? "(no recipient)"}";
        return new GdeltMapped(new KnowledgeDocument
        {
            Source = Source(row),
            Actors = actors,
            Places = places,
            Events =
            [
                new EventRecord
                {
                    Id = eventId, Kind = coding.Kind, Mode = coding.Mode, Contexts = coding.Contexts,
                    OriginalKind = coding.OriginalKind, OriginalMode = coding.OriginalMode, OriginalContexts = coding.OriginalContexts,
                    Title = FtmValues.Cap(title, 500), Date = row.Date,
                    CameoCode = row.EventCode, GoldsteinScale = row.GoldsteinScale, AvgTone = row.AvgTone,
                    NumMentions = row.NumMentions, NumSources = row.NumSources, NumArticles = row.NumArticles, CameoQuadClass = row.QuadClass,
                    Evidence = evidence,
                },
            ],
            Relationships = relationships,
        }, null, null);
    }

    /// <summary>The source of a row: one per URL, its id derived from the URL.</summary>
    public static SourceRecord Source(GdeltRow row)
    {
        var isUrl = Uri.TryCreate(row.SourceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        var outlet = isUrl ? uri!.Host : row.SourceUrl;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.SourceUrl)))[..12].ToLowerInvariant();
        var stem = FtmValues.Slug($"{Prefix}-{outlet}");
        return new SourceRecord
        {
            Id = $"{stem[..Math.Min(stem.Length, 100)].TrimEnd('-')}-{hash}",
            Title = FtmValues.Cap($"GDELT-coded article: {row.SourceUrl}", 2100),
            Outlet = FtmValues.Cap(outlet, 200),
            Url = isUrl ? row.SourceUrl : null,
            Published = row.DateAdded,
            Provenance = SourceProvenance.Coded,
        };
    }

    /// <summary>The evidence of every fact of a row: it is a machine-coded record, not a sentence anyone read.</summary>
    public static string Evidence(GdeltRow row, CameoCoding cameo) =>
        FtmValues.Cap($"Machine-coded GDELT 2.0 record: event {row.GlobalEventId}, CAMEO {row.EventCode} ({cameo.Description}), from {row.SourceUrl}");

    private sealed record Participant(string Id, string Label, string? Type1Code);

    private async Task<Participant?> Side(GdeltActor actor, IReadOnlySet<string> provided, HashSet<string> batch, List<ActorRecord> actors, string evidence, CancellationToken ct)
    {
        if (CountryCodes.Actor(actor.CountryCode) is var (countryId, countryName))
        {
            if (!countryInStore.TryGetValue(countryId, out var inStore))
            {
                inStore = await store.Exists(NodeLabel.Actor, countryId, ct);
                countryInStore[countryId] = inStore;
            }
            if (!inStore && Adds(countryId, provided, batch) && actors.All(a => a.Id != countryId))
            {
                actors.Add(new ActorRecord { Id = countryId, Kind = ActorKinds.Country, Name = countryName, Evidence = evidence });
            }
            return new Participant(countryId, countryName, actor.Type1Code);
        }
        if (actor.Name is not { } name) return null;
        var label = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());
        var named = await names.Resolve(name, ct);
        if (!named.Existing && Adds(named.Id, provided, batch) && actors.All(a => a.Id != named.Id))
        {
            actors.Add(new ActorRecord { Id = named.Id, Kind = ActorKinds.Organization, Name = FtmValues.Cap(label, 200), Evidence = evidence });
        }
        return new Participant(named.Id, label, actor.Type1Code);
    }

    /// <summary>Whether this row writes the record of <paramref name="id"/>: not written before, nor by this batch.</summary>
    private static bool Adds(string id, IReadOnlySet<string> provided, HashSet<string> batch) => !provided.Contains(id) && batch.Add(id);

    private static RelationshipRecord Link(string type, string from, string to, string role, string? type1Code, string evidence)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["role"] = role };
        if (type1Code is { Length: > 0 } code)
        {
            // CAMEO's type codes that are PLOVER sectors (GOV, MIL, REB, …) are the sector; the rest (IGO, NGO, …) stay as coded.
            properties[Plover.IsSector(code) ? "sector" : "originalSector"] = FtmValues.Cap(code, 100);
        }
        return new RelationshipRecord { Type = type, From = from, To = to, Properties = properties, Evidence = evidence };
    }
}

/// <summary>Why a row was not imported (the answer's <c>skipped.byReason</c> keys).</summary>
internal static class GdeltSkipReasons
{
    public const string Malformed = "malformed";
    public const string TooLong = "too-long";
    public const string UnknownCode = "unknown-code";
    public const string NoActor = "no-actor";
    public const string Invalid = "invalid";
    public const string Refused = "refused";
}

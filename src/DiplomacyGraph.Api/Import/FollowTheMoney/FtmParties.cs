using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Api.Import.FtmValues;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// Parties (Person, Organization, Company, LegalEntity, PublicBody, Country) become actors, with their names (see
/// <see cref="Record"/>), topics, identifiers (<see cref="FtmIdentifiers"/>), referents and, for persons, birth date and
/// place, gender and nationalities. A person's nationality (else citizenship, else country) links them to countries;
/// a public body's country is what it is part of.
/// An entity the mapping file links to a curated actor is not rewritten, only linked.
/// </summary>
internal static class FtmParties
{
    /// <summary>FollowTheMoney schemata that become actors, and their kind.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Person"] = ActorKinds.Person,
        ["Organization"] = ActorKinds.Organization,
        ["Company"] = ActorKinds.Organization,
        ["LegalEntity"] = ActorKinds.Organization,
        ["PublicBody"] = ActorKinds.Organization,
        // Not in FollowTheMoney's own model, but some exports carry countries as entities.
        ["Country"] = ActorKinds.Country,
    };

    private static readonly string[] PersonCountryFields = ["nationality", "citizenship", "country"];

    /// <summary>The labels FollowTheMoney gives the party schemata, which it also uses as the caption of an entity without a name.</summary>
    private static readonly HashSet<string> SchemaLabels = new(["Person", "Organization", "Company", "Legal entity", "Public body", "Country", "LegalEntity", "PublicBody"], StringComparer.Ordinal);

    /// <summary>Maps one party; the problem that stops the import, or null.</summary>
    public static string? Map(FtmEntity entity, string id, FtmRecords records)
    {
        var kind = Kinds[entity.Schema];
        if (!records.Mapping.Entities.ContainsKey(entity.Id))
        {
            if (Record(entity, id, records) is not { } record)
            {
                return $"The {entity.Schema} '{entity.Id}' has no name.";
            }
            records.AddActor(entity, record);
        }
        if (kind == ActorKinds.Person)
        {
            var (property, codes) = PersonCountryFields.Select(p => (p, entity.All(p))).FirstOrDefault(p => p.Item2.Count > 0);
            foreach (var code in codes ?? [])
            {
                if (records.Country(entity, property, code) is { } country)
                {
                    records.AddRelationship(entity, RelationshipTypes.OriginatesFrom, id, country, [], $"FollowTheMoney Person '{entity.Id}', property {property}: “{code}”.");
                }
            }
        }
        else if (entity.Schema == "PublicBody")
        {
            foreach (var code in entity.All("country"))
            {
                if (records.Country(entity, "country", code) is { } country)
                {
                    records.AddRelationship(entity, RelationshipTypes.PartOf, id, country, [], $"FollowTheMoney PublicBody '{entity.Id}', property country: “{code}”.");
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The actor record of a party, or null when it has no name. The display name is FollowTheMoney's <c>caption</c>
    /// (the name it chose among many spellings), else the first <c>name</c>; every other name and every <c>alias</c> is
    /// an alias, <c>weakAlias</c> values are weak aliases; each list capped as the format caps it.
    /// </summary>
    public static ActorRecord? Record(FtmEntity entity, string id, FtmRecords? records = null)
    {
        var names = entity.All("name");
        // FollowTheMoney captions a nameless entity with its schema's label: that is no name (unless a name says so).
        var name = entity.Caption is { } caption && (names.Contains(caption) || !SchemaLabels.Contains(caption)) ? caption : names.FirstOrDefault();
        if (name is null) return null;
        var shown = Cap(name, 200);
        var aliases = Names(names.Concat(entity.All("alias")), [shown]);
        var isPerson = Kinds[entity.Schema] == ActorKinds.Person;
        return new ActorRecord
        {
            Id = id, Kind = Kinds[entity.Schema], Name = shown,
            Aliases = aliases,
            WeakAliases = Names(entity.All("weakAlias"), [shown, .. aliases]),
            Description = (entity.First("description") ?? entity.First("summary")) is { } d ? Cap(d) : null,
            Topics = [.. entity.All("topics").Where(t => t.Length <= 50 && KnowledgeDocumentValidator.Topic().IsMatch(t)).Take(ActorFieldLimits.MaxTopics)],
            Identifiers = FtmIdentifiers.Of(entity, records?.PassportsOf(entity.Id) ?? []),
            BirthDate = isPerson ? entity.All("birthDate").Select(Date).OfType<string>().FirstOrDefault() : null,
            BirthPlace = isPerson && entity.First("birthPlace") is { } place ? Cap(place, 500) : null,
            Gender = isPerson && entity.First("gender") is { } gender ? Cap(gender, 50) : null,
            Nationalities = isPerson
                ? [.. entity.All("nationality").Concat(entity.All("citizenship")).Select(FtmIdentifiers.Country).OfType<string>().Distinct(StringComparer.Ordinal).Take(ActorFieldLimits.MaxNationalities)]
                : [],
            Referents = [.. entity.Referents.Select(r => records?.Mapping.Entities.GetValueOrDefault(r) ?? Slug("ftm-" + r)).Where(r => r != id)
                .Distinct(StringComparer.Ordinal).Take(ActorFieldLimits.MaxReferents)],
            Evidence = $"FollowTheMoney {entity.Schema} '{entity.Id}', {(name == entity.Caption ? "caption" : "property name")}: “{name}”.",
        };
    }

    /// <summary>Names capped in length, distinct, without those already shown, at most the format's cap.</summary>
    private static string[] Names(IEnumerable<string> names, IReadOnlyCollection<string> shown) =>
        [.. names.Select(n => Cap(n, 200)).Distinct(StringComparer.Ordinal).Where(n => !shown.Contains(n)).Take(ActorFieldLimits.MaxAliases)];
}

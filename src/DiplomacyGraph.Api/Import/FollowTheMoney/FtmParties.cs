using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Api.Import.FtmValues;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// Parties (Person, Organization, Company, LegalEntity, PublicBody, Country) become actors. A person's nationality
/// (else citizenship, else country) links them to countries; a public body's country is what it is part of.
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

    /// <summary>Maps one party; the problem that stops the import, or null.</summary>
    public static string? Map(FtmEntity entity, string id, FtmRecords records)
    {
        var kind = Kinds[entity.Schema];
        if (!records.Mapping.Entities.ContainsKey(entity.Id))
        {
            var names = entity.All("name");
            var name = names.Count > 0 ? names[0] : entity.First("caption");
            if (name is null)
            {
                return $"The {entity.Schema} '{entity.Id}' has no name.";
            }
            records.AddActor(entity, new ActorRecord
            {
                Id = id, Kind = kind, Name = Cap(name, 200),
                Aliases = [.. names.Skip(1).Concat(entity.All("alias")).Where(a => a != name).Distinct(StringComparer.Ordinal).Select(a => Cap(a, 200)).Take(50)],
                Description = (entity.First("description") ?? entity.First("summary")) is { } d ? Cap(d) : null,
                Evidence = $"FollowTheMoney {entity.Schema} '{entity.Id}', property name: “{name}”.",
            });
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
}

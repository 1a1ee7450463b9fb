using DiplomacyGraph.Format;
using static DiplomacyGraph.Api.Import.FtmValues;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// FollowTheMoney's identifier properties as an actor's identifiers (<c>scheme|country|value</c> once stored), and
/// <c>Passport</c> entities as identifiers of their holder. The table is documented in seed/README.md.
/// </summary>
internal static class FtmIdentifiers
{
    /// <summary>Where an identifier's issuing country comes from.</summary>
    private enum Issuer
    {
        /// <summary>Global schemes (Wikidata, LEI, SWIFT, IMO): no country.</summary>
        None,
        /// <summary>The entity's own country, when it names exactly one (see <see cref="EntityCountry"/>).</summary>
        Entity,
        /// <summary>A national scheme: its country.</summary>
        Fixed,
    }

    /// <summary>FollowTheMoney property → our scheme, and its issuer (a fixed country for national schemes).</summary>
    private static readonly (string Property, string Scheme, Issuer Issuer, string? Country)[] Schemes =
    [
        ("wikidataId", "wikidata", Issuer.None, null),
        ("passportNumber", "passport", Issuer.Entity, null),
        ("idNumber", "national-id", Issuer.Entity, null),
        ("socialSecurityNumber", "social-security", Issuer.Entity, null),
        ("taxNumber", "tax", Issuer.Entity, null),
        ("vatCode", "vat", Issuer.Entity, null),
        ("registrationNumber", "registration", Issuer.Entity, null),
        ("innCode", "inn", Issuer.Fixed, "ru"),
        ("ogrnCode", "ogrn", Issuer.Fixed, "ru"),
        ("kppCode", "kpp", Issuer.Fixed, "ru"),
        ("okpoCode", "okpo", Issuer.Fixed, "ru"),
        ("bikCode", "bik", Issuer.Fixed, "ru"),
        ("uniqueEntityId", "sam-uei", Issuer.Fixed, "us"),
        ("npiCode", "npi", Issuer.Fixed, "us"),
        ("leiCode", "lei", Issuer.None, null),
        ("swiftBic", "swift", Issuer.None, null),
        ("imoNumber", "imo", Issuer.None, null),
        ("dunsCode", "duns", Issuer.None, null),
        ("permId", "perm-id", Issuer.None, null),
        ("icijId", "icij", Issuer.None, null),
    ];

    /// <summary>The table's FollowTheMoney properties and our schemes, in order (for the tests that hold it to the model and the docs).</summary>
    internal static IEnumerable<(string Property, string Scheme)> Table => Schemes.Select(s => (s.Property, s.Scheme));

    /// <summary>The properties that say where an entity is from, in the order an identifier's country is taken from them.</summary>
    private static readonly string[] CountryFields = ["jurisdiction", "nationality", "citizenship", "country"];

    /// <summary>
    /// The entity's identifiers, in table order then value order, then its passports' numbers (<c>passport</c>, issued by
    /// the passport's <c>country</c>, else the holder's), distinct, at most the format's cap.
    /// </summary>
    public static IReadOnlyList<IdentifierRecord> Of(FtmEntity entity, IReadOnlyList<FtmEntity> passports)
    {
        var country = EntityCountry(entity);
        return [.. Schemes
            .SelectMany(s => entity.All(s.Property).Select(value => Identifier(s.Scheme, value, s.Issuer switch
            {
                Issuer.Fixed => s.Country,
                Issuer.Entity => country,
                _ => null,
            })))
            .Concat(passports.Where(p => Number(p) is not null)
                .Select(p => Identifier("passport", Number(p)!, p.All("country").Select(Country).OfType<string>().FirstOrDefault() ?? country)))
            .DistinctBy(i => i.ToStored(), StringComparer.Ordinal)
            .Take(ActorFieldLimits.MaxIdentifiers)];
    }

    private static string? Number(FtmEntity passport) => passport.First("number") ?? passport.First("passportNumber");

    /// <summary>
    /// The one country the entity names in the first of <see cref="CountryFields"/> that it gives, lower-cased; null
    /// when that field names several (a person listed with two countries: which issued the number is unknown).
    /// </summary>
    public static string? EntityCountry(FtmEntity entity)
    {
        var codes = CountryFields.Select(entity.All).FirstOrDefault(values => values.Count > 0);
        return codes is [var only] && Country(only) is { } code ? code : null;
    }

    /// <summary>A lower-case country code the format accepts, or null.</summary>
    public static string? Country(string code)
    {
        var lower = code.ToLowerInvariant();
        return KnowledgeDocumentValidator.CountryCode().IsMatch(lower) ? lower : null;
    }

    /// <summary>
    /// A <c>Passport</c>: its number (<c>number</c>, else <c>passportNumber</c>) is an identifier of its holder, which the
    /// holder's own record carries (<see cref="Of"/>, from the first pass's index, so a passport and its holder may be
    /// in any order and any batch). Here a passport that gives nothing is noted: one without a number, or of a holder the
    /// file lacks or the mapping file links to a curated actor (which an import never rewrites).
    /// </summary>
    public static string? MapPassport(FtmEntity passport, string id, FtmRecords records)
    {
        var holderId = passport.First("holder");
        var holder = records.Find(holderId);
        var why = holderId is null ? "names no holder"
            : holder is null || !FtmParties.Kinds.ContainsKey(holder.Schema) ? $"holder '{holderId}' is not a party in the file"
            : Number(passport) is null ? "has no number"
            : records.Mapping.Entities.ContainsKey(holder.Id) ? $"holder '{holderId}' is a curated actor (mapping file)"
            : null;
        if (why is not null) records.Notes.Add($"line {passport.Line}: Passport '{passport.Id}' {why}; left out.");
        return null;
    }

    private static IdentifierRecord Identifier(string scheme, string value, string? country) =>
        new() { Scheme = scheme, Value = Cap(value, 200), Country = country };
}

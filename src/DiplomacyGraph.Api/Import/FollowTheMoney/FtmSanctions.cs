using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Api.Import.FtmValues;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// A Sanction becomes a sanction that TARGETS its entity, imposed UNDER_PROGRAM each of its <c>programId</c>s (a
/// programme node). Each of its authorities (the mapping file's actor, else the table of <see cref="FtmAuthorities"/>,
/// else an organization of that name), or failing that its country, IMPOSED it. It is in force from
/// <c>startDate ?? listingDate ?? date ?? first_seen</c>; a start taken from <c>first_seen</c> is marked
/// <c>startInferred</c>. Every claim's evidence lists the facts read, <c>sourceUrl</c> included.
/// </summary>
internal static class FtmSanctions
{
    private static readonly string[] FinancialWords = ["block", "asset", "freez", "financ", "property", "sdn"];

    /// <summary>Maps one Sanction; the problem that stops the import, or null.</summary>
    public static string? Map(FtmEntity entity, string id, FtmRecords records)
    {
        var target = entity.First("entity");
        if (target is null)
        {
            return $"The Sanction '{entity.Id}' has no 'entity' it is imposed on.";
        }
        var authorities = entity.All("authority");
        var authority = authorities.FirstOrDefault();
        var program = entity.First("program");
        var (start, listed, date, end) = (Earliest(entity, "startDate"), Earliest(entity, "listingDate"), Earliest(entity, "date"), Date(entity.First("endDate")));
        // A list gives most sanctions no date at all; the day the list was first seen with the listing is then its
        // start, marked as inferred. An end before that day says the listing was only seen after it ended: no start.
        var inferred = start is null && listed is null && date is null && entity.FirstSeen is { } seen
            && (end is null || string.CompareOrdinal(seen, end + "~") <= 0) ? seen : null;
        var facts = string.Join(", ", new[] { ("entity", target), ("authority", string.Join("; ", authorities)), ("authorityId", string.Join("; ", entity.All("authorityId"))),
            ("program", program), ("programId", string.Join("; ", entity.All("programId"))), ("listingDate", entity.First("listingDate")),
            ("startDate", entity.First("startDate")), ("endDate", entity.First("endDate")), ("status", entity.First("status")),
            ("first_seen", inferred) }
            .Where(f => !string.IsNullOrEmpty(f.Item2)).Select(f => $"{f.Item1} “{f.Item2}”"));
        var evidence = $"FollowTheMoney Sanction '{entity.Id}': {facts}{FtmLinks.SourceUrls(entity)}.";
        var text = string.Join(" ", entity.All("provisions").Concat(entity.All("reason")).Concat(entity.All("summary")));
        records.AddSanction(entity, new SanctionRecord
        {
            Id = id, Kind = Kind(text + " " + program),
            Description = Cap(entity.First("reason") ?? entity.First("provisions") ?? entity.First("summary") ?? entity.First("description")
                ?? $"{authority ?? "A sanctions authority"} sanctioned {records.Find(target)?.First("name") ?? target}{(program is null ? "" : $" under {program}")}."),
            Date = date, Authority = authority is null ? null : Cap(authority, 500), Program = program is null ? null : Cap(program, 500),
            Listed = listed, Start = start ?? inferred, StartInferred = inferred is null ? null : true, End = end, Status = Status(entity.First("status"), end),
            Evidence = Cap(evidence),
        });
        records.AddRelationship(entity, RelationshipTypes.Targets, id, records.OurId(target), [], evidence);
        foreach (var programId in entity.All("programId"))
        {
            records.AddRelationship(entity, RelationshipTypes.UnderProgram, id, Programme(entity, programId, records), [], evidence);
        }
        var imposers = authorities.Select(a => Imposer(entity, a, records)).Distinct(StringComparer.Ordinal).ToList();
        if (imposers.Count == 0 && entity.First("country") is { } code && records.Country(entity, "country", code) is { } country)
        {
            imposers.Add(country);
        }
        var on = start ?? listed;
        foreach (var imposer in imposers)
        {
            records.AddRelationship(entity, RelationshipTypes.Imposed, imposer, id, on is null ? [] : new() { ["date"] = on }, evidence);
        }
        return null;
    }

    /// <summary>The programme node for an OpenSanctions <c>programId</c> (declared in the entity's datasets).</summary>
    private static string Programme(FtmEntity entity, string programId, FtmRecords records)
    {
        var id = Slug("ftm-program-" + programId);
        records.AddProgram(entity, new ProgramRecord
        {
            Id = id, Name = Cap(programId, 200),
            Description = $"The sanctions programme that OpenSanctions identifies as {programId}.",
            Evidence = $"FollowTheMoney Sanction '{entity.Id}', property programId: “{programId}”{(entity.First("programUrl") is { } url ? $", programUrl {url}" : "")}.",
        });
        return id;
    }

    /// <summary>
    /// The actor who imposed a sanction, for one authority text: the mapping file's (by the text, or by the name the
    /// table gives it), else the table's, else an organization of that name (declared in the entity's datasets).
    /// </summary>
    private static string Imposer(FtmEntity entity, string authority, FtmRecords records)
    {
        var known = FtmAuthorities.Find(authority);
        if (records.Mapping.Authorities.TryGetValue(authority, out var mapped)
            || (known is not null && records.Mapping.Authorities.TryGetValue(known.Name, out mapped)))
        {
            return mapped;
        }
        var (id, name) = known is not null ? (known.Id, known.Name)
            : (Slug(entity.First("country") is { } country ? $"{authority} {country}" : authority), Cap(authority, 200));
        records.AddActor(entity, new ActorRecord
        {
            Id = id, Kind = ActorKinds.Organization, Name = name,
            Evidence = $"FollowTheMoney Sanction '{entity.Id}', property authority: “{authority}”{(known is null ? "" : $" (the authorities table's {known.Name})")}.",
        });
        return id;
    }

    /// <summary>The earliest of a date property's values: a listing given several dates began at the first.</summary>
    private static string? Earliest(FtmEntity entity, string property) =>
        entity.All(property).Select(Date).OfType<string>().Order(StringComparer.Ordinal).FirstOrDefault();

    private static string? Status(string? status, string? end) => status?.Trim().ToLowerInvariant() switch
    {
        "active" or "current" => SanctionStatuses.Active,
        // Lifted and expired need an end date; without one the status is not carried over.
        "lifted" or "revoked" or "delisted" or "removed" when end is not null => SanctionStatuses.Lifted,
        "expired" or "ended" when end is not null => SanctionStatuses.Expired,
        _ => null,
    };

    private static string Kind(string text)
    {
        var t = text.ToLowerInvariant();
        return t.Contains("visa", StringComparison.Ordinal) ? "visa-revocation"
            : t.Contains("travel", StringComparison.Ordinal) ? "travel-ban"
            : t.Contains("arms", StringComparison.Ordinal) ? "arms-embargo"
            : FinancialWords.Any(w => t.Contains(w, StringComparison.Ordinal)) ? "financial"
            : "other";
    }
}

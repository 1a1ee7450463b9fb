using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Api.Import.FtmValues;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// A Sanction becomes a sanction that TARGETS its entity. Its authority (named in the mapping file, else an
/// organization of that name), or failing that its country, IMPOSED it. Every claim's evidence lists the facts read.
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
        var authority = entity.First("authority");
        var program = entity.First("program");
        var end = Date(entity.First("endDate"));
        var facts = string.Join(", ", new[] { ("entity", target), ("authority", authority), ("program", program), ("listingDate", entity.First("listingDate")),
            ("startDate", entity.First("startDate")), ("endDate", entity.First("endDate")), ("status", entity.First("status")) }
            .Where(f => f.Item2 is not null).Select(f => $"{f.Item1} “{f.Item2}”"));
        var evidence = $"FollowTheMoney Sanction '{entity.Id}': {facts}.";
        var text = string.Join(" ", entity.All("provisions").Concat(entity.All("reason")).Concat(entity.All("summary")));
        records.AddSanction(entity, new SanctionRecord
        {
            Id = id, Kind = Kind(text + " " + program),
            Description = Cap(entity.First("reason") ?? entity.First("provisions") ?? entity.First("summary") ?? entity.First("description")
                ?? $"{authority ?? "A sanctions authority"} sanctioned {records.Find(target)?.First("name") ?? target}{(program is null ? "" : $" under {program}")}."),
            Date = Date(entity.First("date")), Authority = authority is null ? null : Cap(authority, 500), Program = program is null ? null : Cap(program, 500),
            Listed = Date(entity.First("listingDate")), Start = Date(entity.First("startDate")), End = end, Status = Status(entity.First("status"), end),
            Evidence = Cap(evidence),
        });
        records.AddRelationship(entity, RelationshipTypes.Targets, id, records.OurId(target), [], evidence);
        string? imposer = null;
        if (authority is not null)
        {
            imposer = records.Mapping.Authorities.TryGetValue(authority, out var known) ? known : Slug(authority);
            if (!records.Mapping.Authorities.ContainsKey(authority))
            {
                records.AddActor(entity, new ActorRecord { Id = imposer, Kind = ActorKinds.Organization, Name = Cap(authority, 200), Evidence = $"FollowTheMoney Sanction '{entity.Id}', property authority: “{authority}”." });
            }
        }
        else if (entity.First("country") is { } code)
        {
            imposer = records.Country(entity, "country", code);
        }
        if (imposer is not null)
        {
            records.AddRelationship(entity, RelationshipTypes.Imposed, imposer, id, Date(entity.First("startDate") ?? entity.First("listingDate")) is { } on ? new() { ["date"] = on } : [], evidence);
        }
        return null;
    }

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

using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

// The FollowTheMoney types keep the Import namespace: a namespace named after the folder would clash with this class.
namespace DiplomacyGraph.Api.Import;

/// <summary>
/// The FollowTheMoney format: its reader (<see cref="FtmReader"/>, entities one JSON object a line), one mapper per
/// schema family (<see cref="FtmParties"/>, <see cref="FtmSanctions"/>, <see cref="FtmFamilies"/>,
/// <see cref="FtmMemberships"/>, <see cref="FtmLinks"/>), then per batch one knowledge document per dataset, checked by the same validator as
/// any document and merged into one graph (<see cref="FtmDocuments"/>); <see cref="FtmImport"/> streams a file through
/// them. The mapping table is in seed/README.md.
/// </summary>
public static class FollowTheMoney
{
    /// <summary>The most lines one batch may hold (FollowTheMoney:BatchSize is at most this).</summary>
    public const int MaxLines = 100_000;

    /// <summary>The most ids each list of the answer names (created, updated, skipped, …); beyond it they are only counted.</summary>
    public const int MaxListedIds = 1000;

    /// <summary>The most datasets (so sources) one file may hold.</summary>
    public const int MaxDatasets = 100;

    /// <summary>The most notes a summary lists; the last says how many more there were.</summary>
    public const int MaxNotes = 1000;

    /// <summary>The most nodes, and the most relationships, one batch may write: as many as one knowledge document can hold.</summary>
    public const int MaxChanges = (7 * KnowledgeDocumentValidator.MaxItemsPerSection) + 1;

    /// <summary>Each schema read, and the mapper of its family: the problem that stops the import, or null.</summary>
    private static readonly Dictionary<string, Func<FtmEntity, string, FtmRecords, string?>> Mappers = new(
        FtmParties.Kinds.Keys.Select(schema => Pair(schema, FtmParties.Map))
            .Append(Pair("Sanction", FtmSanctions.Map))
            .Append(Pair("Passport", FtmIdentifiers.MapPassport))
            .Concat(new[] { "Family", "Associate" }.Select(schema => Pair(schema, FtmFamilies.Map)))
            .Concat(new[] { "Membership", "Employment", "Occupancy", "Position" }.Select(schema => Pair(schema, FtmMemberships.Map)))
            .Concat(FtmLinks.Schemata.Select(schema => Pair(schema, FtmLinks.Map))),
        StringComparer.Ordinal);

    /// <summary>The schemata read; any other is counted, skipped and listed.</summary>
    public static readonly IReadOnlySet<string> Schemata = new HashSet<string>(Mappers.Keys, StringComparer.Ordinal);

    /// <summary>
    /// FollowTheMoney's country and territory codes (lower case, as it writes them) → our country actors: FollowTheMoney's
    /// own list (<see cref="FtmCountries"/>). Documented in seed/README.md.
    /// </summary>
    public static IReadOnlyDictionary<string, (string Id, string Name)> Countries => FtmCountries.All;

    /// <summary>Maps one entity with the mapper of its schema: the problem that makes it skipped, or null.</summary>
    internal static string? Map(FtmEntity entity, string id, FtmRecords records) => Mappers[entity.Schema](entity, id, records);

    private static KeyValuePair<string, Func<FtmEntity, string, FtmRecords, string?>> Pair(string schema, Func<FtmEntity, string, FtmRecords, string?> map) => new(schema, map);
}

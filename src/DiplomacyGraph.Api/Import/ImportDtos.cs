using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Import;

/// <summary>What an import did.</summary>
/// <param name="SourceId">The document's source.</param>
/// <param name="Nodes">Node ids created, updated and left unchanged.</param>
/// <param name="Relationships">Relationship ids created, updated and left unchanged.</param>
public sealed record ImportResultDto(string SourceId, ChangesDto Nodes, ChangesDto Relationships)
{
    public static ImportResultDto From(string sourceId, ImportSummary summary)
    {
        var (nodes, relationships) = ChangesDto.From(summary);
        return new ImportResultDto(sourceId, nodes, relationships);
    }
}

/// <summary>Ids by what happened to them.</summary>
public sealed record ChangesDto(
    [property: ListCap(ChangesDto.MaxIds)] IReadOnlyList<string> Created,
    [property: ListCap(ChangesDto.MaxIds)] IReadOnlyList<string> Updated,
    [property: ListCap(ChangesDto.MaxIds)] IReadOnlyList<string> Unchanged)
{
    /// <summary>An import document holds a source and at most MaxItemsPerSection items in each of its seven node sections.</summary>
    public const int MaxIds = (7 * KnowledgeDocumentValidator.MaxItemsPerSection) + 1;

    public static (ChangesDto Nodes, ChangesDto Relationships) From(ImportSummary summary) => (
        new ChangesDto(summary.NodesCreated, summary.NodesUpdated, summary.NodesUnchanged),
        new ChangesDto(summary.EdgesCreated, summary.EdgesUpdated, summary.EdgesUnchanged));
}

/// <summary>What a FollowTheMoney import did: the import summary, plus what was read, mapped and skipped.</summary>
/// <param name="SourceIds">The sources the file's datasets became.</param>
/// <param name="Nodes">Node ids created, updated and left unchanged.</param>
/// <param name="Relationships">Relationship ids created, updated and left unchanged.</param>
/// <param name="Entities">How many distinct entities of the schemata read the file held.</param>
/// <param name="SkippedSchemata">Schemata the import does not read, with how many entities each had.</param>
/// <param name="Mapped">FollowTheMoney ids the mapping file links to curated nodes of ours.</param>
/// <param name="Notes">Values left out, by line (a country code outside the table, an office with nowhere to hold it).</param>
public sealed record FtmImportResultDto(
    [property: ListCap(FollowTheMoney.MaxDatasets)] IReadOnlyList<string> SourceIds, ChangesDto Nodes, ChangesDto Relationships, int Entities,
    IReadOnlyDictionary<string, int> SkippedSchemata, IReadOnlyDictionary<string, string> Mapped, [property: ListCap(FollowTheMoney.MaxNotes)] IReadOnlyList<string> Notes)
{
    public static FtmImportResultDto From(FtmConversion conversion, ImportSummary summary)
    {
        var (nodes, relationships) = ChangesDto.From(summary);
        return new(conversion.SourceIds, nodes, relationships, conversion.Entities, conversion.SkippedSchemata, conversion.Mapped, conversion.Notes);
    }
}

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

/// <summary>What a FollowTheMoney import did, over all its batches: the changes, plus what was read, mapped, skipped and withdrawn.</summary>
/// <param name="SourceIds">The sources the file's datasets became (one per dataset export).</param>
/// <param name="Nodes">Node ids created, updated and left unchanged (the first 1,000 of each; <c>counts</c> has them all).</param>
/// <param name="Relationships">Relationship ids created, updated and left unchanged, likewise.</param>
/// <param name="Withdrawn">What the file's DEL records withdrew.</param>
/// <param name="Entities">How many distinct entities of the schemata read the file held.</param>
/// <param name="Batches">How many batches were written.</param>
/// <param name="SkippedSchemata">Schemata the import does not read, with how many entities each had.</param>
/// <param name="Skipped">Records skipped, counted per reason, the first 1,000 named by FollowTheMoney id and line.</param>
/// <param name="Mapped">FollowTheMoney ids the mapping file links to curated nodes of ours (the first 1,000).</param>
/// <param name="Notes">Values left out, by line (a country code outside the table, an office with nowhere to hold it); the last says how many more.</param>
public sealed record FtmImportResultDto(
    [property: ListCap(FollowTheMoney.MaxDatasets)] IReadOnlyList<string> SourceIds, FtmChangesDto Nodes, FtmChangesDto Relationships, FtmWithdrawnDto Withdrawn,
    int Entities, int Batches, IReadOnlyDictionary<string, int> SkippedSchemata, FtmSkippedDto Skipped, IReadOnlyDictionary<string, string> Mapped,
    [property: ListCap(FollowTheMoney.MaxNotes + 1)] IReadOnlyList<string> Notes)
{
    public static FtmImportResultDto From(FtmReport report) => new(
        report.SourceIds,
        FtmChangesDto.Of(report.NodesCreated, report.NodesUpdated, report.NodesUnchanged),
        FtmChangesDto.Of(report.EdgesCreated, report.EdgesUpdated, report.EdgesUnchanged),
        new FtmWithdrawnDto(CountedIdsDto.Of(report.NodesDeleted), CountedIdsDto.Of(report.NodesWithdrawn), CountedIdsDto.Of(report.EdgesDeleted), CountedIdsDto.Of(report.EdgesWithdrawn)),
        report.Entities, report.Batches, report.SkippedSchemata,
        new FtmSkippedDto(report.SkippedByReason.Values.Sum(), report.SkippedByReason, [.. report.Skipped.Select(s => new FtmSkippedRecordDto(s.Id, s.Line, s.Reason, s.Detail))]),
        report.Mapped,
        report.MoreNotes == 0 ? report.Notes : [.. report.Notes, $"… and {report.MoreNotes} more notes."]);
}

/// <summary>Ids by what happened to them: the first 1,000 of each listed, all counted.</summary>
/// <param name="Created">Ids created (the first 1,000).</param>
/// <param name="Updated">Ids updated (the first 1,000).</param>
/// <param name="Unchanged">Ids left unchanged (the first 1,000).</param>
/// <param name="Counts">How many of each there were.</param>
public sealed record FtmChangesDto(
    [property: ListCap(FollowTheMoney.MaxListedIds)] IReadOnlyList<string> Created,
    [property: ListCap(FollowTheMoney.MaxListedIds)] IReadOnlyList<string> Updated,
    [property: ListCap(FollowTheMoney.MaxListedIds)] IReadOnlyList<string> Unchanged,
    ChangeCountsDto Counts)
{
    public static FtmChangesDto Of(CountedIds created, CountedIds updated, CountedIds unchanged) =>
        new(created.Listed, updated.Listed, unchanged.Listed, new ChangeCountsDto(created.Count, updated.Count, unchanged.Count));
}

/// <summary>How many ids were created, updated and left unchanged.</summary>
public sealed record ChangeCountsDto(int Created, int Updated, int Unchanged);

/// <summary>Ids (the first 1,000) and how many there were.</summary>
public sealed record CountedIdsDto([property: ListCap(FollowTheMoney.MaxListedIds)] IReadOnlyList<string> Ids, int Count)
{
    public static CountedIdsDto Of(CountedIds ids) => new(ids.Listed, ids.Count);
}

/// <summary>What DEL records withdrew: facts left without evidence are deleted, the others lose that dataset's claims.</summary>
public sealed record FtmWithdrawnDto(CountedIdsDto NodesDeleted, CountedIdsDto NodesUpdated, CountedIdsDto RelationshipsDeleted, CountedIdsDto RelationshipsUpdated);

/// <summary>Records skipped: how many, per reason, and the first 1,000.</summary>
/// <param name="Count">How many records were skipped.</param>
/// <param name="Reasons">How many per reason (dangling-reference, no-name, unmappable, invalid, not-found, no-dataset).</param>
/// <param name="Records">The first 1,000, in the order they were met.</param>
public sealed record FtmSkippedDto(int Count, IReadOnlyDictionary<string, int> Reasons, [property: ListCap(FollowTheMoney.MaxListedIds)] IReadOnlyList<FtmSkippedRecordDto> Records);

/// <summary>One skipped record.</summary>
/// <param name="Id">Its FollowTheMoney id.</param>
/// <param name="Line">Its line in the file (from 1).</param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Detail">What was wrong, in a sentence.</param>
public sealed record FtmSkippedRecordDto(string Id, int Line, string Reason, string Detail);

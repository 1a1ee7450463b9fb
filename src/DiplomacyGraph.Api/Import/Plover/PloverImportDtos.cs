using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Import;

/// <summary>What a PLOVER import did.</summary>
/// <param name="SourceIds">The sources the records' publications became (one per publication and date).</param>
/// <param name="Records">How many records the body held.</param>
/// <param name="Imported">How many of them were imported (each an event).</param>
/// <param name="Nodes">Node ids created, updated and left unchanged (the first 1,000 of each; <c>counts</c> has them all).</param>
/// <param name="Relationships">Relationship ids created, updated and left unchanged, likewise.</param>
/// <param name="Skipped">Records not imported, counted per reason, the first 1,000 named by id and line with their status and reason.</param>
/// <param name="Notes">What was left out or read loosely, by line (a size that is not a number, evidence from event_text); the last says how many more.</param>
public sealed record PloverImportResultDto(
    [property: ListCap(PloverImport.MaxListed)] IReadOnlyList<string> SourceIds, int Records, int Imported,
    FtmChangesDto Nodes, FtmChangesDto Relationships, PloverSkippedDto Skipped,
    [property: ListCap(PloverImport.MaxListed + 1)] IReadOnlyList<string> Notes)
{
    internal static PloverImportResultDto From(PloverReport report) => new(
        [.. report.SourceIds.Take(PloverImport.MaxListed)], report.Records, report.Imported,
        FtmChangesDto.Of(report.NodesCreated, report.NodesUpdated, report.NodesUnchanged),
        FtmChangesDto.Of(report.EdgesCreated, report.EdgesUpdated, report.EdgesUnchanged),
        new PloverSkippedDto(report.SkippedByReason.Values.Sum(), report.SkippedByReason,
            [.. report.Skipped.Select(s => new PloverSkippedRecordDto(s.Id, s.Line, s.Status, s.Reason, s.Detail))]),
        report.MoreNotes == 0 ? report.Notes : [.. report.Notes, $"… and {report.MoreNotes} more notes."]);
}

/// <summary>Records not imported: how many, per reason, and the first 1,000.</summary>
/// <param name="Count">How many records were not imported.</param>
/// <param name="Reasons">How many per reason (malformed, no-id, duplicate-id, no-date, unmappable-type, no-actor, no-text, invalid, refused).</param>
/// <param name="Records">The first 1,000, in the order of the body.</param>
public sealed record PloverSkippedDto(int Count, IReadOnlyDictionary<string, int> Reasons,
    [property: ListCap(PloverImport.MaxListed)] IReadOnlyList<PloverSkippedRecordDto> Records);

/// <summary>One record not imported.</summary>
/// <param name="Id">Its PLOVER id ("?" when it has none or could not be read).</param>
/// <param name="Line">The line of the body it starts on (from 1).</param>
/// <param name="Status">The HTTP status it amounts to: 400 unreadable or invalid, 409 its id is another kind of node's, 422 nothing to map it to (a DOCUMENT record, no actor, no date).</param>
/// <param name="Reason">Why, as a code.</param>
/// <param name="Detail">Why, in a sentence.</param>
public sealed record PloverSkippedRecordDto(string Id, int Line, int Status, string Reason, string Detail);

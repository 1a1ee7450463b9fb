using System.ComponentModel;
using System.Text.Json.Serialization;

namespace DiplomacyGraph.Api.Import;

/// <summary>What a bulk import did: one outcome per document, in stream order, then the totals.</summary>
/// <param name="Errors">True when any document failed (the others were applied); look for <c>result: failed</c> in <c>items</c>.</param>
/// <param name="Items">One outcome per document (non-empty line), in the order of the stream.</param>
/// <param name="Totals">The documents by outcome, and the nodes and relationships they created, updated and left unchanged.</param>
public sealed record BulkImportResultDto(bool Errors, IReadOnlyList<BulkOutcomeDto> Items, BulkTotalsDto Totals);

/// <summary>What happened to one document of the stream.</summary>
/// <param name="Line">The document's line in the stream, from 1; empty lines count, so this is the line an editor shows.</param>
/// <param name="Status">As the single import would have answered it: 200 when applied, else 400, 409, 413 or 422.</param>
/// <param name="Result"><c>changed</c> (something was created or updated), <c>unchanged</c> (applied, and the graph already held all of it) or <c>failed</c> (nothing of it was written).</param>
/// <param name="SourceId">The document's source, when it could be read.</param>
/// <param name="Nodes">Nodes created, updated and left unchanged; absent when the document failed.</param>
/// <param name="Relationships">Relationships created, updated and left unchanged; absent when the document failed.</param>
/// <param name="Ids">The ids behind the counts, as <c>POST /api/import</c> gives them; only with <c>ids=true</c>, and absent when the document failed.</param>
/// <param name="Error">Why the document failed, as the problem the single import would have answered; absent when it was applied.</param>
/// <remarks>Parts that do not apply are left out rather than null: an answer lists up to thousands of outcomes.</remarks>
public sealed record BulkOutcomeDto(
    int Line, int Status, string Result, string? SourceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CountsDto? Nodes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CountsDto? Relationships,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BulkIdsDto? Ids,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BulkErrorDto? Error);

/// <summary>How many were created, updated and left unchanged.</summary>
public sealed record CountsDto(int Created, int Updated, int Unchanged);

/// <summary>The ids a document created, updated and left unchanged.</summary>
/// <param name="Nodes">Node ids by what happened to them.</param>
/// <param name="Relationships">Relationship ids (<c>from:TYPE:to</c>) by what happened to them.</param>
public sealed record BulkIdsDto(ChangesDto Nodes, ChangesDto Relationships);

/// <summary>A failed document's problem: the status, title and detail the single import would have answered, with its lists.</summary>
/// <param name="Status">400 invalid document, 409 id taken by another kind of node, 413 line too large, 422 unknown ids or a relationship that does not fit.</param>
/// <param name="Title">A short summary of the problem.</param>
/// <param name="Detail">What to fix.</param>
/// <param name="Errors">For 400: messages by the JSON path in the document (<c>actors[0].kind</c>; <c>body</c> for the line as a whole).</param>
/// <param name="Conflicts">For 409: each id taken by another kind of node.</param>
/// <param name="UnknownIds">For 422: every id the relationships refer to that neither the document nor the graph holds.</param>
/// <param name="Problems">For 422: each relationship that cannot join the nodes it names.</param>
public sealed record BulkErrorDto(
    int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors,
    IReadOnlyList<string>? Conflicts, IReadOnlyList<string>? UnknownIds, IReadOnlyList<string>? Problems)
{
    /// <summary>For 400: how many errors the document has. <c>errors</c> lists at most 100 over the whole answer, so it may show fewer, or none.</summary>
    public int? ErrorCount { get; init; }
}

/// <summary>The totals of a bulk import.</summary>
/// <param name="Documents">Documents read (non-empty lines).</param>
/// <param name="Changed">Documents applied that created or updated something.</param>
/// <param name="Unchanged">Documents applied that changed nothing (the graph held them already).</param>
/// <param name="Failed">Documents that failed; nothing of them was written.</param>
/// <param name="Nodes">Nodes created, updated and left unchanged, over the applied documents.</param>
/// <param name="Relationships">Relationships created, updated and left unchanged, over the applied documents.</param>
public sealed record BulkTotalsDto(int Documents, int Changed, int Unchanged, int Failed, CountsDto Nodes, CountsDto Relationships);

/// <summary>
/// A bulk import that stopped or applied nothing, as problem details (400, 413, 503), with what was done before:
/// <c>items</c> and <c>totals</c> are those of a 200 answer, up to where reading stopped.
/// </summary>
/// <param name="Type">A URI for the kind of problem.</param>
/// <param name="Title">A short summary of the problem.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">What happened, and what was applied before.</param>
/// <param name="Errors">For 400: messages by line (<c>line 3</c>) or by line and JSON path (<c>line 3: actors[0].kind</c>).</param>
/// <param name="Items">The outcome of every document read before the answer, as in a 200 answer.</param>
/// <param name="Totals">The totals of those documents.</param>
public sealed record BulkImportProblemDto(
    string? Type, string Title, int Status, string Detail, IReadOnlyDictionary<string, string[]>? Errors,
    IReadOnlyList<BulkOutcomeDto> Items, BulkTotalsDto Totals);

/// <summary>The query of <c>POST /api/import/bulk</c>.</summary>
internal sealed record BulkImportQuery
{
    [Description("true to list, for each applied document, the ids it created, updated and left unchanged (as POST /api/import does); counts only when omitted or false.")]
    [DefaultValue(false)]
    public bool? Ids { get; init; }
}

/// <summary>The values of <see cref="BulkOutcomeDto.Result"/>.</summary>
internal static class BulkResults
{
    public const string Changed = "changed";
    public const string Unchanged = "unchanged";
    public const string Failed = "failed";
}

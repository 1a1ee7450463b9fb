using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Import;

/// <summary>A bulk import's outcomes so far, line by line, and the answers made of them (200, or a problem carrying them).</summary>
internal sealed class BulkTally(bool withIds)
{
    private readonly List<BulkOutcomeDto> items = [];
    private int changed, unchanged, failed;
    private int listedErrors, errorCount;
    private int nodesCreated, nodesUpdated, nodesUnchanged, edgesCreated, edgesUpdated, edgesUnchanged;

    public int Documents => items.Count;

    public int AppliedCount => changed + unchanged;

    public void Applied(int line, string sourceId, ImportSummary summary)
    {
        var nodes = new CountsDto(summary.NodesCreated.Count, summary.NodesUpdated.Count, summary.NodesUnchanged.Count);
        var edges = new CountsDto(summary.EdgesCreated.Count, summary.EdgesUpdated.Count, summary.EdgesUnchanged.Count);
        var changes = nodes.Created + nodes.Updated + edges.Created + edges.Updated > 0;
        if (changes) changed++;
        else unchanged++;
        (nodesCreated, nodesUpdated, nodesUnchanged) = (nodesCreated + nodes.Created, nodesUpdated + nodes.Updated, nodesUnchanged + nodes.Unchanged);
        (edgesCreated, edgesUpdated, edgesUnchanged) = (edgesCreated + edges.Created, edgesUpdated + edges.Updated, edgesUnchanged + edges.Unchanged);
        var ids = withIds
            ? new BulkIdsDto(new ChangesDto(summary.NodesCreated, summary.NodesUpdated, summary.NodesUnchanged),
                new ChangesDto(summary.EdgesCreated, summary.EdgesUpdated, summary.EdgesUnchanged))
            : null;
        items.Add(new BulkOutcomeDto(line, StatusCodes.Status200OK, changes ? BulkResults.Changed : BulkResults.Unchanged, sourceId, nodes, edges, ids, null));
    }

    /// <summary>
    /// A failed line. Its field errors share one cap with the lines before (<see cref="FieldErrors.Max"/> messages over
    /// the whole answer, each line keeping its <c>errorCount</c>), so a stream of bad lines cannot make the answer huge.
    /// </summary>
    public void Failed(int line, string? sourceId, BulkErrorDto error)
    {
        failed++;
        if (error.Errors is { Count: > 0 } fields)
        {
            var (kept, count) = FieldErrors.Cap(fields, error.ErrorCount ?? 0, FieldErrors.Max - listedErrors);
            listedErrors += kept.Values.Sum(m => m.Length);
            errorCount += count;
            error = kept.Count > 0
                ? error with { Errors = kept, ErrorCount = count }
                : error with { Errors = null, ErrorCount = count, Detail = $"{error.Detail} Its {count} errors are not listed: an answer lists at most {FieldErrors.Max}." };
        }
        else
        {
            errorCount++;
        }
        items.Add(new BulkOutcomeDto(line, error.Status, BulkResults.Failed, sourceId, null, null, null, error));
    }

    public BulkTotalsDto Totals() => new(items.Count, changed, unchanged, failed,
        new CountsDto(nodesCreated, nodesUpdated, nodesUnchanged), new CountsDto(edgesCreated, edgesUpdated, edgesUnchanged));

    public BulkImportResultDto Result() => new(failed > 0, items, Totals());

    public Dictionary<string, object?> Extensions() => new(StringComparer.Ordinal) { ["items"] = items, ["totals"] = Totals() };

    /// <summary>As <see cref="Extensions"/>, with the count of every failed line's errors, for the problem that lists them by line.</summary>
    public Dictionary<string, object?> ExtensionsWithErrorCount() => new(Extensions(), StringComparer.Ordinal) { [FieldErrors.CountName] = errorCount };

    public ProblemHttpResult Stopped(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: Extensions());

    /// <summary>Each failed document's messages, keyed <c>line 3</c>, or <c>line 3: actors[0].kind</c> for a field.</summary>
    public Dictionary<string, string[]> ErrorsByLine()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Error is not null))
        {
            var error = item.Error!;
            if (error.Errors is { Count: > 0 } fields)
            {
                foreach (var (field, messages) in fields) errors[$"line {item.Line}: {field}"] = messages;
            }
            else
            {
                errors[$"line {item.Line}"] = [$"{error.Title} {error.Detail}"];
            }
        }
        return errors;
    }
}

using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Common;

/// <summary>
/// 404s that help: an unknown id, as a path segment or as a filter, answers with up to five close matches by name and
/// alias, with their ids, in the problem's <c>suggestions</c> extension (<c>target=petro</c> suggests <c>gustavo-petro</c>).
/// </summary>
internal static class Misses
{
    public const int MaxSuggestions = 5;

    /// <summary>A 404 for an id of this label (of any label when null), with suggestions; <paramref name="parameter"/> names the filter it came in.</summary>
    public static async Task<ProblemHttpResult> NotFound(this IGraphStore store, NodeLabel? label, string id, CancellationToken ct, string? parameter = null)
    {
        var suggestions = await store.Suggest(id, label, MaxSuggestions, ct);
        var what = label is { } known ? Enum.GetName(known)! : "Node";
        var detail = $"There is no {what.ToLowerInvariant()} with id '{id}'" + (parameter is null ? "." : $" (parameter '{parameter}').")
            + (suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions.Select(s => $"'{s.Id}'"))}?" : "");
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found.", detail: detail,
            extensions: new Dictionary<string, object?> { ["suggestions"] = suggestions.Select(s => s.Ref()).ToList() });
    }

    /// <summary>The 404 for the first of these filter ids that names no node of the label, or null when all exist.</summary>
    public static async Task<ProblemHttpResult?> FirstMissing(this IGraphStore store, NodeLabel label, CancellationToken ct, params (string Parameter, string? Id)[] filters)
    {
        foreach (var (parameter, id) in filters)
        {
            if (id is not null && !await store.Exists(label, id, ct)) return await store.NotFound(label, id, ct, parameter);
        }
        return null;
    }
}

using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Common;

/// <summary>
/// 404s that help: an unknown id, as a path segment or as a filter, answers with up to five close matches by name and
/// alias, with their ids, in the problem's <c>suggestions</c> extension (<c>target=petro</c> suggests <c>gustavo-petro</c>).
/// The store's <see cref="Missing{T}"/> already carries them, so the 404 costs no second store call.
/// </summary>
internal static class Misses
{
    /// <summary>
    /// The 404 of a read that found a missing anchor (<see cref="Missing{T}"/>; a found one is a bug here), naming
    /// <paramref name="parameter"/> as the filter the id came in when the store's read was about the id itself.
    /// </summary>
    public static NotFoundProblem NotFound<T>(this Lookup<T> lookup, string? parameter = null) =>
        lookup is Missing<T> missing
            ? Of(missing.Label, missing.Id, missing.Parameter ?? parameter, missing.Suggestions)
            : throw new InvalidOperationException("A found answer is not a 404.");

    /// <summary>
    /// The answer of a read anchored on ids: 200 with what <paramref name="map"/> makes of what was found, or the 404 of the
    /// first missing anchor, with its suggestions. Every list filtered by ids that must exist answers through here.
    /// </summary>
    public static Results<Ok<TAnswer>, NotFoundProblem> Answer<T, TAnswer>(this Lookup<T> lookup, Func<T, TAnswer> map) =>
        lookup is Found<T>(var value) ? TypedResults.Ok(map(value)) : lookup.NotFound();

    private static NotFoundProblem Of(NodeLabel? label, string id, string? parameter, IReadOnlyList<GraphNode> suggestions)
    {
        var what = label is { } known ? Enum.GetName(known)! : "Node";
        var detail = $"There is no {what.ToLowerInvariant()} with id '{id}'" + (parameter is null ? "." : $" (parameter '{parameter}').")
            + (suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions.Select(s => $"'{s.Id}'"))}?" : "");
        return NotFoundProblem.Of($"{what} not found.", detail, new Dictionary<string, object?> { ["suggestions"] = suggestions.Select(s => s.Ref()).ToList() });
    }
}

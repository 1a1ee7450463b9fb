using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage;

/// <summary>
/// What a read anchored on ids found: <see cref="Found{T}"/> the answer, or <see cref="Missing{T}"/> the first id that
/// names no node, with its close matches. A miss is an expected answer, so it comes back as a value, suggestions included,
/// and costs the caller no second store call.
/// </summary>
public abstract record Lookup<T>
{
    private protected Lookup() { }
}

/// <summary>Every anchor exists: the answer.</summary>
public sealed record Found<T>(T Value) : Lookup<T>;

/// <summary>
/// An anchor names no node: <paramref name="Parameter"/> is the filter it came in (null for the id the read is about),
/// <paramref name="Label"/> the label it must have (null: any label), and <paramref name="Suggestions"/> up to
/// <see cref="Lookups.MaxSuggestions"/> close matches, best first (<see cref="Model.Suggestions.Rank"/>).
/// </summary>
public sealed record Missing<T>(string? Parameter, NodeLabel? Label, string Id, IReadOnlyList<GraphNode> Suggestions) : Lookup<T>
{
    /// <summary>The same miss, as the answer of a read of another type.</summary>
    public Missing<TOther> As<TOther>() => new(Parameter, Label, Id, Suggestions);
}

/// <summary>Building lookups inside a store.</summary>
public static class Lookups
{
    /// <summary>The most suggestions a miss carries.</summary>
    public const int MaxSuggestions = 5;

    /// <summary>Found when <paramref name="value"/> is there, else the miss of <paramref name="id"/> with its suggestions.</summary>
    public static async Task<Lookup<T>> FoundOrMissing<T>(this IGraphStore store, T? value, NodeLabel? label, string id, string? parameter, CancellationToken ct)
        where T : class =>
        value is not null ? new Found<T>(value) : await store.Missing<T>(label, id, parameter, ct);

    /// <summary>The miss of <paramref name="id"/>, with its suggestions.</summary>
    public static async Task<Missing<T>> Missing<T>(this IGraphStore store, NodeLabel? label, string id, string? parameter, CancellationToken ct) =>
        new(parameter, label, id, await store.Suggest(id, label, MaxSuggestions, ct));
}

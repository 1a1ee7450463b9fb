using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Api.Import.EventData;

/// <summary>A named actor of event data: the id to link to, and whether the store already holds it (then no record is written).</summary>
/// <param name="Id">An existing actor's id, or the new record's source-scoped id (<c>plover-hamas</c>, <c>gdelt-hamas</c>).</param>
/// <param name="Existing">True when the store holds exactly one actor with this name or alias.</param>
internal sealed record NamedActor(string Id, bool Existing);

/// <summary>
/// Event data's named actors (PLOVER's <c>entity_text</c>/<c>actorText</c>, GDELT's <c>Actor1Name</c>) in our graph:
/// the one existing actor whose folded name or alias equals the text, found through the store's actor search (the
/// name index both stores keep, exact keys ranked first); otherwise a new actor with a deterministic id scoped to the
/// source format (<c>&lt;prefix&gt;-&lt;slug&gt;</c>), which entity resolution's candidate pairs then offer for review
/// against the actors it may be. No match is guessed: two actors with that name are as good as none. Answers are
/// remembered for the import's life, so a name met in many records costs one search.
/// </summary>
internal sealed class NamedActors(IGraphStore store, string prefix)
{
    /// <summary>How many search hits are read: exact matches come first, so more than one here already means ambiguous.</summary>
    private const int Hits = 10;

    private readonly Dictionary<string, NamedActor> known = new(StringComparer.Ordinal);

    /// <summary>The actor a name stands for.</summary>
    public async Task<NamedActor> Resolve(string text, CancellationToken ct)
    {
        var folded = ActorSearchKeys.Normalize(text) ?? "";
        if (known.TryGetValue(folded, out var remembered)) return remembered;
        var page = await store.SearchActors(new ActorSearch(text.Trim(), null, 1, Hits), ct);
        var exact = page.Items.Where(actor => Keys(actor).Contains(folded)).Select(actor => actor.Id).Distinct(StringComparer.Ordinal).ToList();
        var answer = exact is [var only] ? new NamedActor(only, true) : new NamedActor(NewId(text), false);
        known[folded] = answer;
        return answer;
    }

    /// <summary>The id a new actor of this name gets: the same for the same text, on every import.</summary>
    public string NewId(string text) => FtmValues.Slug($"{prefix}-{text}");

    private static IEnumerable<string> Keys(GraphNode actor) =>
        new[] { actor.Name }.Concat(actor.Properties.GetValueOrDefault("aliases") as string[] ?? []).Select(name => Text.Fold(name).Trim());
}

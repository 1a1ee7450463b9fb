using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Common;

/// <summary>The sentence that supports a fact, and the id of its source.</summary>
/// <param name="SourceId">The source's id, e.g. <c>vermelho-2026-02-04-petro-trump</c>.</param>
/// <param name="Text">The sentence, verbatim.</param>
public sealed record EvidenceDto(string SourceId, string Text);

/// <summary>A short reference to a node: enough to show it and to follow it.</summary>
/// <param name="Id">Stable id, e.g. <c>gustavo-petro</c>.</param>
/// <param name="Label">actor, event, sanction, statement, place, figure, program or source.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">The node's kind where it has one (person, CONSULT, visa-revocation, …).</param>
public sealed record NodeRef(string Id, string Label, string Name, string? Kind);

/// <summary>A node with all its properties and evidence.</summary>
public sealed record NodeDto(string Id, string Label, string Name, string? Kind, IReadOnlyDictionary<string, object?> Properties, IReadOnlyList<EvidenceDto> Evidence);

/// <summary>A directed, typed relationship with its properties and evidence.</summary>
/// <param name="Id">Stable id: <c>from:TYPE:to</c>.</param>
/// <param name="Type">The relationship type, e.g. PARTICIPATED_IN.</param>
/// <param name="From">The id of the node it starts at.</param>
/// <param name="To">The id of the node it ends at.</param>
/// <param name="Properties">role, side, title, … as the type allows.</param>
/// <param name="Evidence">Every sentence that supports it, per source.</param>
public sealed record EdgeDto(
    [property: StoredValue(StoredValueKind.EdgeId)] string Id,
    [property: StoredValue(StoredValueKind.RelationshipType)] string Type,
    string From,
    string To,
    IReadOnlyDictionary<string, object?> Properties,
    IReadOnlyList<EvidenceDto> Evidence)
{
    /// <summary>The values each source gives where sources disagree (all of them with <c>claims=all</c>); only on the
    /// answer for this one fact, never in lists.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    [ListCap(ClaimLists.MaxClaims)]
    public IReadOnlyList<ClaimDto>? Claims { get; init; }
}

/// <summary>
/// The cap on each list of linked nodes inside one answer item (a sanction's targets, an event's participants, a
/// source's facts, …). A hub can have thousands of links; an item shows the first <see cref="Max"/> of each list in
/// the list's order, and its <c>truncated</c> field says when one was cut. The actor's own lists
/// (<c>/api/actors/{id}/relationships</c>, <c>/events</c>, <c>/sanctions</c>, …) reach every link from the other end.
/// </summary>
public sealed class LinkCap
{
    public const int Max = 500;

    /// <summary>True once any list taken through this cap was cut.</summary>
    public bool Cut { get; private set; }

    public IReadOnlyList<T> Take<T>(IEnumerable<T> items, int max = Max)
    {
        var list = items.Take(max + 1).ToList();
        if (list.Count > max)
        {
            Cut = true;
            list.RemoveAt(max);
        }
        return list;
    }
}

/// <summary>Small explicit maps from the store's graph model to the API's records.</summary>
public static class GraphMapping
{
    public static string LabelName(NodeLabel label) => label.ToString().ToLowerInvariant();

    public static NodeRef Ref(this GraphNode node) => new(node.Id, LabelName(node.Label), node.Name, node.Kind);

    public static IReadOnlyList<EvidenceDto> ToDto(this IReadOnlyList<Evidence> evidence) =>
        [.. evidence.Select(e => new EvidenceDto(e.SourceId, e.Text))];

    public static NodeDto ToDto(this GraphNode node) =>
        new(node.Id, LabelName(node.Label), node.Name, node.Kind, Visible(node.Properties), node.Evidence.ToDto());

    public static EdgeDto ToDto(this GraphEdge edge) =>
        new(edge.Id, edge.Type, edge.From, edge.To, Visible(edge.Properties), edge.Evidence.ToDto());

    /// <summary>
    /// The properties a client sees: without the stores' internal sort and search keys, an actor's referents (the ids
    /// an imported entity replaced, kept for entity resolution), and without name and kind, which every node record
    /// carries as fields of its own.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Visible(IReadOnlyDictionary<string, object?> properties) =>
        properties.Where(p => !InternalProperties.IsInternal(p.Key) && p.Key is not ("name" or "kind" or "referents")).ToDictionary(p => p.Key, p => p.Value);

    public static string? Text(this GraphNode node, string key) => node.Properties.GetValueOrDefault(key) as string;

    public static IReadOnlyList<string> Strings(this GraphNode node, string key) => node.Properties.GetValueOrDefault(key) as string[] ?? [];

    public static string? Text(this GraphEdge edge, string key) => edge.Properties.GetValueOrDefault(key) as string;

    public static PagedList<TOut> Map<TIn, TOut>(this Page<TIn> page, Func<TIn, TOut> map) =>
        new([.. page.Items.Select(map)], page.PageNumber, page.PageSize, page.Total);
}

using System.Text.Json;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>
/// How the store's Cypher results become the shared graph model, in one place. Queries project nodes as
/// <c>{id, labels, properties}</c>, edges as <c>{type, from, to, properties}</c> and links as <c>{edge, other}</c>, where
/// <c>other</c> carries only the properties <see cref="Link.OtherProperties"/> names (a missing one comes as null and is dropped).
/// </summary>
internal static class GraphRows
{
    public const string EvidenceSources = "evidenceSources";
    public const string EvidenceTexts = "evidenceTexts";

    /// <summary>Evidence origins (entity resolution), parallel to the sources; "" for a fact's own. Absent when all are its own.</summary>
    public const string EvidenceOrigins = "evidenceOrigins";

    /// <summary>A fact's revision: how many computed writes it has had, which a write computed from a read checks.</summary>
    public const string Revision = "rev";

    /// <summary>Stored beside the properties, not among them.</summary>
    private static readonly HashSet<string> NotProperties = new(StringComparer.Ordinal) { "id", EvidenceSources, EvidenceTexts, EvidenceOrigins, Revision };

    /// <summary>The revision of a projected node or edge (0 when it has none yet).</summary>
    public static long RevisionOf(JsonElement map) =>
        map.GetProperty("properties").TryGetProperty(Revision, out var rev) && rev.ValueKind == JsonValueKind.Number ? rev.GetInt64() : 0;

    public static GraphNode Node(JsonElement map)
    {
        var properties = map.GetProperty("properties");
        return new GraphNode(map.GetProperty("id").GetString()!, Label(map.GetProperty("labels")),
            PropertyValues.FromJsonObject(properties, NotProperties), Evidence(properties));
    }

    public static GraphEdge Edge(JsonElement map)
    {
        var properties = map.GetProperty("properties");
        return new GraphEdge(map.GetProperty("type").GetString()!, map.GetProperty("from").GetString()!, map.GetProperty("to").GetString()!,
            PropertyValues.FromJsonObject(properties, NotProperties), Evidence(properties));
    }

    /// <summary>The keys an edge reference leaves out (<c>InducedEdgeRefs.cypher</c>): evidence and revision, kept beside the properties.</summary>
    public static readonly string[] HiddenEdgeKeys = [EvidenceSources, EvidenceTexts, EvidenceOrigins, Revision];

    /// <summary>An edge projected as a reference: its properties as <c>[key, value]</c> pairs, without evidence.</summary>
    public static GraphEdge EdgeReference(JsonElement map)
    {
        var properties = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in map.GetProperty("pairs").EnumerateArray())
        {
            var value = pair[1];
            if (value.ValueKind != JsonValueKind.Null) properties[pair[0].GetString()!] = PropertyValues.FromJson(value);
        }
        return new GraphEdge(map.GetProperty("type").GetString()!, map.GetProperty("from").GetString()!, map.GetProperty("to").GetString()!, properties, []);
    }

    /// <summary>
    /// The nodes of a result column, leaving out any that another transaction is deleting (see <see cref="Exists"/>):
    /// every read of a node list goes through here, so a concurrent delete never fails a read.
    /// </summary>
    public static IEnumerable<GraphNode> AsNodes(this IEnumerable<JsonElement> rows) => rows.Where(Exists).Select(Node);

    /// <summary>As <see cref="AsNodes"/>, for nodes projected with their links.</summary>
    public static IEnumerable<NodeWithLinks> AsNodesWithLinks(this IEnumerable<JsonElement> rows) => rows.Where(Exists).Select(WithLinks);

    /// <summary>A node projected with its <c>outgoing</c> and <c>incoming</c> links, the links in <see cref="GraphOrder"/>.</summary>
    public static NodeWithLinks WithLinks(JsonElement map) => new(Node(map), GraphOrder.Sort(Links(map)));

    public static IEnumerable<Link> Links(JsonElement map) =>
        map.GetProperty("outgoing").EnumerateArray().Where(l => Exists(l.GetProperty("other"))).Select(l => Link(l, Directions.Out))
            .Concat(map.GetProperty("incoming").EnumerateArray().Where(l => Exists(l.GetProperty("other"))).Select(l => Link(l, Directions.In)));

    /// <summary>
    /// False for a node another transaction is deleting: under read-committed isolation 3.x can still return it, with no
    /// labels left. Reads leave it out, as they would a moment later; a write's guards catch the change.
    /// </summary>
    public static bool Exists(JsonElement node) => KnownLabel(node.GetProperty("labels")) is not null;

    private static Link Link(JsonElement map, string direction) => new(Edge(map.GetProperty("edge")), direction, Node(map.GetProperty("other")));

    /// <summary><c>labels(n)</c> holds <c>Node</c> and the node's own label: the one <see cref="NodeLabel"/> names.</summary>
    private static NodeLabel Label(JsonElement labels) =>
        KnownLabel(labels) ?? throw new InvalidOperationException($"A node has no known label: {labels}.");

    private static readonly HashSet<string> LabelNames = [.. NodeKinds.All.Select(k => k.CypherLabel)];

    private static NodeLabel? KnownLabel(JsonElement labels) =>
        labels.EnumerateArray().Select(l => l.GetString()).FirstOrDefault(l => l is not null && LabelNames.Contains(l)) is { } name
            ? Enum.Parse<NodeLabel>(name)
            : null;

    private static Evidence[] Evidence(JsonElement properties)
    {
        var sources = properties.TryGetProperty(EvidenceSources, out var s) ? PropertyValues.Strings(s) : [];
        var texts = properties.TryGetProperty(EvidenceTexts, out var t) ? PropertyValues.Strings(t) : [];
        var origins = properties.TryGetProperty(EvidenceOrigins, out var o) ? PropertyValues.Strings(o) : [];
        return [.. sources.Zip(texts, (source, text) => new Evidence(source, text)).Select((e, i) => i < origins.Count && origins[i].Length > 0 ? e with { Origin = origins[i] } : e)];
    }
}

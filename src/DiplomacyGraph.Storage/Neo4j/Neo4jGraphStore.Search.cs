using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Neo4j;

// Actor search through SearchKey nodes: one per key of ActorSearchKeys, indexed by key (seeked with STARTS WITH,
// a range seek on 3.1 and 5 alike) and by actor id (to replace an actor's keys). Writes that change an actor
// rewrite its keys in the same transaction.
public sealed partial class Neo4jGraphStore
{
    public async Task<Page<GraphNode>> SearchActors(ActorSearch search, CancellationToken ct)
    {
        var (skip, limit) = GraphOrder.Slice(search.Page, search.PageSize);
        var query = ActorSearchKeys.Normalize(search.Query);
        // One variant per anchor: the search keys, else the topic keys, else the kind index, else the whole label (unanchored).
        var (page, count, parameters) = (query, search.Topic, search.Kind) switch
        {
            ({ } q, var topic, var kind) => ("SearchActorsByKey", "CountActorsByKey", Params(("query", q), ("kind", kind), ("topic", topic))),
            (null, { } topic, var kind) => ("ListActorsByTopic", "CountActorsByTopic", Params(("topic", topic), ("kind", kind))),
            (null, null, { } kind) => ("ListActorsByKind", "CountActorsByKind", Params(("kind", kind))),
            _ => ("ListActors", "CountActors", Params()),
        };
        var results = await client.Run(
        [
            new CypherStatement(CypherQueries.Get(page), new Dictionary<string, object?>(parameters) { ["skip"] = skip, ["limit"] = limit }),
            new CypherStatement(CypherQueries.Get(count), parameters),
        ], ct);
        return new Page<GraphNode>([.. results[0].Column("node").AsNodes()], search.Page, search.PageSize,
            results[1].Column("total").Single().GetInt32());
    }

    /// <summary>The statements that replace the search and topic keys of the actors among these nodes (creates and replaces).</summary>
    private static IEnumerable<CypherStatement> SearchKeyWrites(IEnumerable<GraphNode> nodes)
    {
        var actors = nodes.Where(n => n.Label == NodeLabel.Actor).ToList();
        if (actors.Count == 0) return [];
        // An actor written twice in one request (by two batches' records) keeps one set of keys.
        var distinct = actors.DistinctBy(a => a.Id).ToList();
        var ids = distinct.Select(a => a.Id).ToArray();
        return
        [
            new CypherStatement(CypherQueries.Get("DeleteSearchKeys"), Params(("ids", ids))),
            new CypherStatement(CypherQueries.Get("InsertSearchKeys"), Params(("keys", KeyRows(distinct)))),
            new CypherStatement(CypherQueries.Get("DeleteTopicKeys"), Params(("ids", ids))),
            new CypherStatement(CypherQueries.Get("CreateTopicKeys"), Params(("keys", TopicRows(distinct)))),
        ];
    }

    /// <summary>One row per actor and topic code: what ListActorsByTopic seeks, as 3.1 cannot index list membership.</summary>
    private static Dictionary<string, object?>[] TopicRows(IEnumerable<GraphNode> actors) =>
        [.. actors.SelectMany(a => (a.Properties.GetValueOrDefault("topics") as string[] ?? []).Distinct(StringComparer.Ordinal)
            .Select(topic => new Dictionary<string, object?> { ["topic"] = topic, ["actorId"] = a.Id }))];

    /// <summary>
    /// The statements that merge an import's actors into their search keys: the merge replaces names and unions
    /// aliases, so the name keys are replaced and the alias keys added, giving the keys of the merged actor.
    /// </summary>
    private static IEnumerable<CypherStatement> SearchKeyMerges(IEnumerable<GraphNode> nodes)
    {
        var actors = nodes.Where(n => n.Label == NodeLabel.Actor).ToList();
        if (actors.Count == 0) return [];
        return
        [
            new CypherStatement(CypherQueries.Get("DeleteNameSearchKeys"), Params(("ids", actors.Select(a => a.Id).ToArray()))),
            new CypherStatement(CypherQueries.Get("CreateSearchKeys"), Params(("keys", KeyRows(actors)))),
        ];
    }

    private static Dictionary<string, object?>[] KeyRows(IEnumerable<GraphNode> actors) =>
        [.. actors.SelectMany(a =>
        {
            return ActorSearchKeys.OfName(a.Name).Select(k => (Key: k, Origin: "name"))
                .Concat(ActorSearchKeys.Aliases(a).SelectMany(ActorSearchKeys.OfName).Select(k => (Key: k, Origin: "alias")))
                .Distinct()
                .Select(k => new Dictionary<string, object?>
                {
                    ["key"] = k.Key.Text,
                    ["whole"] = k.Key.Whole,
                    ["actorId"] = a.Id,
                    ["origin"] = k.Origin,
                });
        })];

    private static IEnumerable<CypherStatement> SearchKeyDeletes(NodeLabel label, string id) =>
        label == NodeLabel.Actor ? KeysOfMissingActorsDeletes([id]) : [];

    /// <summary>After deletes: the search and topic keys of those of these actors that no longer exist.</summary>
    private static IEnumerable<CypherStatement> KeysOfMissingActorsDeletes(string[] ids) =>
    [
        new CypherStatement(CypherQueries.Get("DeleteSearchKeysOfMissingActors"), Params(("ids", ids))),
        new CypherStatement(CypherQueries.Get("DeleteTopicKeysOfMissingActors"), Params(("ids", ids))),
    ];

    private static IEnumerable<string> SearchKeySchema(string folder) =>
    [
        CypherQueries.Get($"{folder}/SearchKeyIndex"), CypherQueries.Get($"{folder}/SearchKeyActorIndex"),
        CypherQueries.Get($"{folder}/TopicKeyIndex"), CypherQueries.Get($"{folder}/TopicKeyActorIndex"),
    ];
}

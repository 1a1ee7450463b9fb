using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Neo4j;

// Events by PLOVER facet. Mode and quad class are properties of the event, seeked on their indexes; contexts (a list)
// and sectors (on PARTICIPATED_IN and TARGETED relationships) cannot be indexed on 3.1, so every write of an event or of
// such a relationship rewrites the event's EventKey nodes in the same transaction, from what it has just written.
public sealed partial class Neo4jGraphStore
{
    /// <summary>The variant of an event list with a PLOVER filter: the most selective index first (a context or sector's keys, then the mode, then the quad class).</summary>
    private static (string, Dictionary<string, object?>) PloverEventsVariant(EventSearch search)
    {
        var filters = Params(("kind", search.Kind), ("mode", search.Mode), ("context", search.Context), ("sector", search.Sector),
            // Stored numbers are floats: the parameter is one too, so the index seek compares like with like.
            ("quadClass", search.QuadClass is { } q ? (double)q : null), ("actorId", search.ActorId), ("from", search.From), ("to", search.To));
        return search switch
        {
            { Sector: { } sector } => ("EventsByKey", With(filters, ("key", "sector:" + sector))),
            { Context: { } context } => ("EventsByKey", With(filters, ("key", "context:" + context))),
            { Mode: not null } => ("EventsByMode", filters),
            _ => ("EventsByQuadClass", filters),
        };
    }

    /// <summary>The statements that rewrite the keys of the events among these nodes and at the event end of these relationships.</summary>
    private static IEnumerable<CypherStatement> EventKeyWrites(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges)
    {
        var ids = nodes.Where(n => n.Label == NodeLabel.Event).Select(n => n.Id)
            .Concat(edges.Select(e => e.Type switch
            {
                RelationshipTypes.ParticipatedIn => e.To,
                RelationshipTypes.Targeted => e.From,
                _ => null,
            }).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return [];
        return
        [
            new CypherStatement(CypherQueries.Get("DeleteEventKeys"), Params(("ids", ids))),
            new CypherStatement(CypherQueries.Get("CreateEventKeys"), Params(("ids", ids))),
        ];
    }

    private static IEnumerable<string> EventKeySchema(string folder) =>
    [
        CypherQueries.Get($"{folder}/EventModeIndex"), CypherQueries.Get($"{folder}/EventQuadClassIndex"),
        CypherQueries.Get($"{folder}/EventKeyIndex"), CypherQueries.Get($"{folder}/EventKeyEventIndex"),
    ];
}

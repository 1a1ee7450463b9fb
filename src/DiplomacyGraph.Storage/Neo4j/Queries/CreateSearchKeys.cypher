// Writes actors' search keys (ActorSearchKeys.Of): one SearchKey node per key, outside the graph (no Node label,
// no relationships), so traversals never meet them.
// @param keys: [{"key": "petro", "whole": true, "actorId": "gustavo-petro"}]
UNWIND $keys AS row
CREATE (:SearchKey {key: row.key, whole: row.whole, actorId: row.actorId})

// Writes actors' search keys (ActorSearchKeys.Of): one SearchKey node per key and origin ('name' or 'alias'), outside
// the graph (no Node label, no relationships), so traversals never meet them. MERGE keeps an alias key met twice single.
// @param keys: [{"key": "petro", "whole": true, "actorId": "gustavo-petro", "origin": "alias"}]
UNWIND $keys AS row
MERGE (:SearchKey {key: row.key, whole: row.whole, actorId: row.actorId, origin: row.origin})

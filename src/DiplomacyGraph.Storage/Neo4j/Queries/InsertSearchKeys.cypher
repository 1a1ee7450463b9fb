// Writes actors' search keys (ActorSearchKeys.Of) right after DeleteSearchKeys removed every key of the same actors in
// the same transaction, so none of them can exist: CREATE, not MERGE, whose four-property match would read every key
// sharing a common word (an import of many "Ivanov"s). The rows are distinct per actor (Neo4jGraphStore.KeyRows).
// @param keys: [{"key": "petro", "whole": true, "actorId": "gustavo-petro", "origin": "alias"}]
UNWIND $keys AS row
CREATE (:SearchKey {key: row.key, whole: row.whole, actorId: row.actorId, origin: row.origin})

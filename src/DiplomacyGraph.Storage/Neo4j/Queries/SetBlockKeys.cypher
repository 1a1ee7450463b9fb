// Entity resolution: writes actors' blocking keys (outside the graph, like search keys), after DeleteBlockKeys removed
// their old ones in the same transaction.
// @param rows: [{"key": "t:petro", "actorId": "gustavo-petro"}]
UNWIND $rows AS row
CREATE (:BlockKey {key: row.key, actorId: row.actorId})
RETURN count(*) AS written

// How many actors SearchActorsByKey finds in all, before paging.
// @param query: "petro"
// @param kind: "person"
// @param topic: "sanction"
MATCH (k:SearchKey)
USING INDEX k:SearchKey(key)
WHERE k.key STARTS WITH $query
// Grouping (not DISTINCT): with DISTINCT here, 3.1 reads the whole key index instead of seeking it.
WITH k.actorId AS id, count(*) AS keys
MATCH (n:Actor {id: id})
WHERE ($kind IS NULL OR n.kind = $kind) AND ($topic IS NULL OR $topic IN n.topics)
RETURN count(n) AS total

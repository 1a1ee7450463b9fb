// How many actors SearchActorsByKey finds in all, before paging.
// @param query: "petro"
// @param kind: "person"
MATCH (k:SearchKey)
WHERE k.key STARTS WITH $query
WITH DISTINCT k.actorId AS id
MATCH (n:Actor {id: id})
WHERE $kind IS NULL OR n.kind = $kind
RETURN count(n) AS total

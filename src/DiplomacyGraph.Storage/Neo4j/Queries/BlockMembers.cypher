// Entity resolution: the actors blocked under each key, at most $cap of them (and how many there are), so a write is
// compared with its blocks only, never with all actors. A key shared by more than the cap is not used to pair.
// @param keys: ["t:petro", "id:wikidata||q57326"]
// @param cap: 201
UNWIND $keys AS key
MATCH (k:BlockKey {key: key})
WITH key, collect(k.actorId) AS ids
RETURN key, ids[..$cap] AS ids, size(ids) AS size

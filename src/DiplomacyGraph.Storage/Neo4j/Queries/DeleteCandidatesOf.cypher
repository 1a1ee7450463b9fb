// Entity resolution: removes every candidate pair of these actors, before their pairs are scored again.
// @param ids: ["gustavo-petro"]
UNWIND $ids AS id
OPTIONAL MATCH (a:Candidate {a: id})
OPTIONAL MATCH (b:Candidate {b: id})
WITH collect(a) + collect(b) AS pairs
UNWIND pairs AS c
WITH DISTINCT c
DELETE c
RETURN count(*) AS deleted

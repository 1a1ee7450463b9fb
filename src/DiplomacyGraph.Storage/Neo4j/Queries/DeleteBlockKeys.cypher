// Entity resolution: removes these actors' blocking keys (they are gone, or were merged into another).
// @param ids: ["ofac-petro"]
UNWIND $ids AS id
MATCH (k:BlockKey {actorId: id})
DELETE k
RETURN count(*) AS deleted

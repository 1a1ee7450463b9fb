// Removes every search key of these actors (a seek on the SearchKey actorId index), before their keys are rewritten.
// @param ids: ["gustavo-petro"]
UNWIND $ids AS id
MATCH (k:SearchKey {actorId: id})
DELETE k

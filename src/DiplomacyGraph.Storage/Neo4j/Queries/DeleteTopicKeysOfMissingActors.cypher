// After a delete: removes the topic keys of those of these actors that no longer exist (the delete may have been
// refused, in which case the keys stay).
// @param ids: ["gustavo-petro"]
UNWIND $ids AS id
OPTIONAL MATCH (a:Actor {id: id})
WITH id, a
WHERE a IS NULL
MATCH (t:TopicKey {actorId: id})
DELETE t

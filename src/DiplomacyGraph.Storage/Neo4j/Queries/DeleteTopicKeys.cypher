// Removes every topic key of these actors (a seek on the TopicKey actorId index), before their keys are rewritten.
// @param ids: ["gustavo-petro"]
UNWIND $ids AS id
MATCH (t:TopicKey {actorId: id})
DELETE t

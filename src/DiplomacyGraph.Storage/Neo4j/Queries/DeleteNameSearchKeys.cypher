// Import: removes the keys made from these actors' names, which the incoming names replace; keys from aliases stay,
// as aliases only accumulate.
// @param ids: ["gustavo-petro"]
UNWIND $ids AS id
MATCH (k:SearchKey {actorId: id})
WHERE k.origin = 'name'
DELETE k

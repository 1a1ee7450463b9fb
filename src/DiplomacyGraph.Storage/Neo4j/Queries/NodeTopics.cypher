// The topic codes of several nodes (an actor's family members: GetFamilySanctions), each through the id constraint;
// a node without topics answers an empty list.
// @param ids: ["veronica-alcocer"]
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, coalesce(n.topics, []) AS topics

// How many actors are of a kind.
// @param kind: "person"
MATCH (n:Actor)
USING INDEX n:Actor(kind)
WHERE n.kind = $kind
RETURN count(n) AS total

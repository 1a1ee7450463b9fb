// The first $limit nodes other than sources, by id, and how many there are in all.
// @param limit: 500
MATCH (n:Node)
WHERE NOT n:Source
WITH n
ORDER BY n.id
WITH collect(n) AS facts
RETURN size(facts) AS total,
  [n IN facts[0..$limit] | {id: n.id, labels: labels(n), properties: properties(n)}] AS nodes

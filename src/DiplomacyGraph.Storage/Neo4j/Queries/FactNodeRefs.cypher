// As FactNodes, the first $limit nodes other than sources by id, as references (the graph's nodes=summary): id, labels,
// and only name, kind, date and sortKey.
// @param limit: 500
MATCH (n:Node)
WHERE NOT n:Source
WITH n
ORDER BY n.id
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: {name: n.name, kind: n.kind, date: n.date, sortKey: n.sortKey}} AS node

// As FactNodes, the first $limit nodes other than sources by id, with the edges among them, in one statement, as
// references (the graph's nodes=summary): nodes with id, labels, and only name, kind, date and sortKey; edges without
// their evidence, their properties as [key, value] pairs leaving out the $hidden keys (as InducedEdgeRefs).
// @param limit: 500
// @param hidden: ["evidenceSources", "evidenceTexts", "evidenceOrigins", "rev"]
MATCH (n:Node)
WHERE NOT n:Source
WITH n
ORDER BY n.id
LIMIT $limit
WITH collect(n) AS nodes
UNWIND nodes AS a
RETURN {id: a.id, labels: labels(a), properties: {name: a.name, kind: a.kind, date: a.date, sortKey: a.sortKey}} AS node,
  [(a)-[r]->(b) WHERE b IN nodes | {type: type(r), from: a.id, to: b.id, pairs: [k IN keys(r) WHERE NOT k IN $hidden | [k, r[k]]]}] AS edges

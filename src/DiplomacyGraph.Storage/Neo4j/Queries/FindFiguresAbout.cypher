// One page of the figures about one node, starting from that node; otherwise as FindFigures.
// @param aboutId: "gustavo-petro"
// @param metric: "extraditions carried out"
// @param query: "extradition"
// @param skip: 0
// @param limit: 20
MATCH (:Node {id: $aboutId})<-[:ABOUT]-(n:Figure)
WITH DISTINCT n
WHERE ($metric IS NULL OR n.metric = $metric)
  AND ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
WITH n
ORDER BY n.sortKey, n.id
WITH collect(n) AS matches
RETURN size(matches) AS total,
  [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n), properties: properties(n),
    outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
      other: {id: m.id, labels: labels(m), properties: properties(m)}}],
    incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
      other: {id: m.id, labels: labels(m), properties: properties(m)}}]}] AS items

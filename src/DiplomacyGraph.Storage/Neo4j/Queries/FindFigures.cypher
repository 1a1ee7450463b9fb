// Every figure, optionally of one metric and containing a folded $query in its folded searchTerms (the metric).
// Unanchored: 3.1 has no index that serves either filter's substring or the sort.
// One page, by folded metric (the sort key) then id, with links; CountFigures counts the whole.
// @param metric: "extraditions carried out"
// @param query: "extradition"
// @param skip: 0
// @param limit: 20
MATCH (n:Figure)
WHERE ($metric IS NULL OR n.metric = $metric)
  AND ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
WITH n
ORDER BY n.sortKey, n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node

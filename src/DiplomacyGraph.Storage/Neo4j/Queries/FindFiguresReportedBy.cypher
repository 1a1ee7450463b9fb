// The figures one actor reported (from that actor, through the id constraint), optionally of one metric and
// containing a folded $query in their folded searchTerms.
// One page, by folded metric (the sort key) then id, with links; CountFiguresReportedBy counts the whole.
// @param reporterId: "colombian-government"
// @param metric: "extraditions carried out"
// @param query: "extradition"
// @param skip: 0
// @param limit: 20
MATCH (:Node {id: $reporterId})-[:REPORTED]->(n:Figure)
WITH DISTINCT n
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

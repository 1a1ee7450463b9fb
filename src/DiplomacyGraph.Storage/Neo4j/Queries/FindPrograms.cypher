// Every programme, optionally containing a folded $query in its folded searchTerms (the name).
// Unanchored: 3.1 has no index that serves a substring or the sort.
// One page, by folded name (the sort key) then id, with links; CountPrograms counts the whole.
// @param query: "substitution"
// @param skip: 0
// @param limit: 20
MATCH (n:Program)
WHERE $query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query)
WITH n
ORDER BY n.sortKey, n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node

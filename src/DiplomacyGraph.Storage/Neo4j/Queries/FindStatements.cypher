// Every statement, optionally containing a folded $query. Unanchored: a text search reads every statement's
// terms (substring search over sentences has no index on 3.1).
// One page, by date (undated last) then id, with links; CountStatements counts the whole.
// @param query: "drug"
// @param skip: 0
// @param limit: 20
// @param provenance: "curated"
MATCH (n:Statement)
WHERE ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
WITH n
ORDER BY coalesce(n.date, '~'), n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node

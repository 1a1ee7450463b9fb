// Statements an actor made (from the actor, through the id constraint), optionally about a node and
// containing a folded $query in their folded searchTerms.
// One page, by date (undated last) then id, with links; CountStatementsBySpeaker counts the whole.
// @param speakerId: "donald-trump"
// @param aboutId: "gustavo-petro"
// @param query: "drug"
// @param skip: 0
// @param limit: 20
// @param provenance: "curated"
MATCH (:Node {id: $speakerId})-[:SAID]->(n:Statement)
WITH DISTINCT n
WHERE ($aboutId IS NULL OR size([(n)-[:ABOUT]->(a) WHERE a.id = $aboutId | 1]) > 0)
  AND ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
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

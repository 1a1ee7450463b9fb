// One page of programmes by folded name then id, with links and the total before paging.
// $query is already folded and matched against the folded searchTerms (the name).
// @param query: "substitution"
// @param skip: 0
// @param limit: 20
MATCH (n:Program)
WHERE $query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query)
WITH n
ORDER BY n.sortKey, n.id
WITH collect(n) AS matches
RETURN size(matches) AS total,
  [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n), properties: properties(n),
    outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
      other: {id: m.id, labels: labels(m), properties: properties(m)}}],
    incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
      other: {id: m.id, labels: labels(m), properties: properties(m)}}]}] AS items

// Every shortest undirected path of at most $maxDepth hops (and never more than 15) between two distinct nodes,
// capped at 1000; the store picks one with GraphOrder.First. The depth filter comes after WITH on purpose: in the
// MATCH's own WHERE, a path it rejects makes Neo4j fall back to an exhaustive search of every path up to 15 hops.
// @param from: "bernie-moreno"
// @param to: "gustavo-petro"
// @param maxDepth: 6
MATCH (a:Node {id: $from})
MATCH (b:Node {id: $to})
MATCH p = allShortestPaths((a)-[*..15]-(b))
WITH p
WHERE length(p) <= $maxDepth
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), properties: properties(n)}] AS nodes,
  [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, properties: properties(r)}] AS edges
LIMIT 1000

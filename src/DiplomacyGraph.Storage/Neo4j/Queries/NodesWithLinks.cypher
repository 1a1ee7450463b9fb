// Nodes of one label ({{label}}, from the NodeLabel enum), each found through the id constraint, with every relationship
// it has, both ways, projected as GetNode.cypher projects one; absent ids are skipped. The store puts them in the ids' order.
// @label: Statement
// @param ids: ["trump-we-worked-on-it", "garcia-pena-folder-inscription"]
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node

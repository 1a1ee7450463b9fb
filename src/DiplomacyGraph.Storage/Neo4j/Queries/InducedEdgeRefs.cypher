// As InducedEdges, every relationship among the given nodes, without its evidence (nodes=summary): its properties come
// as [key, value] pairs leaving out the $hidden keys (evidence lists, revision), which 3.1 cannot drop from a map.
// @param ids: ["gustavo-petro", "donald-trump"]
// @param hidden: ["evidenceSources", "evidenceTexts", "evidenceOrigins", "rev"]
UNWIND $ids AS id
MATCH (a:Node {id: id})-[r]->(b:Node)
WHERE b.id IN $ids
RETURN {type: type(r), from: a.id, to: b.id, pairs: [k IN keys(r) WHERE NOT k IN $hidden | [k, r[k]]]} AS edge

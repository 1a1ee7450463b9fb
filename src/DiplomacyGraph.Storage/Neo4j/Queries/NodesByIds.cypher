// The nodes with these ids (absent ids are skipped).
// @param ids: ["gustavo-petro", "donald-trump"]
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node

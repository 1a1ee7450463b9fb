// The nodes with these ids as references (a network's nodes=summary): id, labels, and only name, kind, date and sortKey,
// so no evidence or other property leaves the server (absent ids are skipped).
// @param ids: ["gustavo-petro", "donald-trump"]
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN {id: n.id, labels: labels(n), properties: {name: n.name, kind: n.kind, date: n.date, sortKey: n.sortKey}} AS node

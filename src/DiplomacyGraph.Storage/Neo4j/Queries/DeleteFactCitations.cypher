// Deletes every citation of these facts (node ids, or relationship ids "from:TYPE:to"), when the facts themselves go.
// @param ids: ["gustavo-petro"]
UNWIND $ids AS fact
MATCH (c:Citation {fact: fact})
DELETE c
RETURN count(*) AS deleted

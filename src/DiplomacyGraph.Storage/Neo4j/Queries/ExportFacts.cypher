// Export: the first $limit facts (nodes other than sources) whose id comes after $after (ordinal; "" for the first
// page), by id. A keyset page: each page starts where the last ended, so an export never holds more than a page.
// @param after: "gustavo-petro"
// @param limit: 500
MATCH (n:Node)
WHERE n.id > $after AND NOT n:Source
WITH n
ORDER BY n.id
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node

// Migrations walk the graph in pages of ids, in id order after the last page's last id (a keyset page: a migration
// interrupted and run again does the same work, and no page is skipped when another process writes meanwhile).
// Unanchored by design: a migration reads every node once.
// @param after: ""
// @param limit: 500
MATCH (n:Node)
WHERE n.id > $after
RETURN n.id AS id
ORDER BY id
LIMIT $limit

// Migrations walk the actors in pages of ids, in id order after the last page's last id (see MigrationNodeIds).
// Unanchored by design: a migration reads every actor once.
// @param after: ""
// @param limit: 500
MATCH (n:Actor)
WHERE n.id > $after
RETURN n.id AS id
ORDER BY id
LIMIT $limit

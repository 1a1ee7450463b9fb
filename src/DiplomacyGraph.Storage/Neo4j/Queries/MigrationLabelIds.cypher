// A migration's page of one label's ids ({{label}}, from the NodeLabel enum), in id order after the last page's last
// id: a keyset page over the label's id constraint, so the migration reads only that label's nodes, a page at a time,
// and a run interrupted and started again walks the same pages.
// @param after: ""
// @param limit: 2000
MATCH (n:{{label}})
WHERE n.id > $after
RETURN n.id AS id
ORDER BY id
LIMIT $limit

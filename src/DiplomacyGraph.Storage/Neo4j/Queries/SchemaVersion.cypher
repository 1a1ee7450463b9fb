// The store's schema version (Neo4jGraphStore.Migrations.cs): the one SchemaVersion node outside the graph, or none in
// a database written before versions existed; and whether the database holds any graph node (an empty one is new, not
// old). Unanchored: a single node, and at most one graph node is read.
OPTIONAL MATCH (v:SchemaVersion)
WITH max(v.version) AS version
OPTIONAL MATCH (n:Node)
WITH version, n
LIMIT 1
RETURN version, n IS NOT NULL AS hasNodes

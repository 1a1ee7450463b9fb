// Neo4j 3.x: ids are unique per label ({{label}}, from the NodeLabel enum), which also indexes label lookups by id.
CREATE CONSTRAINT ON (n:{{label}}) ASSERT n.id IS UNIQUE

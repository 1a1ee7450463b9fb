// Neo4j 4.4+: ids are unique per label ({{label}}, from the NodeLabel enum), which also indexes label lookups by id.
CREATE CONSTRAINT {{label}}_id IF NOT EXISTS FOR (n:{{label}}) REQUIRE n.id IS UNIQUE

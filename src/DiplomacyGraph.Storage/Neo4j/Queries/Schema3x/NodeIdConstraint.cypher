// Neo4j 3.x: ids are unique across every node (idempotent on 3.x).
CREATE CONSTRAINT ON (n:Node) ASSERT n.id IS UNIQUE

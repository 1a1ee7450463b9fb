// Neo4j 3.x: one schema-version node (its name unique), so two processes recording a version keep one.
CREATE CONSTRAINT ON (v:SchemaVersion) ASSERT v.name IS UNIQUE

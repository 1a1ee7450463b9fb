// Neo4j 4.4+: one schema-version node (its name unique), so two processes recording a version keep one.
CREATE CONSTRAINT schema_version_name IF NOT EXISTS FOR (v:SchemaVersion) REQUIRE v.name IS UNIQUE

// Neo4j 3.x: lists ordered by name ({{label}}: Actor).
CREATE INDEX ON :{{label}}(sortKey)

// Neo4j 4.4+: lists ordered by name ({{label}}: Actor).
CREATE INDEX {{label}}_sortkey IF NOT EXISTS FOR (n:{{label}}) ON (n.sortKey)

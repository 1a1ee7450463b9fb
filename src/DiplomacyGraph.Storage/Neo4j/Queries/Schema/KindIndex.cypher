// Neo4j 4.4+: kind filters ({{label}}: Actor, Event, Sanction).
CREATE INDEX {{label}}_kind IF NOT EXISTS FOR (n:{{label}}) ON (n.kind)

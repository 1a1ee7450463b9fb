// Neo4j 3.x: kind filters ({{label}}: Actor, Event, Sanction).
CREATE INDEX ON :{{label}}(kind)

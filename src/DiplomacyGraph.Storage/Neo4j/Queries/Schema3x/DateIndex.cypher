// Neo4j 3.x: date filters and chronological order ({{label}}: Event, Sanction, Statement).
CREATE INDEX ON :{{label}}(date)

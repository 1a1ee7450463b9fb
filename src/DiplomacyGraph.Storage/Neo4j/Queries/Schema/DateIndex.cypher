// Neo4j 4.4+: date filters and chronological order ({{label}}: Event, Sanction, Statement).
CREATE INDEX {{label}}_date IF NOT EXISTS FOR (n:{{label}}) ON (n.date)

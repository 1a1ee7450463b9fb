// Neo4j 4.4+: provenance= filters ({{label}}: Event, Sanction, Statement), on the marker writes keep (FactProvenance).
CREATE INDEX {{label}}_factProvenance IF NOT EXISTS FOR (n:{{label}}) ON (n.factProvenance)

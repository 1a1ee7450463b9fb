// Neo4j 3.x: provenance= filters ({{label}}: Event, Sanction, Statement), on the marker writes keep (FactProvenance).
CREATE INDEX ON :{{label}}(factProvenance)

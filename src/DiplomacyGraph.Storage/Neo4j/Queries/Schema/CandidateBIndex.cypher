// Neo4j 4.4+: entity resolution: an actor's candidate pairs (second id), replaced when it is written.
CREATE INDEX candidate_b IF NOT EXISTS FOR (c:Candidate) ON (c.b)

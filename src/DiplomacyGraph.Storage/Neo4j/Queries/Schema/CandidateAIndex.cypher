// Neo4j 4.4+: entity resolution: an actor's candidate pairs (first id), replaced when it is written.
CREATE INDEX candidate_a IF NOT EXISTS FOR (c:Candidate) ON (c.a)

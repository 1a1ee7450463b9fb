// Neo4j 3.x: entity resolution: an actor's candidate pairs (second id), replaced when it is written.
CREATE INDEX ON :Candidate(b)

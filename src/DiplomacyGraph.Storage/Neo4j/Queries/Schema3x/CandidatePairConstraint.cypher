// Neo4j 3.x: entity resolution: one candidate per pair of actors.
CREATE CONSTRAINT ON (c:Candidate) ASSERT c.pair IS UNIQUE

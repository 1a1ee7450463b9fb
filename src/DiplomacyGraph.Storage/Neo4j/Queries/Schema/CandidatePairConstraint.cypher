// Neo4j 4.4+: entity resolution: one candidate per pair of actors.
CREATE CONSTRAINT candidate_pair IF NOT EXISTS FOR (c:Candidate) REQUIRE c.pair IS UNIQUE

// Neo4j 3.x: entity resolution: one judgement per pair of ids, its key "a|b" (ordinal order).
CREATE CONSTRAINT ON (j:Judgement) ASSERT j.pair IS UNIQUE

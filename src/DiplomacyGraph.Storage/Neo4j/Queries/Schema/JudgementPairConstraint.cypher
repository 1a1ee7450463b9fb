// Neo4j 4.4+: entity resolution: one judgement per pair of ids, its key "a|b" (ordinal order).
CREATE CONSTRAINT judgement_pair IF NOT EXISTS FOR (j:Judgement) REQUIRE j.pair IS UNIQUE

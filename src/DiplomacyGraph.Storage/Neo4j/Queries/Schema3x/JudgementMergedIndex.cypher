// Neo4j 3.x: entity resolution: which node a merged id now is.
CREATE INDEX ON :Judgement(merged)

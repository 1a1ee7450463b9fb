// Neo4j 4.4+: entity resolution: which node a merged id now is.
CREATE INDEX judgement_merged IF NOT EXISTS FOR (j:Judgement) ON (j.merged)

// Neo4j 4.4+: entity resolution: the ids merged into a node (an undo gives them back).
CREATE INDEX judgement_canonical IF NOT EXISTS FOR (j:Judgement) ON (j.canonical)

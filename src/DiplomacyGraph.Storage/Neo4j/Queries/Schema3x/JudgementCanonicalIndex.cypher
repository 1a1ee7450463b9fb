// Neo4j 3.x: entity resolution: the ids merged into a node (an undo gives them back).
CREATE INDEX ON :Judgement(canonical)

// Entity resolution: removes a judgement (its undo), in the transaction that gives the merged facts back.
// @param pair: "gustavo-petro|ofac-petro"
MATCH (j:Judgement {pair: $pair})
DELETE j
RETURN count(*) AS deleted

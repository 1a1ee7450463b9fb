// Entity resolution: removes candidate pairs (a pair judged not-same, or merged).
// @param pairs: ["gustavo-petro|ofac-petro"]
UNWIND $pairs AS pair
MATCH (c:Candidate {pair: pair})
DELETE c
RETURN count(*) AS deleted

// Entity resolution: writes scored candidate pairs (Matching.Score), outside the graph.
// @param rows: [{"pair": "gustavo-petro|ofac-petro", "a": "gustavo-petro", "b": "ofac-petro", "score": 0.75, "reasons": ["name: gustavo petro"], "certain": false}]
UNWIND $rows AS row
MERGE (c:Candidate {pair: row.pair})
SET c.a = row.a, c.b = row.b, c.score = row.score, c.reasons = row.reasons, c.certain = row.certain
RETURN count(c) AS written

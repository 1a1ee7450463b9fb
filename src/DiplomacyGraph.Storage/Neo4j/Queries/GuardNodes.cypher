// Write guard, run after the write has locked what it reads: fails the whole transaction, so that nothing of it is
// written, when a node the write depends on is missing ("required") or holds its id under a label the write does not
// allow ("labels"; an empty list: the id must be free; null: any label). It fails by dividing by zero
// (Neo.ClientError.Statement.ArithmeticError), the one error both Cypher 3.1 and 5 raise from a value; the store then
// reads again to say exactly why.
// @param expected: [{"id": "gustavo-petro", "labels": ["Actor"], "required": true}, {"id": "new-id", "labels": [], "required": false}]
UNWIND $expected AS e
OPTIONAL MATCH (n:Node {id: e.id})
WITH sum(CASE
    WHEN n IS NULL THEN CASE WHEN e.required THEN 1 ELSE 0 END
    WHEN e.labels IS NULL THEN 0
    WHEN NONE(l IN labels(n) WHERE l IN e.labels) THEN 1
    ELSE 0 END) AS refused
RETURN 1 / CASE WHEN refused = 0 THEN 1 ELSE 0 END AS ok

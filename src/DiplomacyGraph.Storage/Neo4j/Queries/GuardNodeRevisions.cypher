// Write guard for writes computed from an earlier read (claims are resolved in C#): fails the whole transaction by
// dividing by zero (Neo.ClientError.Statement.ArithmeticError) when a node changed since it was read: its revision
// differs (-1: it was absent and must still be). The nodes were write-locked earlier in the same transaction.
// @param nodes: [{"id": "gustavo-petro", "rev": 0}, {"id": "new-id", "rev": -1}]
UNWIND $nodes AS e
OPTIONAL MATCH (n:Node {id: e.id})
WITH sum(CASE
    WHEN n IS NULL THEN CASE WHEN e.rev = -1 THEN 0 ELSE 1 END
    WHEN coalesce(n.rev, 0) = e.rev THEN 0
    ELSE 1 END) AS refused
RETURN 1 / CASE WHEN refused = 0 THEN 1 ELSE 0 END AS ok

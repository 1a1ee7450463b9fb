// Entity resolution: records a judgement, outside the graph, in the transaction of the merge it makes (if any).
// @param row: {"pair": "gustavo-petro|ofac-petro", "a": "gustavo-petro", "b": "ofac-petro", "kind": "same", "canonical": "gustavo-petro", "merged": "ofac-petro", "automatic": false, "reason": null}
MERGE (j:Judgement {pair: $row.pair})
SET j.a = $row.a, j.b = $row.b, j.kind = $row.kind, j.canonical = $row.canonical, j.merged = $row.merged,
  j.automatic = $row.automatic, j.reason = $row.reason
RETURN count(j) AS written

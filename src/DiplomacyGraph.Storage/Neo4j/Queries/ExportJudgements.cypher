// Export: the first $limit entity-resolution judgements whose pair comes after $after ("" for the first page), by pair.
// @param after: "gustavo-petro|ofac-petro"
// @param limit: 500
MATCH (j:Judgement)
WHERE j.pair > $after
WITH j
ORDER BY j.pair
LIMIT $limit
RETURN {a: j.a, b: j.b, kind: j.kind, canonical: j.canonical, merged: j.merged, automatic: j.automatic, reason: j.reason} AS judgement

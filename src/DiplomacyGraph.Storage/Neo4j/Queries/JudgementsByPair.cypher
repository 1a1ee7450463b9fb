// Entity resolution: the judgements of these pairs (keys "a|b", ids in ordinal order).
// @param pairs: ["gustavo-petro|ofac-petro"]
UNWIND $pairs AS pair
MATCH (j:Judgement {pair: pair})
RETURN {a: j.a, b: j.b, kind: j.kind, canonical: j.canonical, merged: j.merged, automatic: j.automatic, reason: j.reason} AS judgement

// Entity resolution: a page of candidate pairs of actors scoring at least $minScore, best first, then by pair; a pair
// whose actor is gone (a write has not refreshed it yet) is left out.
// @param minScore: 0.5
// @param skip: 0
// @param limit: 20
MATCH (c:Candidate)
WHERE c.score >= $minScore
MATCH (a:Actor {id: c.a})
MATCH (b:Actor {id: c.b})
WITH c, a, b
ORDER BY c.score DESC, c.pair
SKIP $skip LIMIT $limit
RETURN {id: a.id, labels: labels(a), properties: a {.name, .kind}} AS a, {id: b.id, labels: labels(b), properties: b {.name, .kind}} AS b,
  c.score AS score, c.reasons AS reasons

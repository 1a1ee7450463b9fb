// Entity resolution: how many candidate pairs of actors score at least $minScore (as ListCandidates counts them).
// @param minScore: 0.5
MATCH (c:Candidate)
WHERE c.score >= $minScore
MATCH (:Actor {id: c.a})
MATCH (:Actor {id: c.b})
RETURN count(c) AS total

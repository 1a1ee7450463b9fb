// Everyone who took part in an event this actor took part in, with those events; no row when the actor is unknown,
// one row with a null other when the actor shares no event.
// @param id: "gustavo-petro"
MATCH (a:Actor {id: $id})
OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(e)<-[:PARTICIPATED_IN]-(o)
WHERE o.id <> $id
WITH o, collect(DISTINCT e) AS events
RETURN CASE WHEN o IS NULL THEN null ELSE {id: o.id, labels: labels(o), properties: properties(o)} END AS other,
  [e IN events | {id: e.id, labels: labels(e), properties: properties(e)}] AS events

// Neo4j 3.x: events by quad class (GET /api/events?quadClass=).
CREATE INDEX ON :Event(quadClass)

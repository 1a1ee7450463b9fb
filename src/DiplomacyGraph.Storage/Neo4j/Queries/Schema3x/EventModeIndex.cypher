// Neo4j 3.x: events by PLOVER mode (GET /api/events?mode=).
CREATE INDEX ON :Event(mode)

// Neo4j 4.4+: events by PLOVER mode (GET /api/events?mode=).
CREATE INDEX event_mode IF NOT EXISTS FOR (n:Event) ON (n.mode)

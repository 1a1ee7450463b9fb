// Neo4j 4.4+: events by quad class (GET /api/events?quadClass=).
CREATE INDEX event_quad_class IF NOT EXISTS FOR (n:Event) ON (n.quadClass)

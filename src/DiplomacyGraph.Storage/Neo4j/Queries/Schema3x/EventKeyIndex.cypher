// Neo4j 3.x: events by PLOVER context or sector (GET /api/events?context=, ?sector=) seek event keys by key.
CREATE INDEX ON :EventKey(key)

// Neo4j 4.4+: events by PLOVER context or sector (GET /api/events?context=, ?sector=) seek event keys by key.
CREATE INDEX event_key IF NOT EXISTS FOR (k:EventKey) ON (k.key)

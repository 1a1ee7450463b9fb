// Neo4j 4.4+: an event's keys, found to be replaced.
CREATE INDEX event_key_event IF NOT EXISTS FOR (k:EventKey) ON (k.eventId)

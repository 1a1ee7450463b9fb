// Neo4j 3.x: an event's keys, found to be replaced.
CREATE INDEX ON :EventKey(eventId)

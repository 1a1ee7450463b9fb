// Neo4j 3.x: actors by topic code (GET /api/actors?topic=) seek topic keys by topic.
CREATE INDEX ON :TopicKey(topic)

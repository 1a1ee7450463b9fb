// Neo4j 4.4+: actors by topic code (GET /api/actors?topic=) seek topic keys by topic.
CREATE INDEX topic_key IF NOT EXISTS FOR (t:TopicKey) ON (t.topic)

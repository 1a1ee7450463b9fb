// Neo4j 3.x: actor search seeks search keys by prefix.
CREATE INDEX ON :SearchKey(key)

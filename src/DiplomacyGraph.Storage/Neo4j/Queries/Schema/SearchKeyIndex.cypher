// Neo4j 4.4+: actor search seeks search keys by prefix.
CREATE INDEX search_key IF NOT EXISTS FOR (k:SearchKey) ON (k.key)

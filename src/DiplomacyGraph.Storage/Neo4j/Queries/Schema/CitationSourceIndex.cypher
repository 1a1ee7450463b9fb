// Neo4j 4.4+: a source's citations, for its page and its retraction.
CREATE INDEX citation_source IF NOT EXISTS FOR (c:Citation) ON (c.sourceId)

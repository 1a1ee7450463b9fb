// Neo4j 3.x: a source's citations, for its page and its retraction.
CREATE INDEX ON :Citation(sourceId)

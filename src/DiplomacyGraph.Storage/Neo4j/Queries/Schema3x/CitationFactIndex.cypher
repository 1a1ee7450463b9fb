// Neo4j 3.x: a fact's citations (its claims), for its page and for writes that merge into it.
CREATE INDEX ON :Citation(fact)

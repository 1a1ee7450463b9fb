// Neo4j 4.4+: a fact's citations (its claims), for its page and for writes that merge into it.
CREATE INDEX citation_fact IF NOT EXISTS FOR (c:Citation) ON (c.fact)

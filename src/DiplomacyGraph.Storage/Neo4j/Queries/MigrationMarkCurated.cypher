// Version 4: a page of one fact label's nodes ({{label}}, from the NodeLabel enum) written before facts carried their
// provenance marker get "curated": no coded source existed before then. Nodes already marked are left as they are, so
// the step run again after an interruption changes nothing.
// @param ids: ["white-house-meeting-2026-02-03"]
// @param marker: "curated"
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
WHERE n.factProvenance IS NULL
SET n.factProvenance = $marker
RETURN count(n) AS marked

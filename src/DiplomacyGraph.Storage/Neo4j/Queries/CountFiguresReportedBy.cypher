// How many FindFiguresReportedBy pages through.
// @param reporterId: "colombian-government"
// @param metric: "extraditions carried out"
// @param query: "extradition"
MATCH (:Node {id: $reporterId})-[:REPORTED]->(n:Figure)
WITH DISTINCT n
WHERE ($metric IS NULL OR n.metric = $metric)
  AND ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
RETURN count(n) AS total

// How many FindFigures pages through.
// @param metric: "extraditions carried out"
// @param query: "extradition"
MATCH (n:Figure)
WHERE ($metric IS NULL OR n.metric = $metric)
  AND ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
RETURN count(n) AS total

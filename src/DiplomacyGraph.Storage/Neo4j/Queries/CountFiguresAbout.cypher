// How many FindFiguresAbout pages through.
// @param aboutId: "gustavo-petro"
// @param metric: "extraditions carried out"
// @param query: "extradition"
MATCH (:Node {id: $aboutId})<-[:ABOUT]-(n:Figure)
WITH DISTINCT n
WHERE ($metric IS NULL OR n.metric = $metric)
  AND ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
RETURN count(n) AS total

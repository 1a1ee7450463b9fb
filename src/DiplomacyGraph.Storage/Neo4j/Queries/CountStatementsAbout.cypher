// How many FindStatementsAbout pages through.
// @param aboutId: "gustavo-petro"
// @param query: "drug"
MATCH (:Node {id: $aboutId})<-[:ABOUT]-(n:Statement)
WITH DISTINCT n
WHERE ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
RETURN count(n) AS total

// How many FindSanctionsByKind pages through.
// @param kind: "financial"
MATCH (n:Sanction)
USING INDEX n:Sanction(kind)
WHERE n.kind = $kind
RETURN count(n) AS total

// How many actors there are (from the label's count store).
MATCH (n:Actor)
RETURN count(n) AS total

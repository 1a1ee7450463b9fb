// How many FindSanctions pages through.
MATCH (n:Sanction)
RETURN count(n) AS total

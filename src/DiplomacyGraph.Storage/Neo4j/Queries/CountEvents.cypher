// How many FindEvents pages through.
MATCH (n:Event)
RETURN count(n) AS total

// How many nodes there are other than sources, from the labels' count stores.
MATCH (n:Node)
WITH count(n) AS nodes
OPTIONAL MATCH (s:Source)
WITH nodes, count(s) AS sources
RETURN nodes - sources AS total

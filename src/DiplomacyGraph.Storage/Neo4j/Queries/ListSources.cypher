// Every source node.
MATCH (n:Source)
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node

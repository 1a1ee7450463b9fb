// Replaces every property of one node of a label ({{label}}, from the NodeLabel enum) with a complete map that the
// store computed (id included, evidence excluded), and merges the evidence in place with GraphMerge's rule: the
// stored (source, text) pairs first, then the incoming pairs they lack. The node was write-locked earlier in the
// same transaction. No row when there is no such node.
// @param id: "gustavo-petro"
// @param properties: {"id": "gustavo-petro", "name": "Gustavo Petro"}
// @param evidence: [{"source": "s", "text": "t"}]
MATCH (n:Node:{{label}} {id: $id})
WITH n, coalesce(n.evidenceSources, []) AS sources, coalesce(n.evidenceTexts, []) AS texts
WITH n, sources, texts,
  [e IN $evidence WHERE NONE(j IN range(0, size(sources) - 1) WHERE sources[j] = e.source AND texts[j] = e.text)] AS added
SET n = $properties
SET n.evidenceSources = CASE WHEN size(sources) + size(added) = 0 THEN null ELSE sources + [e IN added | e.source] END,
  n.evidenceTexts = CASE WHEN size(texts) + size(added) = 0 THEN null ELSE texts + [e IN added | e.text] END
RETURN n.id AS id

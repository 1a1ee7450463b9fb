// Import: merges relationships of one type ({{type}}, from the RelationshipTypes allow-list), one per (from, type, to),
// with GraphMerge's rules: non-null incoming properties win, evidence gains the (source, text) pairs it lacks.
// The start node is write-locked first, so concurrent imports neither duplicate the relationship nor lose evidence.
// @param rows: [{"from": "gustavo-petro", "to": "white-house-meeting", "scalars": {"role": "guest"}, "evidence": [{"source": "s", "text": "t"}]}]
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
SET a._lock = true
REMOVE a._lock
MERGE (a)-[r:{{type}}]->(b)
SET r += row.scalars
WITH r, row, coalesce(r.evidenceSources, []) AS sources, coalesce(r.evidenceTexts, []) AS texts
WITH r, row, sources, texts,
  [e IN row.evidence WHERE NONE(j IN range(0, size(sources) - 1) WHERE sources[j] = e.source AND texts[j] = e.text)] AS added
SET r.evidenceSources = CASE WHEN size(sources) + size(added) = 0 THEN null ELSE sources + [e IN added | e.source] END,
  r.evidenceTexts = CASE WHEN size(texts) + size(added) = 0 THEN null ELSE texts + [e IN added | e.text] END
RETURN count(r) AS merged

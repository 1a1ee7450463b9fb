// Import: merges nodes of one label ({{label}}, from the NodeLabel enum) with GraphMerge's rules:
// non-null incoming scalars win, the list properties (aliases, topics, searchTerms) are unioned with the
// existing items first, and evidence (parallel lists evidenceSources/evidenceTexts) gains the pairs it lacks.
// The node is write-locked before its lists are read, so concurrent imports lose nothing.
// @param rows: [{"id": "gustavo-petro", "scalars": {"name": "Gustavo Petro"}, "aliases": ["Petro"], "topics": null, "searchTerms": ["gustavo petro"], "evidence": [{"source": "s", "text": "t"}]}]
UNWIND $rows AS row
MERGE (n:Node:{{label}} {id: row.id})
SET n._lock = true
REMOVE n._lock
SET n += row.scalars
WITH n, row,
  coalesce(n.aliases, []) AS aliases,
  coalesce(n.topics, []) AS topics,
  coalesce(n.searchTerms, []) AS terms,
  coalesce(n.evidenceSources, []) AS sources,
  coalesce(n.evidenceTexts, []) AS texts
WITH n, row, aliases, topics, terms, sources, texts,
  [e IN row.evidence WHERE NONE(j IN range(0, size(sources) - 1) WHERE sources[j] = e.source AND texts[j] = e.text)] AS added
SET n.aliases = CASE WHEN row.aliases IS NULL THEN n.aliases ELSE aliases + [i IN row.aliases WHERE NOT i IN aliases] END,
  n.topics = CASE WHEN row.topics IS NULL THEN n.topics ELSE topics + [i IN row.topics WHERE NOT i IN topics] END,
  n.searchTerms = CASE WHEN row.searchTerms IS NULL THEN n.searchTerms ELSE terms + [i IN row.searchTerms WHERE NOT i IN terms] END,
  n.evidenceSources = CASE WHEN size(sources) + size(added) = 0 THEN null ELSE sources + [e IN added | e.source] END,
  n.evidenceTexts = CASE WHEN size(texts) + size(added) = 0 THEN null ELSE texts + [e IN added | e.text] END
RETURN count(n) AS merged

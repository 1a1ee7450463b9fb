// Creates one node of a label ({{label}}, from the NodeLabel enum). CREATE, not MERGE: a concurrent create of the
// same id then fails on the unique constraint (a 409) instead of merging silently.
// @param row: {"id": "gustavo-petro", "scalars": {"name": "Gustavo Petro"}, "aliases": ["Petro"], "weakAliases": null, "topics": null, "identifiers": null, "nationalities": ["co"], "referents": null, "sameAs": null, "searchTerms": ["gustavo petro"], "evidence": [{"source": "s", "text": "t"}]}
CREATE (n:Node:{{label}} {id: $row.id})
SET n += $row.scalars,
  n.aliases = $row.aliases,
  n.weakAliases = $row.weakAliases,
  n.topics = $row.topics,
  n.identifiers = $row.identifiers,
  n.nationalities = $row.nationalities,
  n.referents = $row.referents,
  n.sameAs = $row.sameAs,
  n.searchTerms = $row.searchTerms,
  n.evidenceSources = [e IN $row.evidence | e.source],
  n.evidenceTexts = [e IN $row.evidence | e.text]
RETURN n.id AS id

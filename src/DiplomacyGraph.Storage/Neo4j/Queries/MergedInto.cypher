// Entity resolution: the node each of these merged ids was merged into (one step; the store follows merges of merges).
// Judgements live outside the graph (no Node label, no relationships), like citations.
// @param ids: ["ofac-petro"]
UNWIND $ids AS id
MATCH (j:Judgement {merged: id})
RETURN j.merged AS merged, j.canonical AS canonical

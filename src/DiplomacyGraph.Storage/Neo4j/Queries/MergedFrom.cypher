// Entity resolution: the ids merged into these nodes (one step; an undo follows them down to every id it gives back).
// @param ids: ["gustavo-petro"]
UNWIND $ids AS id
MATCH (j:Judgement {canonical: id})
RETURN j.canonical AS canonical, j.merged AS merged

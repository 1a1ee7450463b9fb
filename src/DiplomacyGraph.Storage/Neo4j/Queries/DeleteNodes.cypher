// Deletes nodes by id, with whatever relationships they still have (the caller deleted and listed them first).
// @param ids: ["gustavo-petro"]
UNWIND $ids AS id
MATCH (n:Node {id: id})
DETACH DELETE n
RETURN count(*) AS deleted

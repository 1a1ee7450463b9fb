// Writes the event keys of these events from what the transaction has written so far: one EventKey node per context of
// the event and per sector of its PARTICIPATED_IN and TARGETED relationships, outside the graph (no Node label, no
// relationships), so traversals never meet them; FindEventsByKey seeks them by key. DeleteEventKeys removed every key of
// these events earlier in the same transaction (Neo4jGraphStore.EventKeyWrites), so none can exist: CREATE, not MERGE,
// whose lookup 3.1 was seen to plan as a label scan over a fresh store, rescanning the batch's new keys for every key.
// @param ids: ["white-house-meeting-2026-02-03"]
UNWIND $ids AS id
MATCH (n:Event {id: id})
WITH n, [c IN coalesce(n.contexts, []) | 'context:' + c]
  + [(n)<-[r:PARTICIPATED_IN]-() WHERE r.sector IS NOT NULL | 'sector:' + r.sector]
  + [(n)-[r:TARGETED]->() WHERE r.sector IS NOT NULL | 'sector:' + r.sector] AS keys
UNWIND keys AS key
WITH DISTINCT n.id AS eventId, key
CREATE (:EventKey {key: key, eventId: eventId})

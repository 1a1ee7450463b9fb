// Removes every event key of these events (a seek on the EventKey eventId index), before they are written again.
// @param ids: ["white-house-meeting-2026-02-03"]
UNWIND $ids AS id
MATCH (k:EventKey {eventId: id})
DELETE k

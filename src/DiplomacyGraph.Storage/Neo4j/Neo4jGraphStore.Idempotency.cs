using DiplomacyGraph.Storage.Idempotency;

namespace DiplomacyGraph.Storage.Neo4j;

// Idempotency keys as IdempotencyKey nodes, outside the graph (no Node label), uniquely constrained on their id. The
// write a key guards marks it committed in its own transaction (Neo4jHttpClient.Run).
public sealed partial class Neo4jGraphStore : IIdempotencyStore
{
    /// <summary>The idempotency state's constraint and index (Schema/ and Schema3x/).</summary>
    private static readonly string[] IdempotencySchema = ["IdempotencyKeyConstraint", "IdempotencyExpiryIndex"];

    public async Task<IdempotencyClaim> ClaimKey(IdempotencyRecord record, long now, CancellationToken ct)
    {
        var results = await client.Run(
            [
                new CypherStatement(CypherQueries.Get("PurgeIdempotencyKeys"), Params(("now", now))),
                new CypherStatement(CypherQueries.Get("ClaimIdempotencyKey"), Params(("row", new Dictionary<string, object?>
                {
                    ["id"] = record.Id, ["fingerprint"] = record.Fingerprint, ["token"] = record.Token,
                    ["leaseUntil"] = record.LeaseUntil, ["expiresAt"] = record.ExpiresAt,
                }))),
            ], ct, write: true);
        var claim = results[1];
        if (claim.Column("claimed").Single().GetBoolean()) return IdempotencyClaim.Claimed.Value;
        var answer = claim.Column("answer").Single();
        return new IdempotencyClaim.Held(new IdempotencyRecord(record.Id,
            claim.Column("fingerprint").Single().GetString()!, claim.Column("token").Single().GetString()!,
            claim.Column("leaseUntil").Single().GetInt64(), claim.Column("expiresAt").Single().GetInt64(),
            claim.Column("committed").Single().GetBoolean(),
            answer.ValueKind == System.Text.Json.JsonValueKind.String ? answer.GetString() : null));
    }

    public async Task CompleteKey(string id, string token, string answer, CancellationToken ct) =>
        await client.Run(new CypherStatement(CypherQueries.Get("CompleteIdempotencyKey"), Params(("id", id), ("token", token), ("answer", answer))), ct, write: true);

    public async Task ReleaseKey(string id, string token, CancellationToken ct) =>
        await client.Run(new CypherStatement(CypherQueries.Get("ReleaseIdempotencyKey"), Params(("id", id), ("token", token))), ct, write: true);
}

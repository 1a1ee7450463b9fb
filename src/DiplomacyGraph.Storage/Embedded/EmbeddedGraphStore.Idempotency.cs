using DiplomacyGraph.Storage.Idempotency;

namespace DiplomacyGraph.Storage.Embedded;

// Idempotency keys live in the SQLite file beside the graph (SqliteGraphFile.Idempotency.cs); the index knows nothing of them.
public sealed partial class EmbeddedGraphStore : IIdempotencyStore
{
    public Task<IdempotencyClaim> ClaimKey(IdempotencyRecord record, long now, CancellationToken ct) => Task.FromResult(file.ClaimKey(record, now));

    public Task CompleteKey(string id, string token, string answer, CancellationToken ct)
    {
        file.CompleteKey(id, token, answer);
        return Task.CompletedTask;
    }

    public Task ReleaseKey(string id, string token, CancellationToken ct)
    {
        file.ReleaseKey(id, token);
        return Task.CompletedTask;
    }
}

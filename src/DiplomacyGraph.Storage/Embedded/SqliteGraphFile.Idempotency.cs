using DiplomacyGraph.Storage.Idempotency;
using Microsoft.Data.Sqlite;

namespace DiplomacyGraph.Storage.Embedded;

// Idempotency keys (IIdempotencyStore) in their own table of the same file, so a key and the write it guards commit
// in one SQLite transaction.
internal sealed partial class SqliteGraphFile
{
    // The table (one row per caller and key) and the index the purge of expired keys reads: EmbeddedMigrations, version 2.
    public IdempotencyClaim ClaimKey(IdempotencyRecord record, long now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM idempotency_keys WHERE expires_at < $a", now);
        using (var insert = new SqliteCommand("""
            INSERT INTO idempotency_keys (id, fingerprint, token, lease_until, expires_at) VALUES ($a, $b, $c, $d, $e)
            ON CONFLICT(id) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("$a", record.Id);
            insert.Parameters.AddWithValue("$b", record.Fingerprint);
            insert.Parameters.AddWithValue("$c", record.Token);
            insert.Parameters.AddWithValue("$d", record.LeaseUntil);
            insert.Parameters.AddWithValue("$e", record.ExpiresAt);
            if (insert.ExecuteNonQuery() == 1)
            {
                transaction.Commit();
                return IdempotencyClaim.Claimed.Value;
            }
        }
        using var select = new SqliteCommand(
            "SELECT fingerprint, token, lease_until, expires_at, committed, answer FROM idempotency_keys WHERE id = $a", connection, transaction);
        select.Parameters.AddWithValue("$a", record.Id);
        using var reader = select.ExecuteReader();
        reader.Read();
        var held = new IdempotencyRecord(record.Id, reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetInt64(4) != 0, reader.IsDBNull(5) ? null : reader.GetString(5));
        reader.Close();
        transaction.Commit();
        return new IdempotencyClaim.Held(held);
    }

    public void CompleteKey(string id, string token, string answer)
    {
        using var connection = Open();
        Execute(connection, null, "UPDATE idempotency_keys SET answer = $c WHERE id = $a AND token = $b", id, token, answer);
    }

    public void ReleaseKey(string id, string token)
    {
        using var connection = Open();
        Execute(connection, null, "DELETE FROM idempotency_keys WHERE id = $a AND token = $b AND committed = 0", id, token);
    }

    private static void MarkKey(SqliteConnection connection, SqliteTransaction transaction, IdempotentWrite mark) =>
        Execute(connection, transaction, "UPDATE idempotency_keys SET committed = 1 WHERE id = $a AND token = $b", mark.Id, mark.Token);
}

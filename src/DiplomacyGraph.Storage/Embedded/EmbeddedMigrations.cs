using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>One step of the embedded store's schema: SQL run in one transaction with the version it brings the file to.</summary>
internal sealed record EmbeddedMigration(string Name, string Sql);

/// <summary>
/// The embedded store's schema versions. The file records its version in SQLite's <c>user_version</c> header field
/// (0 in every file written before versions existed, release 2f8156e and earlier). Step <c>i</c> of
/// <see cref="Steps"/> brings a file to version <c>i + 1</c>; adding a step is one entry at the end, never an edit of
/// an earlier one (files out there are at every version). Each step commits with its version in the same transaction,
/// so a migration interrupted between steps resumes where it stopped, and a migrated file opens without one.
/// </summary>
internal static class EmbeddedMigrations
{
    public static readonly IReadOnlyList<EmbeddedMigration> Steps =
    [
        // Version 1: the tables of release 2f8156e, which files of that release already hold; the step only records the
        // version. Rows written before claims existed carry no "Claims" and are read as they are (SqliteGraphFile.ReadBody).
        new("graph tables (nodes, edges, resolution judgements)", """
            CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, body TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS edges (id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, body TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS judgements (pair TEXT PRIMARY KEY, body TEXT NOT NULL);
            """),
        // Version 2: Idempotency-Key records (SqliteGraphFile.Idempotency.cs), purged through their expiry's index.
        new("idempotency keys", """
            CREATE TABLE IF NOT EXISTS idempotency_keys (id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, token TEXT NOT NULL,
                lease_until INTEGER NOT NULL, expires_at INTEGER NOT NULL, committed INTEGER NOT NULL DEFAULT 0, answer TEXT);
            CREATE INDEX IF NOT EXISTS idempotency_keys_expiry ON idempotency_keys (expires_at);
            """),
    ];

    /// <summary>The version this build writes, and the newest it can open.</summary>
    public static int Current => Steps.Count;

    /// <summary>
    /// Brings the file at <paramref name="path"/> to <see cref="Current"/>, one transaction and one log line per step
    /// (a new, empty file is created at the current version in one). A file newer than this build is refused untouched.
    /// </summary>
    public static void Run(SqliteConnection connection, string path, ILogger logger)
    {
        for (var step = 0; ; step++)
        {
            // IMMEDIATE: the version is read under the write lock, so a process migrating the same file meanwhile is
            // waited for (busy timeout) and its steps are not run twice.
            using var transaction = connection.BeginTransaction(deferred: false);
            var version = Version(connection, transaction);
            if (version > Current)
            {
                throw new StoreMisconfiguredException(
                    $"The embedded store {path} is at schema version {version}, newer than this build knows ({Current}): run a newer DiplomacyGraph, or restore a backup taken before the upgrade.");
            }
            if (version == Current) return;
            if (IsEmpty(connection, transaction))
            {
                foreach (var fresh in Steps) Execute(connection, transaction, fresh.Sql);
                SetVersion(connection, transaction, Current);
                transaction.Commit();
                logger.LogInformation("Embedded store {Path} created at schema version {Version}", path, Current);
                return;
            }
            var next = Steps[version];
            Execute(connection, transaction, next.Sql);
            SetVersion(connection, transaction, version + 1);
            transaction.Commit();
            logger.LogInformation("Embedded store {Path} migrated from schema version {From} to {To}: {Step}", path, version, version + 1, next.Name);
        }
    }

    /// <summary>The version recorded in the file (0 before versions existed).</summary>
    public static int Version(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = new SqliteCommand("PRAGMA user_version", connection, transaction);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsEmpty(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = new SqliteCommand("SELECT count(*) FROM sqlite_master WHERE type = 'table'", connection, transaction);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    // A pragma takes no parameters; the version is this build's own number, never input.
    private static void SetVersion(SqliteConnection connection, SqliteTransaction transaction, int version) =>
        Execute(connection, transaction, $"PRAGMA user_version = {version.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}

using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// One step of the embedded store's schema: SQL run in one transaction with the version it brings the file to, then,
/// for a step that rewrites data, <paramref name="Rewrite"/> in the same transaction, answering how many rows it wrote.
/// </summary>
internal sealed record EmbeddedMigration(string Name, string Sql, Func<SqliteConnection, SqliteTransaction, ILogger, int>? Rewrite = null);

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
        // Version 3 (issue 19): events and statements in the current PLOVER manual's terms. The index serves the step's
        // selection of one label's rows in id order, a page at a time, without reading the other labels' rows.
        new("events and statements re-coded in the current PLOVER manual's terms", """
            CREATE INDEX IF NOT EXISTS nodes_label ON nodes (label, id);
            """, RecodePlover),
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
            var written = next.Rewrite?.Invoke(connection, transaction, logger) ?? 0;
            SetVersion(connection, transaction, version + 1);
            transaction.Commit();
            logger.LogInformation("Embedded store {Path} migrated from schema version {From} to {To}: {Step} ({Written} written)",
                path, version, version + 1, next.Name, written);
        }
    }

    /// <summary>How many rows a rewriting step reads at a time: its memory holds one page, whatever the file's size.</summary>
    internal const int RewritePage = 2000;

    /// <summary>
    /// Version 3: every event and statement through <see cref="PloverRecoding"/> (values and claims; originals kept;
    /// <c>quadClass</c> on events), in pages of one label's rows by id. A row already current is not written, so the
    /// step redoes nothing; it runs in its step's transaction, so a file interrupted mid-way is still at version 2 and
    /// re-runs it whole. A kind with nothing to map to stays as it is (the manual has no such type: validation
    /// refuses it on the fact's next write); one warning line counts such rows and names a few.
    /// </summary>
    private static int RecodePlover(SqliteConnection connection, SqliteTransaction transaction, ILogger logger)
    {
        var written = 0;
        var kept = new List<string>();
        var keptCount = 0;
        foreach (var label in new[] { NodeLabel.Event, NodeLabel.Statement })
        {
            var after = "";
            while (true)
            {
                var page = new List<GraphNode>(RewritePage);
                using (var select = new SqliteCommand("SELECT id, body FROM nodes WHERE label = $label AND id > $after ORDER BY id LIMIT $limit", connection, transaction))
                {
                    select.Parameters.AddWithValue("$label", label.ToString());
                    select.Parameters.AddWithValue("$after", after);
                    select.Parameters.AddWithValue("$limit", RewritePage);
                    using var reader = select.ExecuteReader();
                    while (reader.Read())
                    {
                        var (properties, evidence, claims) = SqliteGraphFile.ReadBody(reader.GetString(1));
                        page.Add(new GraphNode(reader.GetString(0), label, properties, evidence) { Claims = claims });
                    }
                }
                using (var update = new SqliteCommand("UPDATE nodes SET body = $body WHERE id = $id", connection, transaction))
                {
                    var body = update.Parameters.Add("$body", SqliteType.Text);
                    var id = update.Parameters.Add("$id", SqliteType.Text);
                    foreach (var node in page)
                    {
                        var outcome = PloverRecoding.Recode(node);
                        if (outcome.Unmappable is not null && keptCount++ < 5) kept.Add($"{node.Id} ({outcome.Unmappable})");
                        if (outcome.Recoded is not { } recoded) continue;
                        body.Value = SqliteGraphFile.WriteBody(recoded.Properties, recoded.Evidence, recoded.Claims);
                        id.Value = recoded.Id;
                        update.ExecuteNonQuery();
                        written++;
                    }
                }
                if (page.Count < RewritePage) break;
                after = page[^1].Id;
            }
        }
        if (keptCount > 0) logger.LogWarning("{Count} events or statements keep a kind the PLOVER manual lacks, e.g. {Examples}", keptCount, string.Join("; ", kept));
        return written;
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

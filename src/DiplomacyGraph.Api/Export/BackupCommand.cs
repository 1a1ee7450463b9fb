using DiplomacyGraph.Api.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DiplomacyGraph.Api.Export;

/// <summary>
/// <c>dotnet run --project src/DiplomacyGraph.Api -- backup &lt;file&gt;</c>: a consistent copy of the embedded store's SQLite
/// file, taken with SQLite's online backup while the service runs: the copy is the database as one committed transaction
/// left it, never a write half-copied. To restore, stop the service, put the copy at <c>Embedded:Path</c> (removing any
/// <c>-wal</c>/<c>-shm</c> files beside it) and start it. Neo4j is backed up with its own tools (<c>neo4j-admin dump</c>).
/// </summary>
internal static class BackupCommand
{
    private const string Usage = "usage: DiplomacyGraph.Api backup <file.db> [--Section:Key=value ...]";

    public static bool Matches(string[] args) => args is ["backup", ..];

    public static async Task<int> Run(string[] args)
    {
        if (args is not [_, var given, .. var settings] || given.StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var builder = WebApplication.CreateBuilder([.. settings]);
        if (Commands.EmbeddedDatabase(builder) is not { } database)
        {
            await Console.Error.WriteLineAsync("backup copies the embedded store; this configuration names Neo4j (Neo4j:Uri): back it up with neo4j-admin dump, or move it with export.");
            return 2;
        }
        if (!File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"backup: there is no embedded store at {database} (Embedded:Path).");
            return 2;
        }
        var target = Commands.FromShell(given);
        if (Path.GetFullPath(target) == database)
        {
            await Console.Error.WriteLineAsync("backup: the copy cannot be the store itself.");
            return 2;
        }
        var partial = target + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Copy(database, partial);
                    break;
                }
                catch (SqliteException e) when (e.SqliteErrorCode is Busy or Locked && attempt < MaxAttempts)
                {
                    // The service's commit or checkpoint held the file at that moment: start over (a backup copies one
                    // snapshot whole, or nothing), after a wait that grows, about 20 s in all.
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
                }
            }
            File.Move(partial, target, overwrite: true);
            await Console.Error.WriteLineAsync($"Backed up {database} to {target} ({new FileInfo(target).Length} bytes).");
            return 0;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"backup failed: {e.Message}");
            return 1;
        }
    }

    private const int Busy = 5, Locked = 6, MaxAttempts = 20;

    /// <summary>
    /// Copies the store with SQLite's online backup, read-only and unpooled: the service keeps writing, and the backup API
    /// copies the pages of one consistent snapshot into a fresh file.
    /// </summary>
    private static void Copy(string database, string partial)
    {
        File.Delete(partial);
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);
    }
}

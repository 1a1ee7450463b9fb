using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Tests.Writes;
using Microsoft.Data.Sqlite;

namespace DiplomacyGraph.Tests.Export;

/// <summary>
/// <c>backup &lt;file&gt;</c> beside a running service (a child process, as an operator runs both) that keeps writing: the copy
/// is one consistent state of the store (SQLite's integrity check, every write acknowledged before the backup began is
/// in it, nothing acknowledged only after it ended), and a service restored from it (README: stop, put the copy at
/// <c>Embedded:Path</c>, start) serves it.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private const string Key = "backup-test-key-0123456789abcdef0123";
    private const string SeedSource = "vermelho-2026-02-04-petro-trump";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("diplomacygraph-backup-");

    private string DatabasePath => Path.Combine(folder.FullName, "graph.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_backup_taken_while_the_service_writes_holds_every_earlier_write_and_a_service_restored_from_it_serves_them()
    {
        // Into a folder that does not exist yet, as the README's `backups/graph-$(date +%F).db` on a first run.
        var copy = Path.Combine(folder.FullName, "backups", "copy.db");
        var acknowledged = new ConcurrentQueue<string>();
        string[] before, after;
        await using (var api = await ApiProcess.StartAsync(DatabasePath, Key))
        {
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var id = $"backup-actor-{i}";
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/actors", UriKind.Relative))
                    {
                        Content = JsonContent.Create(new { id, kind = "person", name = $"Backup Person {i}", evidence = "A sentence.", sourceId = SeedSource }),
                    };
                    request.Headers.Add("X-Api-Key", Key);
                    using var answer = await api.Client.SendAsync(request);
                    if (answer.StatusCode == HttpStatusCode.Created) acknowledged.Enqueue(id);
                    else if (answer.StatusCode == HttpStatusCode.TooManyRequests) await Task.Delay(100);
                    else throw new InvalidOperationException($"{id}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                }
            });
            var deadline = DateTime.UtcNow + Infrastructure.TestSettings.ApiProcess;
            while (acknowledged.Count < 3 && !writer.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(50);
            if (writer.IsFaulted) await writer;
            Assert.True(acknowledged.Count >= 3, "The service acknowledged no writes: " + api.Output);
            before = [.. acknowledged];

            var backup = await ApiProcess.RunAsync("backup", copy, $"--Embedded:Path={DatabasePath}");

            after = [.. acknowledged];
            await stop.CancelAsync();
            await writer;
            Assert.True(backup.ExitCode == 0, backup.Error + api.Output);
        }

        using (var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var check = new SqliteCommand("PRAGMA integrity_check", connection);
            Assert.Equal("ok", check.ExecuteScalar());
        }
        using (var store = new EmbeddedGraphStore(copy))
        {
            var inCopy = new List<string>();
            foreach (var id in after)
            {
                if (await store.FindNode(id, CancellationToken.None) is Found<GraphNode>) inCopy.Add(id);
            }
            Assert.Subset(inCopy.ToHashSet(), before.ToHashSet());
            Assert.True(await store.FindNode("gustavo-petro", CancellationToken.None) is Found<GraphNode>, "The seed is in the copy.");
        }

        // Restore: the service stopped, the copy put in the store's place, the service started on it.
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" }) File.Delete(file);
        File.Copy(copy, DatabasePath);
        await using var restored = await ApiProcess.StartAsync(DatabasePath, Key);
        using var earlier = await restored.Client.GetAsync(new Uri($"/api/actors/{before[0]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
    }

    [Fact]
    public async Task A_backup_of_a_Neo4j_configuration_or_a_backup_or_export_of_no_store_exits_2_with_one_line_and_creates_no_store()
    {
        var none = Path.Combine(folder.FullName, "none.db");
        var neo4j = await ApiProcess.RunAsync("backup", Path.Combine(folder.FullName, "x.db"), "--Neo4j:Uri=http://127.0.0.1:1");
        var missing = await ApiProcess.RunAsync("backup", Path.Combine(folder.FullName, "y.db"), $"--Embedded:Path={none}");
        var export = await ApiProcess.RunAsync("export", Path.Combine(folder.FullName, "z.ndjson"), $"--Embedded:Path={none}");

        Assert.Equal(2, export.ExitCode);
        Assert.Contains("there is no embedded store at", export.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(none), "The export created a store.");

        Assert.Equal(2, neo4j.ExitCode);
        Assert.Contains("neo4j-admin dump", neo4j.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("there is no embedded store at", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.FullName, "y.db")));
    }
}

using System.Net;
using DiplomacyGraph.Tests.Seed;
using static DiplomacyGraph.Tests.Writes.Articles;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// One process serves or writes an embedded store: it holds the OS lock on <c>&lt;file&gt;.lock</c>. A second service or a
/// CLI import on the same file refuses with one line naming the holder's PID, exit code 2, before it writes anything; once
/// the holder is gone (even by <c>kill -9</c>) the file is free again. Several replicas are a Neo4j feature.
/// </summary>
public sealed class OneWriterTests : IDisposable
{
    private const string Key = "one-writer-key-0123456789abcdef01234";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("diplomacygraph-one-writer-");

    private string DatabasePath => Path.Combine(folder.FullName, "graph.db");

    public void Dispose()
    {
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_second_service_on_the_same_file_exits_2_with_one_line_naming_the_first_ones_PID_and_the_first_keeps_serving()
    {
        await using var first = await ApiProcess.StartAsync(DatabasePath, Key);

        var (exitCode, output, error) = await ApiProcess.RunAsync("--urls", "http://127.0.0.1:0", $"--Embedded:Path={DatabasePath}",
            $"--Auth:ApiKeys:0={Key}", $"--Seed:Folder={RepositoryFiles.SeedFolder}");

        Assert.True(exitCode == 2, $"The second service exited with {exitCode}.\n{output}\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"process {first.Id} ", line, StringComparison.Ordinal);
        Assert.Contains($"{DatabasePath}.lock", line, StringComparison.Ordinal);
        Assert.Contains("Neo4j", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.False(first.HasExited, first.Output);
        using var ready = await first.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task An_import_while_the_service_runs_exits_2_naming_its_PID_and_goes_in_once_the_service_was_killed()
    {
        var article = FollowUpMeeting();
        var file = Path.Combine(folder.FullName, "follow-up.json");
        File.WriteAllText(file, Serialize(article.Document));
        var service = await ApiProcess.StartAsync(DatabasePath, Key);
        int holder = service.Id;
        try
        {
            var refused = await ApiProcess.ImportAsync(file, DatabasePath);

            Assert.True(refused.ExitCode == 2, $"The import beside the service exited with {refused.ExitCode}.\n{refused.Out}\n{refused.Error}");
            var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"process {holder} ", line, StringComparison.Ordinal);
            Assert.Contains("POST /api/import", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Imported", refused.Out, StringComparison.Ordinal);
            using var unseen = await service.Client.GetAsync(new Uri($"/api/actors/{article.EnvoyId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
        }
        finally
        {
            // SIGKILL: no shutdown code runs, yet the OS releases the lock with the process.
            await service.DisposeAsync();
        }

        var imported = await ApiProcess.ImportAsync(file, DatabasePath);
        Assert.True(imported.ExitCode == 0, $"The import after the service was killed exited with {imported.ExitCode}.\n{imported.Out}\n{imported.Error}");
        await using var restarted = await ApiProcess.StartAsync(DatabasePath, Key);
        using var seen = await restarted.Client.GetAsync(new Uri($"/api/actors/{article.EnvoyId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
    }
}

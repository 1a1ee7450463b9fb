using System.Net;
using System.Text.Json;
using DiplomacyGraph.Tests.Infrastructure;
using static DiplomacyGraph.Tests.Writes.Articles;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// The hard case of idempotency keys: the process dies (SIGKILL) right after a keyed write commits, before it answers.
/// The service runs as a child process with the test-only setting <c>Idempotency:FaultInjection:KillAfterCommit</c>,
/// which kills it there; a second process on the same store proves the write committed (the resource is there), then
/// the retry with the key answers as the lost answer would have, marked replayed, and the same retry without a key
/// meets the write it cannot tell from someone else's (409), the control.
/// </summary>
public abstract class IdempotencyCrashContract : IAsyncLifetime
{
    private const string KillAfterCommit = "--Idempotency:FaultInjection:KillAfterCommit=true";

    /// <summary>Starts the service on the subclass's store (the same store each time), with these extra settings.</summary>
    private protected abstract Task<ApiProcess> StartAsync(params string[] extra);

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_create_whose_answer_was_lost_to_kill_9_after_the_commit_answers_201_on_retry_with_its_key_and_409_without()
    {
        var key = Guid.NewGuid().ToString();
        var id = Unique("lost-answer");
        var body = JsonSerializer.Serialize(new { id, title = "A report whose answer was lost", outlet = "reports.example", published = "2026-02-12" });

        await using (var dying = await StartAsync(KillAfterCommit))
        {
            var lost = await Record.ExceptionAsync(async () =>
            {
                using var answer = await IdempotencyContract.Send(dying.Client, HttpMethod.Post, "/api/sources", body, key);
                throw new InvalidOperationException($"The process answered {(int)answer.StatusCode} instead of dying: {await answer.Content.ReadAsStringAsync()}\n{dying.Output}");
            });
            Assert.IsType<HttpRequestException>(lost);
            Assert.NotEqual(0, await dying.WaitForExitAsync());
        }

        await using var restarted = await StartAsync();
        // The write committed before the process died: the source is there.
        using (var stored = await restarted.Client.GetAsync(new Uri($"/api/sources/{id}", UriKind.Relative)))
        {
            Assert.True(stored.StatusCode == HttpStatusCode.OK, $"GET the source after the crash → {(int)stored.StatusCode}: {await stored.Content.ReadAsStringAsync()}\n{restarted.Output}");
        }

        using var retry = await IdempotencyContract.Send(restarted.Client, HttpMethod.Post, "/api/sources", body, key);
        using var again = await IdempotencyContract.Send(restarted.Client, HttpMethod.Post, "/api/sources", body, key);
        using var unkeyed = await IdempotencyContract.Send(restarted.Client, HttpMethod.Post, "/api/sources", body, key: null);

        var retried = await retry.Content.ReadAsStringAsync();
        Assert.True(retry.StatusCode == HttpStatusCode.Created, $"The keyed retry → {(int)retry.StatusCode}: {retried}\n{restarted.Output}");
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal($"/api/sources/{id}", retry.Headers.Location?.OriginalString);
        using (var created = JsonDocument.Parse(retried))
        {
            Assert.Equal(id, created.RootElement.GetProperty("id").GetString());
            Assert.Equal("A report whose answer was lost", created.RootElement.GetProperty("title").GetString());
        }
        // Once answered, the answer is kept: a further retry replays it byte for byte.
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(retried, await again.Content.ReadAsStringAsync());
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        // The control: without its key, the retry cannot tell its own write from someone else's.
        Assert.Equal(HttpStatusCode.Conflict, unkeyed.StatusCode);
    }
}

/// <summary>The crash case on the embedded store: both processes open the same database file, one after the other.</summary>
public sealed class EmbeddedIdempotencyCrashTests : IdempotencyCrashContract
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("diplomacygraph-idempotency-");

    private protected override Task<ApiProcess> StartAsync(params string[] extra) =>
        ApiProcess.StartAsync(Path.Combine(folder.FullName, "graph.db"), IdempotencyContract.ApiKey, extra);

    public override Task DisposeAsync()
    {
        try { folder.Delete(recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>The crash case on Neo4j: both processes use the test server.</summary>
[Collection("neo4j")]
public sealed class Neo4jIdempotencyCrashTests(Neo4jServer server) : IdempotencyCrashContract
{
    private protected override Task<ApiProcess> StartAsync(params string[] extra) =>
        ApiProcess.StartOnNeo4jAsync(server.HttpUri, server.User, server.Password, IdempotencyContract.ApiKey, extra);
}

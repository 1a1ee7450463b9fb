using System.Net;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.Seed;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Api;

/// <summary>
/// Start-up survives a slow or absent Neo4j: the service (a real child process) comes up, says in <c>/health/ready</c> why
/// it is not ready, answers <c>/api</c> with 503 and Retry-After, retries with one log line an attempt and no stack trace,
/// and ends ready with the seed loaded once Neo4j answers.
/// </summary>
[Collection("neo4j")]
public sealed class Neo4jStartupTests(Neo4jServer server)
{
    private const string Key = "startup-key-0123456789abcdef0123456";
    private const string SeedActor = "/api/actors/gustavo-petro";

    [Fact]
    public async Task Started_before_Neo4j_the_service_answers_503_says_why_and_ends_ready_with_the_seed_loaded_once_Neo4j_is_up()
    {
        Assert.True(server.CanControlProcess, "This test starts the service before Neo4j, so it needs the fixture's own server: unset NEO4J_URI and run scripts/test.sh.");
        await server.ResetAsync();
        await server.StopAsync();
        ApiProcess? api = null;
        try
        {
            api = await ApiProcess.LaunchAsync(Settings());

            var why = await NotReadyBecause(api, "no connection to the store");
            Assert.Contains("Start-up attempt", why, StringComparison.Ordinal);
            await AnswersWhileStarting(api);
        }
        finally
        {
            await server.StartAsync();
        }

        await using (api)
        {
            await EndsReadyWithTheSeed(api);
        }
    }

    [Fact]
    public async Task With_Neo4j_paused_past_the_request_timeout_the_service_answers_503_says_why_and_ends_ready_with_the_seed_loaded_once_it_goes_on()
    {
        Assert.True(server.CanControlProcess, "This test pauses the Neo4j it runs on (SIGSTOP), so it needs the fixture's own server: unset NEO4J_URI and run scripts/test.sh.");
        await server.ResetAsync();
        await server.PauseAsync();
        ApiProcess? api = null;
        try
        {
            // The first attempt runs before the server listens, so the service is live only once that attempt has timed out.
            api = await ApiProcess.LaunchAsync(Settings());

            var why = await NotReadyBecause(api, "the store did not answer in time");
            Assert.Contains("Start-up attempt", why, StringComparison.Ordinal);
            await AnswersWhileStarting(api);
        }
        finally
        {
            await server.ResumeAsync();
        }

        await using (api)
        {
            await EndsReadyWithTheSeed(api);
        }
    }

    /// <summary>The seed on, short retry delays, and the store's timeouts from the test settings.</summary>
    private string[] Settings() =>
    [
        $"--Neo4j:Uri={server.HttpUri}", $"--Neo4j:User={server.User}", $"--Neo4j:Password={server.Password}",
        $"--Neo4j:RequestTimeout={TestSettings.AsSetting(TestSettings.Neo4jRequest)}", $"--Neo4j:ImportTimeout={TestSettings.AsSetting(TestSettings.Neo4jImport)}",
        $"--Neo4j:Protocol={Neo4jServer.Protocol ?? "auto"}", $"--Auth:ApiKeys:0={Key}", $"--Seed:Folder={RepositoryFiles.SeedFolder}",
        "--Startup:FirstRetryDelay=00:00:00.500", "--Startup:MaxRetryDelay=00:00:05",
    ];

    /// <summary>Polls readiness until the seed check says <paramref name="expected"/>; fails if the service gets ready or exits first.</summary>
    private static async Task<string> NotReadyBecause(ApiProcess api, string expected)
    {
        var deadline = DateTime.UtcNow + TestSettings.ApiProcess;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(api.HasExited, $"The service exited while the store was away.\n{api.Output}");
            using var ready = await api.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            last = await ready.Content.ReadAsStringAsync();
            Assert.True(ready.StatusCode == HttpStatusCode.ServiceUnavailable, $"/health/ready answered {(int)ready.StatusCode} while the store was away: {last}");
            using var health = JsonDocument.Parse(last);
            Assert.Equal("Unhealthy", health.RootElement.GetProperty("checks").GetProperty("seed").GetString());
            var why = health.RootElement.GetProperty("details").GetProperty("seed").GetString() ?? "";
            if (why.Contains(expected, StringComparison.Ordinal)) return why;
            await Task.Delay(250);
        }
        throw new TimeoutException($"Readiness never said '{expected}' within {TestSettings.ApiProcess.TotalSeconds:0} s (test setting Timeouts:ApiProcess); last: {last}\n{api.Output}");
    }

    /// <summary>Reads and writes answer 503 problems with Retry-After; health, Swagger and the explorer answer.</summary>
    private static async Task AnswersWhileStarting(ApiProcess api)
    {
        using var read = await api.Client.GetAsync(new Uri(SeedActor, UriKind.Relative));
        await AssertStarting(read);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/actors", UriKind.Relative))
        {
            Content = new StringContent("""{"id":"early-bird","kind":"person","name":"Early Bird"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", Key);
        using var write = await api.Client.SendAsync(request);
        await AssertStarting(write);

        foreach (var up in new[] { "/health/live", "/swagger/v1/swagger.json" })
        {
            using var answer = await api.Client.GetAsync(new Uri(up, UriKind.Relative));
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{up} answered {(int)answer.StatusCode} while the store was away.");
        }
    }

    private static async Task AssertStarting(HttpResponseMessage answer)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.ServiceUnavailable, $"{answer.RequestMessage?.Method} {answer.RequestMessage?.RequestUri} answered {(int)answer.StatusCode}: {body}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.True(answer.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "A 503 should say when to retry.");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("/health/ready", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Ready by itself, the seed served, one warning line per failed attempt and no stack trace in the whole log.</summary>
    private static async Task EndsReadyWithTheSeed(ApiProcess api)
    {
        await api.WaitUntilReadyAsync();
        using var seeded = await api.Client.GetAsync(new Uri(SeedActor, UriKind.Relative));
        Assert.True(seeded.StatusCode == HttpStatusCode.OK, $"GET {SeedActor} answered {(int)seeded.StatusCode} once ready.\n{api.Output}");
        using var early = await api.Client.GetAsync(new Uri("/api/actors/early-bird", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        var log = api.Output;
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        var failed = log.Split('\n').Count(l => l.Contains("Start-up attempt", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal));
        var retried = log.Split('\n').Count(l => l.Contains("Start-up attempt", StringComparison.Ordinal) && l.Contains("ready", StringComparison.Ordinal));
        Assert.True(failed >= 1 && retried == 1, $"Expected a line per failed attempt and one saying it is ready; {failed} and {retried}:\n{log}");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Neo4j;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Tests.Neo4jWire;

/// <summary>
/// How the service answers when Neo4j refuses its credentials or a commit's answer never comes. The test Neo4j runs
/// without auth and cannot be made to hang mid-commit, so <see cref="DocumentedNeo4jWire"/> gives the answers Neo4j
/// documents (401/403, 3.x's AuthenticationRateLimit) or none at all. OUR ADAPTER'S HANDLING, NOT NEO4J.
/// </summary>
public sealed class Neo4jFailureAnswerTests : IDisposable
{
    private const string Key = "failure-test-key-0123456789abcdef";

    private static readonly GraphNode Ortiz = new("ana-ortiz", NodeLabel.Actor,
        new Dictionary<string, object?> { ["name"] = "Ana Ortiz", ["kind"] = "person" }, [new Storage.Model.Evidence("src-1", "Ana Ortiz spoke.")]);

    private readonly DocumentedNeo4jWire wire = new();

    public void Dispose() => wire.Dispose();

    public static TheoryData<HttpStatusCode, string> Refusals => new()
    {
        { HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized" },
        { HttpStatusCode.Forbidden, "Neo.ClientError.Security.Forbidden" },
        // Neo4j 3.x after repeated bad logins, for 5 s even to the right password.
        { HttpStatusCode.TooManyRequests, "Neo.ClientError.Security.AuthenticationRateLimit" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refused_credentials_make_readiness_unhealthy_with_a_log_line_naming_the_cause_and_requests_answer_500_store_misconfigured(
        HttpStatusCode status, string code)
    {
        var logs = new CapturedLogs();
        using var factory = Factory(logs);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        wire.Answer = r => r.Path == "/" ? null : DocumentedNeo4jWire.Error(status, code);
        using var read = await client.GetAsync("/api/actors/gustavo-petro");
        using var ready = await client.GetAsync("/health/ready");

        var body = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The graph store is misconfigured.", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("Neo.", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var health = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", health.RootElement.GetProperty("checks").GetProperty("store").GetString());
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("misconfigured", StringComparison.Ordinal)
            && l.Message.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_whose_commit_answer_never_comes_answers_503_saying_it_may_have_applied()
    {
        var logs = new CapturedLogs();
        using var factory = Factory(logs, ("Neo4j:ImportTimeout", "00:00:01"));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        wire.Answer = r => r.Path.EndsWith("/commit", StringComparison.Ordinal) && r.Text.Contains("CREATE (n:Node", StringComparison.Ordinal)
            ? throw new TaskCanceledException("no answer") : null;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actors")
        {
            Content = JsonContent.Create(new { id = "ana-ortiz", kind = "person", name = "Ana Ortiz", evidence = "Ana Ortiz spoke.", sourceId = "src-1" }),
        };
        request.Headers.Add("X-Api-Key", Key);
        using var created = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, created.StatusCode);
        var detail = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Contains("may have applied", detail, StringComparison.Ordinal);
        Assert.Contains("409", detail, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Message.Contains("outcome unknown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_commit_that_times_out_is_in_doubt_but_a_read_that_times_out_or_a_refused_connection_is_not()
    {
        var store = wire.Store("http://localhost:7474", ("Neo4j:ImportTimeout", "00:00:01"), ("Neo4j:RequestTimeout", "00:00:01"), ("Neo4j:ConnectTimeout", "00:00:01"))
            .GetRequiredService<Neo4jGraphStore>();
        // A create first reads its evidence's sources (their provenance ranks its claims) outside the transaction: that
        // read is answered, and the write's own requests, in its transaction, time out.
        wire.Answer = r => r.Method == HttpMethod.Post && r.Body?.ToJsonString().Contains("CREATE (n:Node", StringComparison.Ordinal) == true
            ? throw new TaskCanceledException("no answer") : null;
        var write = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CreateNode(Ortiz, CancellationToken.None));
        wire.Answer = r => r.Method == HttpMethod.Post ? throw new TaskCanceledException("no answer") : null;
        var read = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Exists(NodeLabel.Actor, "ana-ortiz", CancellationToken.None));

        wire.Answer = r => r.Method == HttpMethod.Post ? throw new HttpRequestException(HttpRequestError.ConnectionError, "refused") : null;
        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CreateNode(Ortiz, CancellationToken.None));

        Assert.True(write.OutcomeUnknown);
        Assert.False(read.OutcomeUnknown);
        Assert.False(refused.OutcomeUnknown);
    }

    private WebApplicationFactoryWithWire Factory(CapturedLogs logs, params (string Key, string Value)[] settings)
    {
        var extra = new Dictionary<string, string?> { ["Seed:Enabled"] = "false", ["Auth:ApiKeys:0"] = Key };
        foreach (var (key, value) in settings) extra[key] = value;
        var factory = DiplomacyGraphFactory.Neo4j(new Uri("http://localhost:7474"), "neo4j", "a-password", extra);
        return new WebApplicationFactoryWithWire(factory.WithWebHostBuilder(builder =>
        {
            builder.ConfigureLogging(l => l.AddProvider(logs));
            builder.ConfigureTestServices(services =>
                services.AddHttpClient(DiplomacyGraph.Storage.Neo4j.Neo4jHttpClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => wire));
        }), factory);
    }

    /// <summary>The derived factory and the one it came from, disposed together.</summary>
    private sealed class WebApplicationFactoryWithWire(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> derived, DiplomacyGraphFactory original) : IDisposable
    {
        public HttpClient CreateClient() => derived.CreateClient();

        public void Dispose()
        {
            derived.Dispose();
            original.Dispose();
        }
    }
}

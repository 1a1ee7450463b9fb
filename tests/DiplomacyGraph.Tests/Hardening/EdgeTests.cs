using System.Net;
using System.Text;
using DiplomacyGraph.Tests.Api;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static DiplomacyGraph.Tests.Hardening.HardeningContract;

namespace DiplomacyGraph.Tests.Hardening;

/// <summary>Behind a proxy the service trusts (127.0.0.1), with a frontend origin allowed and a Host list.</summary>
public sealed class ProxiedEdge : EdgeHost
{
    public const string Origin = "https://app.example.org";
    public const int MaxFailures = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0"] = Key,
        ["Auth:MaxFailures"] = MaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["Cors:AllowedOrigins:0"] = Origin,
        ["AllowedHosts"] = "127.0.0.1;localhost",
    };
}

/// <summary>No trusted proxy, Swagger UI off, and reads limited per address.</summary>
public sealed class PlainEdge : EdgeHost
{
    public const int MaxFailures = 2;
    public const int ReadsPerMinute = 5;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0"] = Key,
        ["Auth:MaxFailures"] = MaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Swagger:UiEnabled"] = "false",
        ["Reads:PermitsPerMinute"] = ReadsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Failed-key throttling, CORS, and HTTP hygiene, through a real Kestrel server. Each test speaks for a client address of its own.</summary>
public sealed class ProxiedEdgeTests(ProxiedEdge host) : IClassFixture<ProxiedEdge>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task After_MaxFailures_wrong_keys_from_an_address_its_next_guess_gets_429_with_Retry_After_and_a_valid_key_still_writes()
    {
        const string address = "203.0.113.7";
        for (var i = 0; i < ProxiedEdge.MaxFailures; i++)
        {
            using var wrong = await Write(address, "guess-" + i, Unique("guessed"));
            await AssertProblem(wrong, HttpStatusCode.Unauthorized);
        }
        var guessed = Unique("after-guessing");

        using var blocked = await Write(address, "guess-again", guessed, accept: "text/html");
        using var anonymous = await Write(address, key: null, Unique("anonymous"));
        // Someone else's failures from the same address (every client, behind an unconfigured proxy) never lock out a writer.
        var written = Unique("valid-after-guessing");
        using var valid = await Write(address, Key, written);

        var problem = await AssertProblem(blocked, HttpStatusCode.TooManyRequests);
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
        Assert.InRange(int.Parse(Single(blocked, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        await AssertProblem(anonymous, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        using var notWritten = await Send(HttpMethod.Get, $"/api/actors/{guessed}", address);
        Assert.Equal(HttpStatusCode.NotFound, notWritten.StatusCode);
        using var read = await Send(HttpMethod.Get, $"/api/actors/{written}", address);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Below_MaxFailures_the_valid_key_still_writes()
    {
        const string address = "203.0.113.20";
        for (var i = 0; i < ProxiedEdge.MaxFailures - 1; i++)
        {
            using var wrong = await Write(address, "guess-" + i, Unique("guessed"));
            await AssertProblem(wrong, HttpStatusCode.Unauthorized);
        }

        using var write = await Write(address, Key, Unique("still-allowed"));

        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
    }

    [Fact]
    public async Task A_preflight_from_a_listed_origin_allows_the_key_and_content_type_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/actors");
        request.Headers.Add("Origin", ProxiedEdge.Origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(ProxiedEdge.Origin, Single(response, "Access-Control-Allow-Origin"));
        var headers = Single(response, "Access-Control-Allow-Headers").ToLowerInvariant();
        Assert.Contains("x-api-key", headers, StringComparison.Ordinal);
        Assert.Contains("content-type", headers, StringComparison.Ordinal);
        Assert.Contains("POST", Single(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preflight_from_an_origin_not_listed_gets_no_allowance()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/actors");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key");

        using var response = await Client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), "An unlisted origin was allowed.");
    }

    [Fact]
    public async Task A_read_from_a_listed_origin_is_allowed_and_exposes_Location_Retry_After_ETag_and_Link()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/actors?q=petro");
        request.Headers.Add("Origin", ProxiedEdge.Origin);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ProxiedEdge.Origin, Single(response, "Access-Control-Allow-Origin"));
        var exposed = Single(response, "Access-Control-Expose-Headers");
        foreach (var header in new[] { "Location", "Retry-After", "ETag", "Link" })
        {
            Assert.Contains(header, exposed, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://evil.example")]
    [InlineData(ProxiedEdge.Origin)]
    public async Task With_CORS_configured_every_answer_varies_by_Origin_allowed_or_not(string? origin)
    {
        foreach (var url in new[] { "/api/actors/gustavo-petro", "/api/actors/no-such-actor", "/health/ready" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (origin is not null) request.Headers.Add("Origin", origin);

            using var response = await Client.SendAsync(request);

            var vary = response.Headers.Vary.Concat(response.Content.Headers.TryGetValues("Vary", out var more) ? more : []).ToList();
            Assert.Single(vary.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)), v => v.Equals("Origin", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_write_from_a_listed_origin_still_needs_the_key_and_its_401_is_readable_by_the_page()
    {
        var id = Unique("cors-write");
        using var without = await Write("198.51.100.30", null, id, origin: ProxiedEdge.Origin);
        using var with = await Write("198.51.100.30", Key, id, origin: ProxiedEdge.Origin);

        await AssertProblem(without, HttpStatusCode.Unauthorized);
        Assert.Equal(ProxiedEdge.Origin, Single(without, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
        Assert.Equal(ProxiedEdge.Origin, Single(with, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task No_answer_names_the_server_software()
    {
        using var read = await Client.GetAsync(new Uri("/api/actors/gustavo-petro", UriKind.Relative));
        using var refused = await Write("198.51.100.40", null, Unique("no-server"));

        Assert.False(read.Headers.Contains("Server"), "A Server header was sent.");
        Assert.False(refused.Headers.Contains("Server"), "A Server header was sent.");
    }

    [Fact]
    public async Task A_Host_not_in_AllowedHosts_answers_400_problem_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/actors/gustavo-petro");
        request.Headers.Host = "evil.example";

        using var response = await Client.SendAsync(request);

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Swagger_UI_is_served_by_default_and_cannot_be_framed()
    {
        using var page = await Client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("DENY", Single(page, "X-Frame-Options"));
        Assert.Equal("nosniff", Single(page, "X-Content-Type-Options"));
    }

    private Task<HttpResponseMessage> Write(string address, string? key, string id, string? accept = null, string? origin = null)
    {
        var body = $$"""{"id":"{{id}}","kind":"person","name":"Edge Check","evidence":"Petro was accompanied by Defense Minister Pedro Sánchez.","sourceId":"vermelho-2026-02-04-petro-trump"}""";
        return Send(HttpMethod.Post, "/api/actors", address, new StringContent(body, Encoding.UTF8, "application/json"), key, accept, origin);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, string address, HttpContent? body = null, string? key = null, string? accept = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body };
        request.Headers.Add("X-Forwarded-For", address);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await Client.SendAsync(request);
    }
}

/// <summary>What changes without a trusted proxy, with Swagger UI off, and with reads limited.</summary>
public sealed class PlainEdgeTests(PlainEdge host) : IClassFixture<PlainEdge>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task X_Forwarded_For_from_a_client_that_is_not_a_listed_proxy_is_ignored()
    {
        // Each guess claims another address; the service counts them all against the connection's own.
        for (var i = 0; i < PlainEdge.MaxFailures; i++)
        {
            using var wrong = await Write($"203.0.113.{100 + i}", "guess-" + i);
            await AssertProblem(wrong, HttpStatusCode.Unauthorized);
        }

        using var blocked = await Write("203.0.113.150", "guess-again");
        using var valid = await Write("203.0.113.151", Key);

        await AssertProblem(blocked, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
    }

    [Fact]
    public async Task With_Swagger_UI_off_the_page_is_gone_and_the_OpenAPI_document_stays()
    {
        using var page = await Client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));
        using var root = await Client.GetAsync(new Uri("/", UriKind.Relative));
        using var document = await Client.GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        await AssertProblem(page, HttpStatusCode.NotFound);
        await AssertProblem(root, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    [Fact]
    public async Task With_a_read_limit_set_reads_beyond_it_answer_429_problem_json_with_Retry_After()
    {
        for (var i = 0; i < PlainEdge.ReadsPerMinute; i++)
        {
            using var read = await Client.GetAsync(new Uri("/api/actors/gustavo-petro", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var over = await Client.GetAsync(new Uri("/api/actors/gustavo-petro", UriKind.Relative));

        await AssertProblem(over, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(Single(over, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        // Health checks are not API reads, and stay answerable for load balancers.
        using var live = await Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private async Task<HttpResponseMessage> Write(string claimedAddress, string key)
    {
        var body = $$"""{"id":"{{Unique("plain-check")}}","kind":"person","name":"Plain Check","evidence":"Petro was accompanied by Defense Minister Pedro Sánchez.","sourceId":"vermelho-2026-02-04-petro-trump"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actors") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", claimedAddress);
        request.Headers.Add("X-Api-Key", key);
        return await Client.SendAsync(request);
    }
}

/// <summary>
/// The failure window, on a clock the test moves: a blocked address's guesses answer 429 until its minute ends, and its
/// valid key writes all along.
/// </summary>
public sealed class FailedKeyWindowTests
{
    [Fact]
    public async Task A_blocked_address_guesses_again_only_once_its_window_has_ended_and_its_valid_key_is_never_refused()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 2, 3, 12, 0, 0, TimeSpan.Zero));
        using var embedded = DiplomacyGraphFactory.Embedded(new Dictionary<string, string?> { ["Auth:ApiKeys:0"] = Key, ["Auth:MaxFailures"] = "2" });
        using var factory = embedded.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await Write(client, "guess-" + i);
            await AssertProblem(wrong, HttpStatusCode.Unauthorized);
        }

        clock.Advance(TimeSpan.FromSeconds(45));
        using var stillBlocked = await Write(client, "guess-2");
        using var validWhileBlocked = await Write(client, Key);
        clock.Advance(TimeSpan.FromSeconds(16));
        using var guessAfter = await Write(client, "guess-3");

        await AssertProblem(stillBlocked, HttpStatusCode.TooManyRequests);
        Assert.Equal("15", Single(stillBlocked, "Retry-After"));
        Assert.Equal(HttpStatusCode.Created, validWhileBlocked.StatusCode);
        await AssertProblem(guessAfter, HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpResponseMessage> Write(HttpClient client, string key)
    {
        var body = $$"""{"id":"{{Unique("window-check")}}","kind":"person","name":"Window Check","evidence":"Petro was accompanied by Defense Minister Pedro Sánchez.","sourceId":"vermelho-2026-02-04-petro-trump"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actors") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}

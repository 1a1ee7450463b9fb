using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.Hardening;

/// <summary>
/// Strict contracts over real HTTP, one contract for every store: every error is problem+json whatever
/// <c>Accept</c> says, request bodies are read strictly (exact names, no duplicates, every mistake at once),
/// and unknown query parameters are refused. Every refused write is checked to have written nothing.
/// </summary>
public abstract class HardeningContract(ApiHost host) : IAsyncLifetime
{
    public const string Key = "hardening-key-0123456789abcdef";
    public const int MaxBodyBytes = 16_384;
    private const string SourceId = "vermelho-2026-02-04-petro-trump";
    private const string Sentence = "Petro was accompanied by Defense Minister Pedro Sánchez, Ambassador Daniel García-Peña and Foreign Minister Rosa Villavicencio in Colombia.";

    private HttpClient client = null!;

    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0"] = Key,
        ["Writes:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Writes:PermitsPerMinute"] = "100000",
    };

    protected abstract Task<DiplomacyGraphFactory> CreateFactoryAsync();

    public async Task InitializeAsync() => client = await host.ClientAsync(CreateFactoryAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    // ================================================================ every error is problem+json

    public static TheoryData<string> AcceptHeaders => new() { "text/html", "application/xml", "text/plain", "image/png", "application/json", "*/*" };

    [Theory]
    [MemberData(nameof(AcceptHeaders))]
    public async Task Every_error_the_service_writes_is_problem_json_whatever_Accept_says(string accept)
    {
        var fresh = Unique("accept-check");
        var cases = new (HttpMethod Method, string Url, string? Key, HttpContent? Body, HttpStatusCode Status)[]
        {
            (HttpMethod.Post, "/api/actors", null, Json("{}"), HttpStatusCode.Unauthorized),
            (HttpMethod.Post, "/api/actors", "not-the-key", Json(Actor(fresh)), HttpStatusCode.Unauthorized),
            (HttpMethod.Post, "/api/actors", Key, new StringContent(Actor(fresh), Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType),
            (HttpMethod.Post, "/api/actors", Key, Json("""{"id":1}"""), HttpStatusCode.BadRequest),
            (HttpMethod.Post, "/api/actors", Key, Json(Actor(fresh, description: new string('x', MaxBodyBytes))), HttpStatusCode.RequestEntityTooLarge),
            (HttpMethod.Post, "/api/actors", Key, Json(Actor("gustavo-petro")), HttpStatusCode.Conflict),
            (HttpMethod.Post, "/api/actors", Key, Json(Actor(fresh, sourceId: "no-such-source")), HttpStatusCode.UnprocessableEntity),
            (HttpMethod.Get, "/api/actors/no-such-actor", null, null, HttpStatusCode.NotFound),
            (HttpMethod.Get, "/api/actors?pageSize=1000", null, null, HttpStatusCode.BadRequest),
            (HttpMethod.Get, "/api/actors?page=abc", null, null, HttpStatusCode.BadRequest),
            (HttpMethod.Get, "/api/events?q=extradition", null, null, HttpStatusCode.BadRequest),
            (HttpMethod.Patch, "/api/actors", null, null, HttpStatusCode.MethodNotAllowed),
            (HttpMethod.Get, "/api/no-such-resource", null, null, HttpStatusCode.NotFound),
        };

        foreach (var (method, url, key, body, status) in cases)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body };
            request.Headers.Accept.ParseAdd(accept);
            if (key is not null) request.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            var what = $"{method} {url} (Accept: {accept}) answered {(int)response.StatusCode} {response.Content.Headers.ContentType}: {text}";
            Assert.True(response.StatusCode == status, $"Expected {(int)status}. {what}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"Expected problem+json. {what}");
            using var problem = JsonDocument.Parse(text);
            Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()), what);
        }
        await AssertNotFound($"/api/actors/{fresh}");
    }

    [Fact]
    public async Task A_415_says_which_content_type_to_send()
    {
        var id = Unique("form-posted");

        using var response = await Send(HttpMethod.Post, "/api/actors", new StringContent($"id={id}", Encoding.UTF8, "application/x-www-form-urlencoded"), Key);

        var problem = await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNotFound($"/api/actors/{id}");
    }

    // ================================================================ strict JSON bodies

    [Fact]
    public async Task A_duplicate_key_answers_400_naming_it_and_writes_neither_value()
    {
        var first = Unique("dup-first");
        var second = Unique("dup-second");
        var body = Actor(first).Replace("\"kind\"", $"\"id\":\"{second}\",\"kind\"", StringComparison.Ordinal);

        using var response = await Send(HttpMethod.Post, "/api/actors", Json(body), Key);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "id");
        Assert.Contains("more than once", Errors(problem)["id"], StringComparison.Ordinal);
        await AssertNotFound($"/api/actors/{first}");
        await AssertNotFound($"/api/actors/{second}");
    }

    [Fact]
    public async Task A_key_in_the_wrong_case_answers_400_naming_it_and_the_right_name_and_writes_nothing()
    {
        // The issue's own example: an "ID" beside "id" used to create an actor under the second id.
        var id = Unique("case-check");
        var other = Unique("case-other");
        var body = Actor(id).Replace("\"kind\"", $"\"ID\":\"{other}\",\"kind\"", StringComparison.Ordinal);

        using var response = await Send(HttpMethod.Post, "/api/actors", Json(body), Key);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "ID");
        Assert.Contains("'id'", Errors(problem)["ID"], StringComparison.Ordinal);
        await AssertNotFound($"/api/actors/{id}");
        await AssertNotFound($"/api/actors/{other}");
    }

    [Fact]
    public async Task Every_structural_mistake_of_a_body_is_reported_at_once()
    {
        var id = Unique("four-mistakes");
        // Unknown property, a property given twice, a number where a string belongs, and a required property missing (evidence).
        var body = $$"""{"id":"{{id}}","kind":"person","name":"A","name":"B","aliases":"not-a-list","nickname":"x","sourceId":"{{SourceId}}"}""";

        using var response = await Send(HttpMethod.Post, "/api/actors", Json(body), Key);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "name", "aliases", "nickname", "evidence");
        Assert.Equal(4, problem.GetProperty("errors").EnumerateObject().Count());
        await AssertNotFound($"/api/actors/{id}");
    }

    [Fact]
    public async Task Once_the_structure_is_valid_every_field_rule_error_is_reported_at_once()
    {
        using var response = await Send(HttpMethod.Post, "/api/actors",
            Json($$"""{"id":"Not An Id","kind":"alien","name":"","evidence":"{{Sentence}}","sourceId":"{{SourceId}}"}"""), Key);

        await AssertProblem(response, HttpStatusCode.BadRequest, "id", "kind", "name");
    }

    [Fact]
    public async Task Mistakes_deep_in_an_imported_document_are_named_by_their_path()
    {
        var sourceId = Unique("strict-source");
        var body = $$"""
            {"source":{"id":"{{sourceId}}","title":"T","outlet":"o","published":"2026-02-04T11:20"},
             "actors":[{"id":"{{Unique("strict-actor")}}","kind":"person","Name":"X","evidence":"{{Sentence}}"}],
             "relationships":[{"type":"HOLDS_OFFICE","from":"gustavo-petro","to":"colombia","properties":{"title":"President","title":"Ex"},"evidence":"{{Sentence}}"}]}
            """;

        using var response = await Send(HttpMethod.Post, "/api/import", Json(body), Key);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "actors[0].Name", "actors[0].name", "relationships[0].properties.title");
        Assert.Contains("'name'", Errors(problem)["actors[0].Name"], StringComparison.Ordinal);
        await AssertNotFound($"/api/sources/{sourceId}");
    }

    [Fact]
    public async Task A_body_that_is_not_json_at_all_answers_400_with_where_it_broke()
    {
        using var response = await Send(HttpMethod.Post, "/api/actors", Json("""{"id": """), Key);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "body");
        Assert.Contains("line 1", Errors(problem)["body"], StringComparison.Ordinal);
    }

    // ================================================================ query parameters

    [Fact]
    public async Task An_unknown_query_parameter_answers_400_naming_the_parameters_the_endpoint_takes()
    {
        using var response = await client.GetAsync(new Uri("/api/events?q=extradition", UriKind.Relative));

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "q");
        var message = Errors(problem)["q"];
        foreach (var allowed in new[] { "kind", "from", "to", "actor", "page", "pageSize" })
        {
            Assert.Contains(allowed, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_endpoint_without_query_parameters_refuses_any_and_known_parameters_still_answer()
    {
        using var refused = await client.GetAsync(new Uri("/api/sources/vermelho-2026-02-04-petro-trump?depth=2", UriKind.Relative));
        using var known = await client.GetAsync(new Uri("/api/events?kind=CONSULT&pageSize=5", UriKind.Relative));

        var problem = await AssertProblem(refused, HttpStatusCode.BadRequest, "depth");
        Assert.Contains("takes no query parameters", Errors(problem)["depth"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    // ================================================================ headers

    [Fact]
    public async Task Answers_carry_nosniff_a_referrer_policy_and_framing_protection_errors_included()
    {
        using var read = await client.GetAsync(new Uri("/api/actors/gustavo-petro", UriKind.Relative));
        using var problem = await client.GetAsync(new Uri("/api/actors/no-such-actor", UriKind.Relative));

        foreach (var response in new[] { read, problem })
        {
            Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
            Assert.Equal("DENY", Single(response, "X-Frame-Options"));
            Assert.Contains("frame-ancestors 'none'", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/explore")]
    public async Task The_HTML_pages_may_load_only_from_their_own_origin(string page)
    {
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Single(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        // Nothing that would let a page run script from elsewhere or inline ('unsafe-inline' only for styles).
        Assert.All(policy.Where(d => !d.StartsWith("style-src ", StringComparison.Ordinal)), d => Assert.DoesNotContain("unsafe", d, StringComparison.Ordinal));
        Assert.All(policy.Where(d => d.StartsWith("script-src", StringComparison.Ordinal) || d.StartsWith("default-src", StringComparison.Ordinal)),
            d => Assert.Equal("'self'", d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
    }

    // ================================================================ helpers

    internal static string Unique(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..10]}";

    private static string Actor(string id, string sourceId = SourceId, string? description = null) =>
        JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["id"] = id,
            ["kind"] = "person",
            ["name"] = "Hardening Check",
            ["description"] = description,
            ["evidence"] = Sentence,
            ["sourceId"] = sourceId,
        });

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, HttpContent? body, string? key)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    private async Task AssertNotFound(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}: a refused write wrote something.");
    }

    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, params string[] errorKeys)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        foreach (var key in errorKeys)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(key, out _), $"No error for '{key}': {text}");
        }
        return problem;
    }

    internal static Dictionary<string, string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));

    internal static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"No {header} header on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}.");
}

/// <summary>The hardening contract on the embedded store.</summary>
public sealed class EmbeddedHardeningTests(ApiHost host) : HardeningContract(host), IClassFixture<ApiHost>
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(Settings));
}

/// <summary>The hardening contract on Neo4j, emptied before the service seeds it.</summary>
[Collection("neo4j")]
public sealed class Neo4jHardeningTests(ApiHost host, Neo4jServer server) : HardeningContract(host), IClassFixture<ApiHost>
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, Settings);
    }
}

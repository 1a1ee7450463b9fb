using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Storage.Idempotency;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DiplomacyGraph.Tests.Writes.Articles;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// <c>Idempotency-Key</c> on writes (draft-ietf-httpapi-idempotency-key-header), on both stores: a retry replays the
/// first answer with <c>Idempotent-Replayed: true</c>, another body under the key answers 422, a key in flight 409,
/// and keys expire and are scoped per caller. The crash case (an answer lost after the commit) is
/// <see cref="IdempotencyCrashContract"/>'s.
/// </summary>
public abstract class IdempotencyContract : IAsyncLifetime
{
    internal const string ApiKey = "idempotency-key-0123456789abcdef0123";
    private const string OtherApiKey = "idempotency-other-key-0123456789abcdef";

    /// <summary>The name <see cref="ApiKey"/> is configured under (Auth:Keys:writer); keys are scoped by it.</summary>
    private const string CallerName = "writer";

    private DiplomacyGraphFactory? factory;
    private HttpClient? client;

    /// <summary>Starts the service on the subclass's store with these settings.</summary>
    protected abstract Task<DiplomacyGraphFactory> CreateFactoryAsync(IDictionary<string, string?> settings);

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Auth:Keys:{CallerName}"] = ApiKey, ["Auth:Keys:other-writer"] = OtherApiKey, ["Writes:PermitsPerMinute"] = "1000",
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    public async Task InitializeAsync()
    {
        factory = await CreateFactoryAsync(Settings());
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_answer_status_body_and_location_marked_replayed()
    {
        var key = Guid.NewGuid().ToString();
        var id = Unique("replayed");

        using var first = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(id, "Ana Lucía Ortiz"), key);
        using var retry = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(id, "Ana Lucía Ortiz"), key);
        using var unkeyed = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(id, "Ana Lucía Ortiz"), key: null);

        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.Created, $"{(int)first.StatusCode}: {firstBody}");
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
        // The replay wrote nothing: the same write without a key meets the actor the first one created.
        Assert.Equal(HttpStatusCode.Conflict, unkeyed.StatusCode);
    }

    [Fact]
    public async Task A_refusal_is_replayed_too_and_a_delete_replays_its_204()
    {
        var key = Guid.NewGuid().ToString();
        var id = Unique("deleted");
        using (var created = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(id, "Camila Restrepo"), key: null))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var deleted = await Send(client!, HttpMethod.Delete, $"/api/actors/{id}", null, key);
        using var retried = await Send(client!, HttpMethod.Delete, $"/api/actors/{id}", null, key);
        using var unkeyed = await Send(client!, HttpMethod.Delete, $"/api/actors/{id}", null, key: null);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal(["true"], retried.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.NotFound, unkeyed.StatusCode);

        var refusedKey = Guid.NewGuid().ToString();
        using var refused = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody("gustavo-petro", "Gustavo Petro"), refusedKey);
        using var refusedAgain = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody("gustavo-petro", "Gustavo Petro"), refusedKey);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refusedAgain.StatusCode);
        Assert.Equal(await refused.Content.ReadAsStringAsync(), await refusedAgain.Content.ReadAsStringAsync());
        Assert.Equal(["true"], refusedAgain.Headers.GetValues("Idempotent-Replayed"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_answers_422_and_writes_nothing()
    {
        var key = Guid.NewGuid().ToString();
        var (id, other) = (Unique("first-body"), Unique("second-body"));

        using var first = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(id, "Ana Lucía Ortiz"), key);
        using var reused = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(other, "Ana Lucía Ortiz"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await reused.Content.ReadAsStringAsync());
        Assert.Equal(422, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Idempotency-Key", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        using var missing = await client!.GetAsync(new Uri($"/api/actors/{other}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_key_whose_first_request_is_still_in_flight_answers_409_and_the_write_waits_for_it()
    {
        var key = Guid.NewGuid().ToString();
        var id = Unique("in-flight");
        var body = ActorBody(id, "Ana Lucía Ortiz");
        // Another attempt (another process, say) holds the key for this very request and has not committed.
        var store = factory!.Services.GetRequiredService<IIdempotencyStore>();
        var now = DateTimeOffset.UtcNow;
        var held = await store.ClaimKey(new IdempotencyRecord($"{CallerName}\n{key}", Fingerprint("POST", "/api/actors", body), Guid.NewGuid().ToString("N"),
            (now + TimeSpan.FromHours(1)).ToUnixTimeMilliseconds(), (now + TimeSpan.FromHours(2)).ToUnixTimeMilliseconds(), false, null), now.ToUnixTimeMilliseconds(), CancellationToken.None);
        Assert.IsType<IdempotencyClaim.Claimed>(held);

        using var retry = await Send(client!, HttpMethod.Post, "/api/actors", body, key);

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Contains("in progress", await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await client!.GetAsync(new Uri($"/api/actors/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Keys_are_scoped_per_caller_name_in_the_store()
    {
        var store = factory!.Services.GetRequiredService<IIdempotencyStore>();
        var key = Guid.NewGuid().ToString();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        IdempotencyRecord Attempt(string caller) => new($"{caller}\n{key}", "fingerprint", Guid.NewGuid().ToString("N"), now + 60_000, now + 120_000, false, null);

        var alice = await store.ClaimKey(Attempt("alice"), now, CancellationToken.None);
        var bob = await store.ClaimKey(Attempt("bob"), now, CancellationToken.None);
        var aliceAgain = await store.ClaimKey(Attempt("alice"), now, CancellationToken.None);

        Assert.IsType<IdempotencyClaim.Claimed>(alice);
        Assert.IsType<IdempotencyClaim.Claimed>(bob);
        Assert.IsType<IdempotencyClaim.Held>(aliceAgain);
    }

    [Fact]
    public async Task Two_callers_sending_the_same_key_each_get_their_own_answer_and_neither_is_a_replay()
    {
        var key = Guid.NewGuid().ToString();
        var mine = Unique("scoped-mine");
        var theirs = Unique("scoped-theirs");

        using var first = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(mine, "Ana Lucía Ortiz"), key);
        using var other = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(theirs, "Ana Lucía Ortiz"), key, OtherApiKey);
        using var otherAgain = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(theirs, "Ana Lucía Ortiz"), key, OtherApiKey);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], otherAgain.Headers.GetValues("Idempotent-Replayed"));
        using var created = await client!.GetAsync(new Uri($"/api/actors/{theirs}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
    }

    [Fact]
    public async Task An_expired_key_is_purged_and_then_free_for_a_new_request()
    {
        await using var shortLived = await CreateFactoryAsync(Settings(("Idempotency:Expiry", "00:00:00.001")));
        using var http = shortLived.CreateClient();
        var key = Guid.NewGuid().ToString();
        var (id, other) = (Unique("expired-first"), Unique("expired-second"));

        using var first = await Send(http, HttpMethod.Post, "/api/actors", ActorBody(id, "Ana Lucía Ortiz"), key);
        using var afterExpiry = await Send(http, HttpMethod.Post, "/api/actors", ActorBody(other, "Ana Lucía Ortiz"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterExpiry.StatusCode);
        Assert.False(afterExpiry.Headers.Contains("Idempotent-Replayed"));
    }

    [Theory]
    [InlineData("quote\"inside")]
    [InlineData("\"\"")]
    [InlineData("tab\tinside")]
    [InlineData("256")]
    public async Task An_invalid_key_answers_400_and_writes_nothing(string key)
    {
        var id = Unique("bad-key");
        using var reply = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(id, "Ana Lucía Ortiz"), key == "256" ? new string('k', 256) : key);

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        using var missing = await client!.GetAsync(new Uri($"/api/actors/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_quoted_key_as_the_draft_writes_it_is_the_same_key_unquoted()
    {
        var key = Guid.NewGuid().ToString();
        var id = Unique("quoted");
        using var first = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(id, "Ana Lucía Ortiz"), $"\"{key}\"");
        using var retry = await Send(client!, HttpMethod.Post, "/api/actors", ActorBody(id, "Ana Lucía Ortiz"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
    }

    internal static string ActorBody(string id, string name) =>
        JsonSerializer.Serialize(new { id, kind = "person", name, evidence = SeedOpeningSentence, sourceId = SeedSource });

    /// <summary>The request's fingerprint as the service computes it: method, path and query, and the body's SHA-256.</summary>
    private static string Fingerprint(string method, string pathAndQuery, string body) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes($"{method}\n{pathAndQuery}\n"), .. Encoding.UTF8.GetBytes(body)]));

    internal static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string url, string? body, string? key, string apiKey = ApiKey)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null) request.Content = new StringContent(body, new MediaTypeHeaderValue("application/json"));
        request.Headers.Add("X-Api-Key", apiKey);
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await http.SendAsync(request);
    }
}

/// <summary>Idempotency keys on the embedded store, a database file of its own.</summary>
public sealed class EmbeddedIdempotencyTests : IdempotencyContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync(IDictionary<string, string?> settings) =>
        Task.FromResult(DiplomacyGraphFactory.Embedded(settings));
}

/// <summary>Idempotency keys on Neo4j.</summary>
[Collection("neo4j")]
public sealed class Neo4jIdempotencyTests(Neo4jServer server) : IdempotencyContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync(IDictionary<string, string?> settings) =>
        Task.FromResult(DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, settings));
}

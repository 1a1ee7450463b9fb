using System.Net;
using System.Text.Json;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.Api;

/// <summary>
/// How many times one request asks the store, counted by a decorator in front of the real store (<see cref="StoreCalls"/>):
/// a list anchored on ids, an actor's sub-list, a family and a path ask once, whether the anchors exist or not (and a
/// path whether it is found or not), and a missing anchor's 404 carries its suggestions without a second call. The answer cache is off, so every request reaches the store.
/// </summary>
public abstract class StoreCallsPerRequest(StoreCallsHost host) : IAsyncLifetime
{
    private HttpClient client = null!;

    protected abstract Task<DiplomacyGraphFactory> CreateFactoryAsync();

    public async Task InitializeAsync() => client = await host.Api.ClientAsync(async () => (await CreateFactoryAsync()).CountingStoreCalls(host.Calls));

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Key = "store-calls-test-key-0123456789abcdef";

    /// <summary>
    /// Settings of the counted host: no answer cache, so that each request reaches the store, and a key and mapping
    /// to import the FollowTheMoney test file (Petro's sanctioned family, which the seed does not hold).
    /// </summary>
    protected static readonly Dictionary<string, string?> Settings = new()
    {
        ["Caching:Lifetime"] = "00:00:00",
        ["Auth:ApiKeys:0"] = Key,
        ["FollowTheMoney:MappingFile"] = Model.FtmImportContract.DataFile("ofac-petro-2025.mapping.json"),
    };

    [Theory]
    [InlineData("/api/sanctions?imposer=donald-trump&target=petro", "target")]
    [InlineData("/api/sanctions?imposer=trump&target=gustavo-petro", "imposer")]
    [InlineData("/api/sanctions?imposer=trump&target=petro", "imposer")]
    [InlineData("/api/events?actor=petro", "actor")]
    [InlineData("/api/statements?speaker=trump", "speaker")]
    [InlineData("/api/statements?speaker=donald-trump&about=petro", "about")]
    [InlineData("/api/timeline?actor=petro", "actor")]
    [InlineData("/api/figures?about=petro", "about")]
    public async Task A_list_whose_filter_names_no_actor_asks_the_store_once_and_answers_404_naming_the_first_missing_filter_with_suggestions(
        string url, string parameter)
    {
        var (calls, problem) = await Ask(url, HttpStatusCode.NotFound);

        Assert.Single(calls);
        Assert.Contains($"(parameter '{parameter}')", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, problem.GetProperty("suggestions").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/actors/petro")]
    [InlineData("/api/actors/petro/relationships")]
    [InlineData("/api/actors/petro/network")]
    [InlineData("/api/actors/petro/family")]
    [InlineData("/api/actors/petro/events")]
    [InlineData("/api/actors/petro/co-participants")]
    [InlineData("/api/actors/petro/statements")]
    [InlineData("/api/actors/petro/sanctions")]
    [InlineData("/api/actors/petro/figures")]
    public async Task An_actor_read_for_an_unknown_id_asks_the_store_once_and_answers_404_with_suggestions(string url)
    {
        var (calls, problem) = await Ask(url, HttpStatusCode.NotFound);

        Assert.Single(calls);
        Assert.Equal("Actor not found.", problem.GetProperty("title").GetString());
        Assert.Contains("gustavo-petro", problem.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/api/sanctions?imposer=donald-trump&target=gustavo-petro")]
    [InlineData("/api/events?actor=gustavo-petro")]
    [InlineData("/api/statements?speaker=donald-trump&about=gustavo-petro")]
    [InlineData("/api/timeline?actor=gustavo-petro")]
    [InlineData("/api/figures?about=gustavo-petro")]
    [InlineData("/api/actors/gustavo-petro/family")]
    [InlineData("/api/actors/gustavo-petro/statements")]
    [InlineData("/api/actors/gustavo-petro/sanctions?activeOn=2026-02-03")]
    [InlineData("/api/actors/gustavo-petro/figures")]
    [InlineData("/api/actors/gustavo-petro/events")]
    public async Task A_list_anchored_on_existing_actors_asks_the_store_once(string url)
    {
        var (calls, _) = await Ask(url, HttpStatusCode.OK);

        Assert.Single(calls);
    }

    [Theory]
    [InlineData("/api/paths/shortest?from=petro&to=rosa-villavicencio", "from")]
    [InlineData("/api/paths/shortest?from=petro&to=villavicencio", "from")]
    [InlineData("/api/paths/shortest?from=bernie-moreno&to=villavicencio", "to")]
    [InlineData("/api/paths/all-shortest?from=petro&to=rosa-villavicencio", "from")]
    [InlineData("/api/paths/all-shortest?from=petro&to=villavicencio", "from")]
    [InlineData("/api/paths/all-shortest?from=bernie-moreno&to=villavicencio", "to")]
    public async Task A_path_with_an_unknown_end_asks_the_store_once_and_answers_404_naming_the_first_missing_end_with_suggestions(
        string url, string parameter)
    {
        var (calls, problem) = await Ask(url, HttpStatusCode.NotFound);

        Assert.Single(calls);
        Assert.Equal("Node not found.", problem.GetProperty("title").GetString());
        Assert.Contains($"(parameter '{parameter}')", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, problem.GetProperty("suggestions").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/paths/shortest?from=bernie-moreno&to=rosa-villavicencio", true)]
    [InlineData("/api/paths/shortest?from=bernie-moreno&to=rosa-villavicencio&maxDepth=1", false)]
    [InlineData("/api/paths/all-shortest?from=bernie-moreno&to=rosa-villavicencio", true)]
    [InlineData("/api/paths/all-shortest?from=bernie-moreno&to=rosa-villavicencio&maxDepth=1", false)]
    public async Task A_path_between_existing_nodes_asks_the_store_once_whether_one_is_found_or_not(string url, bool found)
    {
        var (calls, answer) = await Ask(url, HttpStatusCode.OK);

        Assert.Single(calls);
        var paths = answer.TryGetProperty("found", out var shortest) ? (shortest.GetBoolean() ? 1 : 0) : answer.GetProperty("items").GetArrayLength();
        Assert.Equal(found, paths > 0);
    }

    [Fact]
    public async Task A_family_with_sanctioned_members_is_read_in_one_store_call()
    {
        using (var import = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/ftm", UriKind.Relative)))
        {
            import.Content = new StringContent(await File.ReadAllTextAsync(Model.FtmImportContract.TestFile), System.Text.Encoding.UTF8, "application/x-ndjson");
            import.Headers.Add("X-Api-Key", Key);
            using var imported = await client.SendAsync(import);
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        var (calls, family) = await Ask("/api/actors/gustavo-petro/family", HttpStatusCode.OK);

        Assert.Equal(["GetFamilySanctions"], calls);
        var members = family.GetProperty("items").EnumerateArray().ToList();
        Assert.True(members.Count > 1, "The test file gives Petro more than one family member.");
        Assert.All(members, m => Assert.NotEqual(0, m.GetProperty("sanctions").GetArrayLength()));
    }

    private async Task<(IReadOnlyList<string> Calls, JsonElement Body)> Ask(string url, HttpStatusCode expected)
    {
        host.Calls.Clear();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var calls = host.Calls.Names;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return (calls, JsonDocument.Parse(body).RootElement.Clone());
    }
}

/// <summary>One counted service per test class, and its counter.</summary>
public sealed class StoreCallsHost : IDisposable
{
    public ApiHost Api { get; } = new();

    public StoreCalls Calls { get; } = new();

    public void Dispose() => Api.Dispose();
}

public sealed class EmbeddedStoreCallsPerRequest(StoreCallsHost host) : StoreCallsPerRequest(host), IClassFixture<StoreCallsHost>
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(Settings));
}

[Collection("neo4j")]
public sealed class Neo4jStoreCallsPerRequest(StoreCallsHost host, Neo4jServer server) : StoreCallsPerRequest(host), IClassFixture<StoreCallsHost>
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, Settings);
    }
}

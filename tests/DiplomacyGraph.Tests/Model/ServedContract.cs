using System.Net;
using System.Text.Json;
using DiplomacyGraph.Tests.Api;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// A contract suite over real HTTP in which each test starts a service of its own, on the store of the subclass's kind
/// (so imports never meet): the service, a client that waited for it to be ready, and the reads the suites share.
/// </summary>
public abstract class ServedContract : IAsyncLifetime
{
    /// <summary>The API key the suites' settings accept for writes.</summary>
    protected const string Key = "served-test-key-0123456789abcdef";

    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected DiplomacyGraphFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Writes with <see cref="Key"/>, and enough of them a minute for any suite.</summary>
    protected static Dictionary<string, string?> WriteSettings => new() { ["Auth:ApiKeys:0"] = Key, ["Writes:PermitsPerMinute"] = "1000" };

    protected abstract Task<DiplomacyGraphFactory> CreateFactoryAsync();

    public async Task InitializeAsync()
    {
        Factory = await CreateFactoryAsync();
        Client = Factory.CreateClient();
        using var ready = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A GET that must answer 200, its body read as <typeparamref name="T"/>.</summary>
    protected async Task<T> Get<T>(string url)
    {
        using var reply = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, $"{url}: {(int)reply.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }
}

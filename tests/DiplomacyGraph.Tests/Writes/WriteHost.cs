using System.Net;
using DiplomacyGraph.Tests.Api;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>Which service a write test talks to. Each is started once per test class, on first use.</summary>
public enum WriteService
{
    /// <summary>Keys <see cref="WriteHost.Key"/> and <see cref="WriteHost.OtherKey"/>, a rate high enough for every test.</summary>
    Main,

    /// <summary>Three writes per key and minute, and an 8 KiB body cap.</summary>
    Strict,

    /// <summary>No API key configured: writes are disabled.</summary>
    Closed,

    /// <summary>Key <see cref="WriteHost.Key"/>, and small bulk import limits (<see cref="WriteHost.BulkMaxDocumentBytes"/> and the two below).</summary>
    Bulk,
}

/// <summary>
/// The services of one write test class. On Neo4j they share the server's database, so only the first
/// (<see cref="WriteService.Main"/>) starts from an empty one; the others re-seed it, which changes nothing.
/// </summary>
public sealed class WriteHost : IDisposable
{
    public const string Key = "test-key-0123456789abcdef0123456789";
    public const string OtherKey = "second-key-0123456789abcdef012345";
    public const string BurstKey = "burst-key-0123456789abcdef0123456";
    public const string CalmKey = "calm-key-0123456789abcdef01234567";
    public const string SizeKey = "size-key-0123456789abcdef01234567";
    public const int StrictPermitsPerMinute = 3;
    public const int StrictMaxBodyBytes = 8192;
    public const int BulkMaxDocumentBytes = 4096;
    public const int BulkMaxTotalBytes = 32_768;
    public const int BulkMaxDocuments = 12;

    private readonly Lock gate = new();
    private readonly Dictionary<WriteService, Task<(DiplomacyGraphFactory Factory, HttpClient Client)>> started = [];

    public static IDictionary<string, string?> Settings(WriteService service) => service switch
    {
        WriteService.Main => new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0"] = Key,
            ["Auth:ApiKeys:1"] = OtherKey,
            ["Writes:PermitsPerMinute"] = "1000",
        },
        WriteService.Strict => new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0"] = BurstKey,
            ["Auth:ApiKeys:1"] = CalmKey,
            ["Auth:ApiKeys:2"] = SizeKey,
            ["Writes:PermitsPerMinute"] = StrictPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Writes:MaxBodyBytes"] = StrictMaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        WriteService.Bulk => new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0"] = Key,
            ["Writes:PermitsPerMinute"] = "1000",
            ["Writes:Bulk:MaxDocumentBytes"] = BulkMaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Writes:Bulk:MaxTotalBytes"] = BulkMaxTotalBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Writes:Bulk:MaxDocuments"] = BulkMaxDocuments.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        _ => new Dictionary<string, string?>(),
    };

    /// <summary>A client of the service, started (seeded and ready) on first use.</summary>
    public Task<HttpClient> ClientAsync(WriteService service, Func<WriteService, Task<DiplomacyGraphFactory>> create)
    {
        Task<(DiplomacyGraphFactory, HttpClient)> task;
        lock (gate)
        {
            if (!started.TryGetValue(service, out task!))
            {
                task = StartAsync(service, create);
                started[service] = task;
            }
        }

        return ClientOf(task);

        static async Task<HttpClient> ClientOf(Task<(DiplomacyGraphFactory, HttpClient Client)> service) => (await service).Client;
    }

    public void Dispose()
    {
        foreach (var task in started.Values.Where(t => t.IsCompletedSuccessfully))
        {
            task.Result.Client.Dispose();
            task.Result.Factory.Dispose();
        }
    }

    private static async Task<(DiplomacyGraphFactory, HttpClient)> StartAsync(WriteService service, Func<WriteService, Task<DiplomacyGraphFactory>> create)
    {
        var factory = await create(service);
        var client = factory.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"The {service} service is not ready: {await ready.Content.ReadAsStringAsync()}");
        return (factory, client);
    }
}

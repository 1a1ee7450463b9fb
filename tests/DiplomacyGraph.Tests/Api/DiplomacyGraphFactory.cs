using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace DiplomacyGraph.Tests.Api;

/// <summary>
/// The real service on a test host, seeded from the real seed folder, on a store of the test's choice:
/// a fresh embedded database file, or a Neo4j server. Settings win over appsettings.json.
/// </summary>
/// <remarks>
/// On the test server every request comes from the same (unknown) client address, so failed-key throttling is set
/// out of reach here; the tests of throttling set <c>Auth:MaxFailures</c> themselves.
/// </remarks>
public sealed class DiplomacyGraphFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string? databaseFolder;
    private StoreCalls? storeCalls;

    private DiplomacyGraphFactory(Dictionary<string, string?> settings, string? databaseFolder)
    {
        this.settings = settings;
        this.databaseFolder = databaseFolder;
    }

    /// <summary>The embedded store on a database file of its own.</summary>
    public static DiplomacyGraphFactory Embedded(IDictionary<string, string?>? extra = null)
    {
        var folder = Directory.CreateTempSubdirectory("diplomacygraph-api-").FullName;
        var settings = new Dictionary<string, string?>(Defaults) { ["Embedded:Path"] = Path.Combine(folder, "graph.db") };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return new DiplomacyGraphFactory(settings, folder);
    }

    /// <summary>The Neo4j store on the given server.</summary>
    public static DiplomacyGraphFactory Neo4j(Uri uri, string? user, string? password, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(Defaults)
        {
            ["Neo4j:Uri"] = uri.ToString(),
            ["Neo4j:User"] = user,
            ["Neo4j:Password"] = password,
            // From the test settings: a loaded machine must not turn a slow first seed or read into a failure.
            ["Neo4j:ImportTimeout"] = TestSettings.AsSetting(TestSettings.Neo4jImport),
            ["Neo4j:RequestTimeout"] = TestSettings.AsSetting(TestSettings.Neo4jRequest),
        };
        // scripts/test-neo4j-docker.sh runs the suites once per protocol; unset, the service's default applies.
        if (DiplomacyGraph.Tests.Infrastructure.Neo4jServer.Protocol is { } protocol) settings["Neo4j:Protocol"] = protocol;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return new DiplomacyGraphFactory(settings, null);
    }

    /// <summary>Settings every test host starts from.</summary>
    private static readonly Dictionary<string, string?> Defaults = new() { ["Auth:MaxFailures"] = "1000000" };

    /// <summary>The same service, its store behind a decorator that counts the calls into <paramref name="calls"/>.</summary>
    public DiplomacyGraphFactory CountingStoreCalls(StoreCalls calls)
    {
        storeCalls = calls;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (storeCalls is { } calls)
        {
            builder.ConfigureTestServices(calls.Decorate);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && databaseFolder is not null)
        {
            try { Directory.Delete(databaseFolder, recursive: true); } catch (IOException) { }
        }
    }
}

using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>Stores for the tests, built the way the API builds them: through <see cref="StorageServiceCollectionExtensions.AddGraphStore"/>.</summary>
internal static class Stores
{
    /// <summary>The Neo4j store; its timeouts come from the test settings unless a test sets the read timeout itself.</summary>
    public static ServiceProvider Neo4jServices(Neo4jServer server, string? uri = null, string? requestTimeout = null) =>
        Services(new Dictionary<string, string?>
        {
            ["Neo4j:Uri"] = uri ?? server.HttpUri.ToString(),
            ["Neo4j:User"] = server.User,
            ["Neo4j:Password"] = server.Password,
            ["Neo4j:RequestTimeout"] = requestTimeout ?? TestSettings.AsSetting(TestSettings.Neo4jRequest),
            ["Neo4j:ImportTimeout"] = TestSettings.AsSetting(TestSettings.Neo4jImport),
            ["Neo4j:Protocol"] = Neo4jServer.Protocol ?? "auto",
        });

    public static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddGraphStore(configuration).BuildServiceProvider(validateScopes: true);
    }

    /// <summary>The repository root (where global.json is), for the seed and the lint allow-list.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "global.json"))) return folder.FullName;
        }
        throw new InvalidOperationException("No global.json above the test binaries.");
    }
}

/// <summary>A SQLite file of its own per test, deleted afterwards.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"diplomacygraph-test-{Guid.NewGuid():N}");

    public EmbeddedGraphStore NewEmbeddedStore() => new(System.IO.Path.Combine(Path, "graph.db"));

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}

public sealed class EmbeddedGraphStoreContract : GraphStoreContract, IDisposable
{
    private readonly TemporaryFolder folder = new();

    protected override Task<IGraphStore> CreateStore() => Task.FromResult<IGraphStore>(folder.NewEmbeddedStore());

    public void Dispose() => folder.Dispose();
}

[Collection("neo4j")]
public sealed class Neo4jGraphStoreContract(Neo4jServer server) : GraphStoreContract
{
    private ServiceProvider? services;

    protected override async Task<IGraphStore> CreateStore()
    {
        await server.ResetAsync();
        services = Stores.Neo4jServices(server);
        return services.GetRequiredService<IGraphStore>();
    }

    protected override async Task DisposeStore()
    {
        if (services is not null) await services.DisposeAsync();
    }
}

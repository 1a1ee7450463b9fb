using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Storage.Idempotency;
using DiplomacyGraph.Storage.Neo4j;
using DiplomacyGraph.Storage.Resolution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The embedded store's file when <c>Embedded:Path</c> is not set.</summary>
    public const string DefaultEmbeddedPath = "data/diplomacygraph.db";

    /// <summary>
    /// Registers the <see cref="IGraphStore"/> singleton. With <c>Neo4j:Uri</c> set it is the
    /// <see cref="Neo4jGraphStore"/>, configured by the <c>Neo4j</c> section (validated at start); otherwise the
    /// zero-setup <see cref="EmbeddedGraphStore"/> at <c>Embedded:Path</c> (default <c>data/diplomacygraph.db</c>), and its
    /// <see cref="EmbeddedWriterLock"/>, which a process that writes resolves before it serves or imports.
    /// A relative embedded path is resolved against the host's content root (the project folder under
    /// <c>dotnet run</c>, the app folder when published), falling back to the current directory outside a host,
    /// so the data file does not move with the shell's working directory.
    /// </summary>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[$"{Neo4jOptions.Section}:Uri"]))
        {
            return services.AddNeo4jGraphStore(configuration.GetSection(Neo4jOptions.Section)).AddResolution<Neo4jGraphStore>(configuration);
        }

        var path = configuration["Embedded:Path"];
        services.AddSingleton(provider => new EmbeddedGraphStore(EmbeddedPath(provider, path), provider.GetRequiredService<ILogger<EmbeddedGraphStore>>()));
        // Taken only by the processes that write (the service, `import`) when they resolve it; readers such as `export` never do.
        services.AddSingleton(provider => EmbeddedWriterLock.Acquire(EmbeddedPath(provider, path)));
        return services.AddResolution<EmbeddedGraphStore>(configuration);
    }

    private static string EmbeddedPath(IServiceProvider provider, string? configured)
    {
        var root = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultEmbeddedPath : configured, root);
    }

    /// <summary>
    /// The application's <see cref="IGraphStore"/>: the concrete store behind entity resolution (<see cref="ResolvingGraphStore"/>),
    /// so that merged ids resolve everywhere; the store itself answers <see cref="IResolutionStore"/>.
    /// </summary>
    private static IServiceCollection AddResolution<TStore>(this IServiceCollection services, IConfiguration configuration)
        where TStore : class, IGraphStore, IResolutionStore, IIdempotencyStore, IGraphTransfer
    {
        var options = configuration.GetSection(ResolutionOptions.Section).Get<ResolutionOptions>() ?? new ResolutionOptions();
        if (options.AutoMergeScore is < 0 or > 1) throw new InvalidOperationException("Resolution:AutoMergeScore must lie between 0 and 1.");
        services.AddSingleton<IResolutionStore>(provider => provider.GetRequiredService<TStore>());
        services.AddSingleton<IIdempotencyStore>(provider => provider.GetRequiredService<TStore>());
        services.AddSingleton<IGraphTransfer>(provider => provider.GetRequiredService<TStore>());
        services.AddSingleton<IGraphStore>(provider => new ResolvingGraphStore(provider.GetRequiredService<TStore>(), provider.GetRequiredService<TStore>(), options));
        return services;
    }

    private static IServiceCollection AddNeo4jGraphStore(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<Neo4jOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Neo4jOptions>, Neo4jOptionsValidator>();
        services.AddHttpClient(Neo4jHttpClient.HttpClientName)
            .ConfigureHttpClient((provider, http) =>
            {
                // A backstop only: Neo4jHttpClient's resilience pipelines enforce the timeouts per call.
                var options = provider.GetRequiredService<IOptions<Neo4jOptions>>().Value;
                http.Timeout = (options.ImportTimeout > options.RequestTimeout ? options.ImportTimeout : options.RequestTimeout) + TimeSpan.FromSeconds(1);
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // A stopped or unreachable server must fail fast rather than hang the request.
                ConnectTimeout = provider.GetRequiredService<IOptions<Neo4jOptions>>().Value.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.AddSingleton<Neo4jHttpClient>();
        services.AddSingleton(provider => new Neo4jGraphStore(
            provider.GetRequiredService<Neo4jHttpClient>(), provider.GetRequiredService<ILogger<Neo4jGraphStore>>()));
        return services;
    }
}

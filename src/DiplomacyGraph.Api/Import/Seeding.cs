using System.ComponentModel.DataAnnotations;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Import;

/// <summary>Where the seed documents are, and whether to load them at start.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Load the seed documents at start-up.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The folder of <c>*.json</c> knowledge documents; relative paths start at the app's folder.</summary>
    [Required]
    public string Folder { get; set; } = "seed";
}

/// <summary>
/// Prepares the store (its schema) and merges the seed documents into it, through the import pipeline, before the
/// server takes requests. A bad document stops start-up with a message naming the file, the entity and the field.
/// </summary>
internal sealed class SeedService(
    IGraphStore store, Importer importer, StartupProgress progress, IOptions<SeedOptions> options, ILogger<SeedService> logger) : IHostedService, IHealthCheck
{
    public async Task StartAsync(CancellationToken ct)
    {
        await store.Initialize(ct);
        if (options.Value.Enabled)
        {
            var folder = Path.IsPathRooted(options.Value.Folder) ? options.Value.Folder : Path.Combine(AppContext.BaseDirectory, options.Value.Folder);
            foreach (var (file, document) in importer.Documents.LoadFolder(folder))
            {
                // The seed is curated: a refusal is a bug in it, and the service must not start on part of it.
                var outcome = await importer.Import(document, ct);
                var summary = outcome is WriteOutcome.Imported imported
                    ? imported.Summary
                    : throw new InvalidOperationException($"{Path.GetFileName(file)} was refused: {(outcome as IWriteRefusal)?.Detail}");
                logger.LogInformation("Seeded {File}: {Created} nodes created, {Updated} updated, {Unchanged} unchanged",
                    Path.GetFileName(file), summary.NodesCreated.Count, summary.NodesUpdated.Count, summary.NodesUnchanged.Count);
            }
        }
        progress.Seeded();
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Seeding as a hosted service that runs before the server takes requests, and as the "seed" readiness check.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SeedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SeedService>());
        services.AddHealthChecks().AddCheck<SeedService>("seed", tags: ["ready"]);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
        Task.FromResult(progress.Done ? HealthCheckResult.Healthy("Seeded.") : HealthCheckResult.Unhealthy("Seeding has not finished."));
}

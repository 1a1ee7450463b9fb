using System.ComponentModel.DataAnnotations;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Infrastructure;

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
/// Prepares the store (its schema) and merges the seed documents into it before the server takes requests.
/// A bad document stops start-up with a message naming the file, the entity and the field.
/// </summary>
internal sealed class SeedService(IGraphStore store, IOptions<SeedOptions> options, ILogger<SeedService> logger) : IHostedService, IHealthCheck
{
    private volatile bool done;

    /// <summary>Whether seeding has finished (answers are not cached before).</summary>
    public bool Done => done;

    public async Task StartAsync(CancellationToken ct)
    {
        await store.Initialize(ct);
        if (options.Value.Enabled)
        {
            var folder = Path.IsPathRooted(options.Value.Folder) ? options.Value.Folder : Path.Combine(AppContext.BaseDirectory, options.Value.Folder);
            foreach (var (file, document) in KnowledgeJson.LoadFolder(folder))
            {
                // The seed is curated: a refusal is a bug in it, and the service must not start on part of it.
                var outcome = await store.Import(document, ct);
                var summary = outcome is WriteOutcome.Imported imported
                    ? imported.Summary
                    : throw new InvalidOperationException($"{Path.GetFileName(file)} was refused: {(outcome as IWriteRefusal)?.Detail}");
                logger.LogInformation("Seeded {File}: {Created} nodes created, {Updated} updated, {Unchanged} unchanged",
                    Path.GetFileName(file), summary.NodesCreated.Count, summary.NodesUpdated.Count, summary.NodesUnchanged.Count);
            }
        }
        done = true;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
        Task.FromResult(done ? HealthCheckResult.Healthy("Seeded.") : HealthCheckResult.Unhealthy("Seeding has not finished."));
}

/// <summary>Ready when the store answers.</summary>
internal sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        try
        {
            return await store.IsReady(ct) ? HealthCheckResult.Healthy("The store answers.") : HealthCheckResult.Unhealthy("The store does not answer.");
        }
        catch (StoreUnavailableException)
        {
            return HealthCheckResult.Unhealthy("The store is unavailable.");
        }
    }
}

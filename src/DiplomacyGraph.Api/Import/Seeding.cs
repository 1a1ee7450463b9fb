using System.ComponentModel.DataAnnotations;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
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

/// <summary>How start-up waits for a store that does not answer yet: the delay doubles after each attempt, up to a cap.</summary>
public sealed class StartupOptions : IValidatableObject
{
    public const string Section = "Startup";

    /// <summary>The wait after the first failed attempt.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstRetryDelay <= TimeSpan.Zero || FirstRetryDelay > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Startup:FirstRetryDelay must lie between 00:00:00.001 and 00:10:00.", [nameof(FirstRetryDelay)]);
        }
        if (MaxRetryDelay < FirstRetryDelay || MaxRetryDelay > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Startup:MaxRetryDelay must lie between Startup:FirstRetryDelay and 00:10:00.", [nameof(MaxRetryDelay)]);
        }
    }
}

/// <summary>
/// Prepares the store (its schema) and merges the seed documents into it, through the import pipeline. The first attempt
/// runs before the server takes requests, so a store that answers starts the service ready. A store that does not answer
/// (down, not up yet, paused, too slow) hands over to a background loop that tries again with capped backoff, one log line
/// an attempt, while the service is up, readiness says why it is not ready and <c>/api</c> answers 503. Only what no retry
/// can fix (credentials refused, an invalid setting, a bad seed document) stops the service: one line, exit code 2.
/// </summary>
internal sealed class SeedService(
    IGraphStore store, Importer importer, StartupProgress progress, IOptions<SeedOptions> options, IOptions<StartupOptions> retry,
    IHostApplicationLifetime lifetime, ILogger<SeedService> logger) : IHostedService, IHealthCheck, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? retrying;
    private bool disposed;

    public async Task StartAsync(CancellationToken ct)
    {
        if (await Attempt(1, ct) is { } delay)
        {
            retrying = Task.Run(() => Retry(delay, stopping.Token), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        // A host stopped again after its container was disposed (a test factory disposed twice) has nothing left to stop.
        if (Volatile.Read(ref disposed)) return;
        await stopping.CancelAsync();
        if (retrying is not null)
        {
            try
            {
                await retrying.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // Stopped mid-attempt or mid-wait: nothing to finish, the next start begins again (seeding is idempotent).
            }
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref disposed, true);
        stopping.Dispose();
    }

    private async Task Retry(TimeSpan delay, CancellationToken ct)
    {
        for (var attempt = 2; ; attempt++)
        {
            await Task.Delay(delay, ct);
            if (await Attempt(attempt, ct) is not { } next) return;
            delay = next;
        }
    }

    /// <summary>One go at setting up the store and loading the seed; the delay before the next one when the store did not answer.</summary>
    private async Task<TimeSpan?> Attempt(int attempt, CancellationToken ct)
    {
        try
        {
            await store.Initialize(ct);
            var seeded = options.Value.Enabled ? await Seed(ct) : 0;
            progress.Seeded();
            if (attempt > 1) logger.LogInformation("Start-up attempt {Attempt}: the store is set up and {Documents} seed documents are loaded; ready", attempt, seeded);
            return null;
        }
        catch (StoreUnavailableException e)
        {
            var delay = Backoff(attempt);
            var why = $"Start-up attempt {attempt} failed: {Why(e)}. Next attempt in {delay.TotalSeconds:0.#} s.";
            progress.Waiting(why, delay);
            logger.LogWarning("{Why}", why);
            return delay;
        }
        catch (Exception e) when (e is StoreMisconfiguredException or InvalidKnowledgeDocumentException or SeedRefusedException
            or DirectoryNotFoundException or FileNotFoundException)
        {
            Refuse($"The service cannot start: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Not a known cause (a store answering oddly while it starts, or a bug): retried like an outage rather than
            // leaving the service down, and logged by type and message; readiness, which anyone may read, says less.
            var delay = Backoff(attempt);
            progress.Waiting($"Start-up attempt {attempt} failed: an unexpected error (see the log). Next attempt in {delay.TotalSeconds:0.#} s.", delay);
            logger.LogError("Start-up attempt {Attempt} failed: {Type}: {Message}. Next attempt in {Delay:0.#} s.", attempt, e.GetType().Name, e.Message, delay.TotalSeconds);
            return delay;
        }
    }

    /// <summary>Merges the seed folder's documents into the store; a seed import is idempotent, so a retry repeats it all.</summary>
    private async Task<int> Seed(CancellationToken ct)
    {
        var folder = Path.IsPathRooted(options.Value.Folder) ? options.Value.Folder : Path.Combine(AppContext.BaseDirectory, options.Value.Folder);
        var count = 0;
        foreach (var (file, document) in importer.Documents.LoadFolder(folder))
        {
            // The seed is curated: a refusal is a bug in it, and the service must not start on part of it.
            var outcome = await importer.Import(document, ct);
            var summary = outcome is WriteOutcome.Imported imported
                ? imported.Summary
                : throw new SeedRefusedException($"{Path.GetFileName(file)} was refused: {(outcome as IWriteRefusal)?.Detail}");
            logger.LogInformation("Seeded {File}: {Created} nodes created, {Updated} updated, {Unchanged} unchanged",
                Path.GetFileName(file), summary.NodesCreated.Count, summary.NodesUpdated.Count, summary.NodesUnchanged.Count);
            count++;
        }
        return count;
    }

    /// <summary>The first delay, doubled after each failed attempt, up to the cap.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var (first, max) = (retry.Value.FirstRetryDelay, retry.Value.MaxRetryDelay);
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        return first.TotalMilliseconds * factor >= max.TotalMilliseconds ? max : TimeSpan.FromMilliseconds(first.TotalMilliseconds * factor);
    }

    /// <summary>What went wrong, for readiness (which anyone may read) and the log: a kind, never a host, port or stack trace.</summary>
    private static string Why(StoreUnavailableException e) => e switch
    {
        { OutcomeUnknown: true } => "the store did not answer a commit in time",
        { InnerException: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => "no connection to the store",
        { InnerException: OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException } => "the store did not answer in time",
        _ => "the store is unavailable",
    };

    /// <summary>One line on stderr, and the host stops once it has started (stopping it mid-start would fault the start).</summary>
    private void Refuse(string why)
    {
        why = string.Join(' ', why.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        progress.CannotStart(why);
        Console.Error.WriteLine(why);
        lifetime.ApplicationStarted.Register(lifetime.StopApplication);
    }

    /// <summary>Seeding as a hosted service that runs before the server takes requests, and as the "seed" readiness check.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StartupOptions>().BindConfiguration(StartupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SeedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SeedService>());
        services.AddHealthChecks().AddCheck<SeedService>("seed", tags: ["ready"]);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
        Task.FromResult(progress.Done ? HealthCheckResult.Healthy(progress.State) : HealthCheckResult.Unhealthy(progress.State));
}

/// <summary>The store refused a seed document: a bug in the curated seed, which no retry fixes.</summary>
internal sealed class SeedRefusedException(string message) : Exception(message);

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Whether the work the host does before serving has finished: the store is set up and the seed is loaded. Until then
/// <see cref="ReadinessGate"/> answers <c>/api</c> with 503, readiness says why, and answers are not cached
/// (<see cref="FastReads"/>), so neither a client nor a cache sees a half-seeded store.
/// </summary>
internal sealed class StartupProgress
{
    private volatile bool seeded;
    private volatile string state = "Setting up the store and loading the seed.";
    private long nextAttempt = DateTimeOffset.MinValue.UtcTicks;

    public bool Done => seeded;

    /// <summary>Why the service is not ready yet, in one sentence; or that it is.</summary>
    public string State => state;

    /// <summary>Nonzero when start-up was refused (a misconfiguration): the process exits with it once the host has stopped.</summary>
    public int ExitCode { get; private set; }

    /// <summary>How long a client should wait: until the next attempt, and at least a second.</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            var left = new DateTimeOffset(Interlocked.Read(ref nextAttempt), TimeSpan.Zero) - DateTimeOffset.UtcNow;
            return left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
        }
    }

    public void Seeded()
    {
        state = "Seeded.";
        seeded = true;
    }

    /// <summary>An attempt failed because the store did not answer; the next one starts after <paramref name="delay"/>.</summary>
    public void Waiting(string why, TimeSpan delay)
    {
        Interlocked.Exchange(ref nextAttempt, (DateTimeOffset.UtcNow + delay).UtcTicks);
        state = why;
    }

    /// <summary>Start-up cannot succeed with this configuration; the host stops and the process exits 2.</summary>
    public void CannotStart(string why)
    {
        state = why;
        ExitCode = 2;
    }
}

/// <summary>Running the host to its end, and the process's exit code then.</summary>
internal static class ExitCodes
{
    /// <summary>Runs the host until it stops; 0, or 2 when start-up was refused (the services are gone by then, so read it first).</summary>
    public static async Task<int> RunToExitCodeAsync(this WebApplication app)
    {
        var progress = app.Services.GetRequiredService<StartupProgress>();
        await app.RunAsync();
        return progress.ExitCode;
    }
}

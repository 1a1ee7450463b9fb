using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Counts wrong API keys per client address in a fixed one-minute window that opens with the first failure.
/// Once an address reaches <see cref="AuthOptions.MaxFailures"/>, it is blocked until its window ends.
/// </summary>
internal sealed class FailedAuthThrottle(IOptions<AuthOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Above this many tracked addresses, expired windows are swept out on the next failure.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> windows = new(StringComparer.Ordinal);
    private int sweepAt = SweepAbove;

    public bool IsBlocked(string address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!windows.TryGetValue(address, out var failures))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        lock (failures)
        {
            var remaining = failures.Start + Window - now;
            if (remaining <= TimeSpan.Zero || failures.Count < options.Value.MaxFailures)
            {
                return false;
            }
            retryAfter = remaining;
            return true;
        }
    }

    public void RecordFailure(string address)
    {
        var now = clock.GetUtcNow();
        var failures = windows.GetOrAdd(address, _ => new Failures { Start = now });
        lock (failures)
        {
            if (now - failures.Start >= Window)
            {
                failures.Start = now;
                failures.Count = 0;
            }
            failures.Count++;
        }
        if (windows.Count > Volatile.Read(ref sweepAt))
        {
            Sweep(now);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (address, failures) in windows)
        {
            bool expired;
            lock (failures) expired = now - failures.Start >= Window;
            if (expired) windows.TryRemove(address, out _);
        }
        // Sweep again only when the live set has doubled, so a flood of addresses costs amortised O(1) per failure.
        Volatile.Write(ref sweepAt, Math.Max(SweepAbove, windows.Count * 2));
    }

    private sealed class Failures
    {
        public DateTimeOffset Start;
        public int Count;
    }
}

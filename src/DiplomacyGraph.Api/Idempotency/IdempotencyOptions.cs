namespace DiplomacyGraph.Api.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section: how long keys live, and how long an attempt may hold one.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>The longest key accepted, in characters; the IETF draft sets none, a store index needs one.</summary>
    public const int MaxKeyLength = 255;

    /// <summary>How long a key and its answer are kept (default 24 hours); a key reused after that is a new key.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an attempt may hold a key before its write commits. A retry within it answers 409; after it, an
    /// attempt that committed nothing is taken to have died, and the retry writes. Longer than the longest write.
    /// </summary>
    public TimeSpan InFlightLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>For tests only: off by default.</summary>
    public IdempotencyFaultInjection FaultInjection { get; set; } = new();
}

/// <summary>Fault injection for the crash tests. Never set these in production.</summary>
public sealed class IdempotencyFaultInjection
{
    /// <summary>
    /// TEST ONLY: the process kills itself (SIGKILL) right after a keyed write commits, before it answers, as a crash
    /// there would. The crash tests set it on a child process to prove the retry answers as the write would have.
    /// </summary>
    public bool KillAfterCommit { get; set; }
}

namespace DiplomacyGraph.Storage.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> as the store keeps it: whose it is (<see cref="Id"/> joins the caller's name and the
/// key), what request it was first sent with (<see cref="Fingerprint"/>), which attempt holds it (<see cref="Token"/>,
/// until <see cref="LeaseUntil"/>), whether that attempt's write has committed, and the answer once there is one.
/// Times are Unix milliseconds, so both stores compare and index them as plain integers.
/// </summary>
public sealed record IdempotencyRecord(string Id, string Fingerprint, string Token, long LeaseUntil, long ExpiresAt, bool Committed, string? Answer);

/// <summary>The answer to a claim: the key was free and is now this attempt's, or another attempt holds it.</summary>
public abstract record IdempotencyClaim
{
    public sealed record Claimed : IdempotencyClaim
    {
        public static readonly Claimed Value = new();
    }

    public sealed record Held(IdempotencyRecord Record) : IdempotencyClaim;
}

/// <summary>
/// Where both stores keep idempotency keys: in the store itself, so that a key holds across processes, replicas and
/// restarts. The write that a key guards marks the key committed in its own transaction (<see cref="IdempotentWrite"/>).
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Deletes keys expired before <paramref name="now"/> (through an index on the expiry: the cost is theirs, not the
    /// table's), then takes the key for this attempt if no one holds it; otherwise answers who does.
    /// </summary>
    Task<IdempotencyClaim> ClaimKey(IdempotencyRecord record, long now, CancellationToken ct);

    /// <summary>Stores the answer of the attempt holding the key.</summary>
    Task CompleteKey(string id, string token, string answer, CancellationToken ct);

    /// <summary>Frees the key when its attempt wrote nothing (it failed, or its holder died before committing).</summary>
    Task ReleaseKey(string id, string token, CancellationToken ct);
}

/// <summary>
/// The key guarding the write under way in this async flow, so that the store's write transaction records the key as
/// committed together with the write (the only way a crash between the commit and the answer cannot separate them).
/// </summary>
public sealed class IdempotentWrite(string id, string token, bool committedBefore)
{
    private static readonly AsyncLocal<IdempotentWrite?> current = new();

    public string Id { get; } = id;

    public string Token { get; } = token;

    /// <summary>
    /// The key's write committed in an earlier attempt whose answer was lost: the writes answer as they did then,
    /// and write nothing again.
    /// </summary>
    public bool CommittedBefore { get; } = committedBefore;

    /// <summary>Set once a write transaction carrying this key has committed.</summary>
    public bool Committed { get; private set; }

    public static IdempotentWrite? Current
    {
        get => current.Value;
        set => current.Value = value;
    }

    /// <summary>True when the current request retries a write that committed before its answer was lost.</summary>
    public static bool Replaying => current.Value?.CommittedBefore == true;

    /// <summary>Called by a store right after the transaction that carried the mark committed.</summary>
    public void MarkCommitted() => Committed = true;
}

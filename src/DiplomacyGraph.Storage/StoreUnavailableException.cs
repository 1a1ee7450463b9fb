namespace DiplomacyGraph.Storage;

/// <summary>
/// The store cannot answer now (its server is down, unreachable, overloaded or too slow). The API answers
/// 503 with a Retry-After header. The message never carries server details; the inner exception does, for logs.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    public StoreUnavailableException()
        : this(null)
    {
    }

    public StoreUnavailableException(Exception? innerException)
        : this(DefaultRetryAfter, innerException)
    {
    }

    public StoreUnavailableException(TimeSpan retryAfter, Exception? innerException)
        : base("The graph store is unavailable; try again shortly.", innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long a client should wait before trying again.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>
    /// A write's commit was sent and no answer came (a timeout or a dropped connection): it may have applied.
    /// An import is safe to repeat; a repeated create, replace or delete may then answer 409 or 404.
    /// </summary>
    public bool OutcomeUnknown { get; init; }
}

using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>How long a unit of work may take, and how its transient failures are retried within that time.</summary>
internal static class Neo4jRetryPolicy
{
    public static ResiliencePipeline For(TimeSpan timeout, ILogger logger) =>
        new ResiliencePipelineBuilder()
            // Outermost: the whole call, retries included, never takes longer than the timeout.
            .AddTimeout(timeout)
            .AddRetry(new RetryStrategyOptions
            {
                // Transient errors (deadlocks, lock timeouts, a leader switch) come with a definite answer: the
                // transaction was rolled back, so running the whole unit again is safe.
                ShouldHandle = new PredicateBuilder().Handle<Neo4jTransientException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
                MaxDelay = TimeSpan.FromSeconds(1),
                MaxRetryAttempts = 10,
                OnRetry = args =>
                {
                    logger.LogInformation("Neo4j transient error ({Error}); retry {Attempt} in {Delay}",
                        args.Outcome.Exception?.Message, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}

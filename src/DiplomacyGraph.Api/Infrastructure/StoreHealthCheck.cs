using DiplomacyGraph.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DiplomacyGraph.Api.Infrastructure;

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

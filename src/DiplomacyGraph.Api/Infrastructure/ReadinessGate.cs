using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Until the store is set up and the seed is loaded (<see cref="StartupProgress"/>), reads and writes under <c>/api</c>
/// answer 503 with <c>Retry-After</c> (the time to the next start-up attempt): an answer from a store without its schema or
/// half its seed would be wrong, not just late. Health, Swagger and the explorer stay up, so an operator can see why.
/// </summary>
internal static class ReadinessGate
{
    public static IApplicationBuilder UseReadinessGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var progress = context.RequestServices.GetRequiredService<StartupProgress>();
        if (progress.Done || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(progress.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is starting.",
                Detail = $"{progress.State} GET /health/ready says when it is ready.",
            },
        });
    });
}

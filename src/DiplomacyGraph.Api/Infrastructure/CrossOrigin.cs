using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>The <c>Cors</c> configuration section: which web origins may call the API from a browser.</summary>
public sealed class CrossOriginOptions
{
    public const string Section = "Cors";

    /// <summary>Origins such as <c>https://app.example.org</c>. None (the default): no cross-origin access.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}

/// <summary>
/// CORS for frontend apps on the listed origins. Reads and writes are both allowed cross-origin; a write still needs
/// its <c>X-Api-Key</c>, which is why that header is allowed. No credentials (cookies) are involved, so none are allowed.
/// </summary>
internal static class CrossOrigin
{
    public static readonly string[] AllowedHeaders = [ApiKeyHandler.Header, "Content-Type", "If-None-Match", "Idempotency-Key"];
    public static readonly string[] ExposedHeaders = ["Location", "Retry-After", "ETag", "Link", "Idempotent-Replayed"];

    public static IServiceCollection AddCrossOrigin(this IServiceCollection services)
    {
        services.AddOptions<CrossOriginOptions>().BindConfiguration(CrossOriginOptions.Section)
            .Validate(o => o.AllowedOrigins.All(IsOrigin), "Cors:AllowedOrigins must hold origins such as https://app.example.org (scheme, host and optional port; no path).")
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginOptions>>((o, origins) => o.AddDefaultPolicy(policy => policy
            .WithOrigins([.. origins.Value.AllowedOrigins])
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>
    /// CORS when origins are configured, and then <c>Vary: Origin</c> on every answer: the framework adds it only when
    /// it allows the request's origin (and not with a single configured origin), yet every answer's CORS headers depend
    /// on the origin, so a shared cache must not give one origin's answer to another, or an answer without CORS headers
    /// (a request with no Origin) to a browser that needs them.
    /// </summary>
    public static IApplicationBuilder UseCrossOrigin(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<CrossOriginOptions>>().Value.AllowedOrigins.Count == 0) return app;
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.Vary.Any(v => v is not null && v.Split(',').Any(p => p.Trim().Equals("Origin", StringComparison.OrdinalIgnoreCase))))
                {
                    headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, "Origin");
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app.UseCors();
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.GetLeftPart(UriPartial.Authority).Equals(origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

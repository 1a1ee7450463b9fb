using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>The <c>Swagger</c> configuration section.</summary>
public sealed class SwaggerOptions
{
    public const string Section = "Swagger";

    /// <summary>Serve Swagger UI at <c>/swagger</c>. The OpenAPI document itself is always served.</summary>
    public bool UiEnabled { get; set; } = true;
}

/// <summary>
/// Headers every answer carries, no <c>Server</c> header, and the <c>AllowedHosts</c> check answered as problem+json.
/// </summary>
internal static class HttpHygiene
{
    public static WebApplicationBuilder AddHttpHygiene(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddOptions<SwaggerOptions>().BindConfiguration(SwaggerOptions.Section);
        // The framework's host filter runs before any of our middleware and answers a bare 400, so it is told to let
        // every host through, and UseAllowedHosts applies the same AllowedHosts setting where problems can be written.
        builder.Services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);
        return builder;
    }

    /// <summary>
    /// What the HTML pages (Swagger UI, the explorer) may load: their own origin's scripts, styles and fetches, and the
    /// <c>data:</c> images Swagger UI's stylesheet holds; no inline or foreign script, no plugins, no framing. Inline
    /// styles are allowed because both libraries add a <c>&lt;style&gt;</c> element at run time (Chromium blocked one from
    /// swagger-ui-bundle.js and one from cytoscape.min.js under <c>default-src 'self'</c> alone); a style runs no code,
    /// and a hash would break silently on the next library update. ContentSecurityPolicyTests loads both pages in
    /// Chromium and fails on any violation it logs.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// nosniff, no referrer, no framing (DENY and <c>frame-ancestors 'none'</c> stop other sites from framing the API or
    /// Swagger UI: clickjacking), and <see cref="ContentSecurityPolicy"/> on every answer: a page's script cannot load
    /// from elsewhere, and a JSON answer opened in a browser runs nothing.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// Answers 400 problem+json when the Host header is not one of <c>AllowedHosts</c> (semicolon-separated, <c>*</c> for
    /// any, <c>*.example.com</c> for subdomains), the same patterns as ASP.NET Core's host filtering.
    /// </summary>
    public static IApplicationBuilder UseAllowedHosts(this IApplicationBuilder app)
    {
        var configured = app.ApplicationServices.GetRequiredService<IConfiguration>()["AllowedHosts"] ?? "*";
        var patterns = configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new StringSegment(p)).ToList();
        if (patterns.Count == 0 || patterns.Any(p => p.Equals("*", StringComparison.Ordinal)))
        {
            return app;
        }
        return app.Use(async (context, next) =>
        {
            var host = context.Request.Host;
            // An empty Host (HTTP/1.0) passes, as in the framework's filter.
            if (!host.HasValue || HostString.MatchesAny(new StringSegment(host.Host), patterns))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The host is not served here.",
                    Detail = "The request's Host header is not one of this server's AllowedHosts.",
                },
            });
        });
    }
}

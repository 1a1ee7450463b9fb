using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Answers 400 for a query parameter an <c>/api</c> endpoint does not take (<c>/api/events?q=…</c> would otherwise
/// answer every event), naming the ones it does. The allowed names are the endpoint's query parameters as API
/// Explorer describes them, the same list the OpenAPI document shows, so a parameter added to a handler is allowed
/// (and documented) without another list to keep.
/// </summary>
internal static class QueryParameters
{
    public static IApplicationBuilder UseKnownQueryParameters(this IApplicationBuilder app)
    {
        var descriptions = app.ApplicationServices.GetRequiredService<IApiDescriptionGroupCollectionProvider>();
        var allowedByEndpoint = new ConcurrentDictionary<(Endpoint, string), IReadOnlyList<string>?>();
        return app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is null || context.Request.Query.Count == 0 || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }
            var allowed = allowedByEndpoint.GetOrAdd((endpoint, context.Request.Method), e => QueryNamesOf(e.Item1, e.Item2, descriptions));
            // Names match as the binder matches them, ignoring case.
            var unknown = allowed is null ? [] : context.Request.Query.Keys
                .Where(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count == 0)
            {
                await next(context);
                return;
            }
            var takes = allowed!.Count == 0 ? "This endpoint takes no query parameters." : $"Allowed: {string.Join(", ", allowed)}.";
            var errors = unknown.ToDictionary(k => k, k => new[] { $"'{k}' is not a parameter of this endpoint. {takes}" }, StringComparer.Ordinal);
            await TypedResults.ValidationProblem(errors, detail: $"Unknown query parameter. {takes}").ExecuteAsync(context);
        });
    }

    /// <summary>
    /// The endpoint's query parameter names, or null when API Explorer does not describe it (nothing is checked then).
    /// A description is the endpoint's route pattern and one of its HTTP methods, which is how the two are matched.
    /// </summary>
    private static List<string>? QueryNamesOf(Endpoint endpoint, string method, IApiDescriptionGroupCollectionProvider descriptions)
    {
        if (endpoint is not RouteEndpoint { RoutePattern.RawText: { } pattern })
        {
            return null;
        }
        var path = pattern.TrimStart('/');
        var description = descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items).FirstOrDefault(d =>
            string.Equals(d.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && string.Equals(d.RelativePath, path, StringComparison.Ordinal));
        return description?.ParameterDescriptions
            .Where(p => p.Source == BindingSource.Query)
            // As the OpenAPI document names them.
            .Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

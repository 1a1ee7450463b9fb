using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Answers 400 for a query parameter an <c>/api</c> endpoint does not take (<c>/api/events?q=…</c> would otherwise
/// answer every event), naming the ones it does. The allowed names are the endpoint's query parameters as API
/// Explorer describes them, the same list the OpenAPI document shows, so a parameter added to a handler is allowed
/// (and documented) without another list to keep.
/// <para>
/// It also reads each value the way the binder will (the parameter's type, <see cref="IParsable{TSelf}"/>, invariant
/// culture), so <c>page=abc</c> answers 400 with <c>errors.page</c> from the parameter's declared type, before the
/// binder fails on it and without reading the binder's message.
/// </para>
/// </summary>
internal static class QueryParameters
{
    public static IApplicationBuilder UseKnownQueryParameters(this IApplicationBuilder app)
    {
        var descriptions = app.ApplicationServices.GetRequiredService<IApiDescriptionGroupCollectionProvider>();
        var allowedByEndpoint = new ConcurrentDictionary<(Endpoint, string), IReadOnlyList<QueryParameter>?>();
        return app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is null || context.Request.Query.Count == 0 || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }
            var parameters = allowedByEndpoint.GetOrAdd((endpoint, context.Request.Method), e => QueryParametersOf(e.Item1, e.Item2, descriptions));
            if (parameters is null)
            {
                await next(context);
                return;
            }
            var allowed = parameters.Select(p => p.Name).ToList();
            // Names match as the binder matches them, ignoring case.
            var unknown = context.Request.Query.Keys
                .Where(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                var takes = allowed.Count == 0 ? "This endpoint takes no query parameters." : $"Allowed: {string.Join(", ", allowed)}.";
                var errors = unknown.ToDictionary(k => k, k => new[] { $"'{k}' is not a parameter of this endpoint. {takes}" }, StringComparer.Ordinal);
                await TypedResults.ValidationProblem(errors, detail: $"Unknown query parameter. {takes}").ExecuteAsync(context);
                return;
            }
            var unreadable = Unreadable(parameters, context.Request.Query);
            if (unreadable.Count > 0)
            {
                await TypedResults.ValidationProblem(unreadable, detail: "A parameter could not be read.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }

    /// <summary>One query parameter: its name as the document shows it, and the type the binder reads it as.</summary>
    private sealed record QueryParameter(string Name, Type Type);

    /// <summary>The values the binder could not read as their parameter's type, by parameter name.</summary>
    private static Dictionary<string, string[]> Unreadable(IReadOnlyList<QueryParameter> parameters, IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
            // The binder reads repeated values as one, joined by commas; an empty value (page=) is a value it cannot read.
            var value = query.TryGetValue(parameter.Name, out var values) ? values.ToString() : null;
            if (type == typeof(string) || value is null || Parses(type, value) is not false) continue;
            errors[parameter.Name] = [$"'{value}' is not {Expected(type)}."];
        }
        return errors;
    }

    private static string Expected(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) ? "a whole number"
        : type == typeof(bool) ? "true or false"
        : $"a valid {type.Name}";

    private static readonly MethodInfo TryParse = typeof(QueryParameters).GetMethod(nameof(TryParseAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Whether the text reads as the type; null when the type is not <see cref="IParsable{TSelf}"/> (the binder then decides).</summary>
    private static bool? Parses(Type type, string value) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GetGenericArguments()[0] == type)
            ? (bool)TryParse.MakeGenericMethod(type).Invoke(null, [value])!
            : null;

    private static bool TryParseAs<T>(string value) where T : IParsable<T> => T.TryParse(value, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// The endpoint's query parameters, or null when API Explorer does not describe it (nothing is checked then).
    /// A description is the endpoint's route pattern and one of its HTTP methods, which is how the two are matched.
    /// </summary>
    private static List<QueryParameter>? QueryParametersOf(Endpoint endpoint, string method, IApiDescriptionGroupCollectionProvider descriptions)
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
            .Select(p => new QueryParameter(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.Type ?? typeof(string)))
            .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

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
        var allowedByEndpoint = new ConcurrentDictionary<(Endpoint, string), EndpointQuery?>();
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
            var allowed = parameters.Names;
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

    /// <summary>
    /// One query parameter: its name as the document shows it, and how the binder reads its type (null: a string, or a
    /// type that is not <see cref="IParsable{TSelf}"/>, which the binder decides). Built once per endpoint, not per request.
    /// </summary>
    private sealed record QueryParameter(string Name, Func<string, bool>? Reads, string Expected);

    /// <summary>An endpoint's query parameters, and their names (what an unknown name is checked against).</summary>
    private sealed record EndpointQuery(IReadOnlyList<QueryParameter> Parameters, IReadOnlyList<string> Names);

    /// <summary>The values the binder could not read as their parameter's type, by parameter name.</summary>
    private static Dictionary<string, string[]> Unreadable(EndpointQuery endpoint, IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var parameter in endpoint.Parameters)
        {
            // The binder reads repeated values as one, joined by commas; an empty value (page=) is a value it cannot read.
            if (parameter.Reads is null || !query.TryGetValue(parameter.Name, out var values)) continue;
            var value = values.ToString();
            if (!parameter.Reads(value)) errors[parameter.Name] = [$"'{value}' is not {parameter.Expected}."];
        }
        return errors;
    }

    private static QueryParameter Describe(string name, Type declared)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        return new QueryParameter(name, type == typeof(string) ? null : Reader(type), Expected(type));
    }

    private static string Expected(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) ? "a whole number"
        : type == typeof(bool) ? "true or false"
        : $"a valid {type.Name}";

    private static readonly MethodInfo TryParse = typeof(QueryParameters).GetMethod(nameof(TryParseAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Whether a text reads as the type; null when the type is not <see cref="IParsable{TSelf}"/> (the binder then decides).</summary>
    private static Func<string, bool>? Reader(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GetGenericArguments()[0] == type)
            ? TryParse.MakeGenericMethod(type).CreateDelegate<Func<string, bool>>()
            : null;

    private static bool TryParseAs<T>(string value) where T : IParsable<T> => T.TryParse(value, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// The endpoint's query parameters, or null when API Explorer does not describe it (nothing is checked then).
    /// A description is the endpoint's route pattern and one of its HTTP methods, which is how the two are matched.
    /// </summary>
    private static EndpointQuery? QueryParametersOf(Endpoint endpoint, string method, IApiDescriptionGroupCollectionProvider descriptions)
    {
        if (endpoint is not RouteEndpoint { RoutePattern.RawText: { } pattern })
        {
            return null;
        }
        var path = pattern.TrimStart('/');
        var description = descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items).FirstOrDefault(d =>
            string.Equals(d.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && string.Equals(d.RelativePath, path, StringComparison.Ordinal));
        if (description is null) return null;
        List<QueryParameter> parameters = [.. description.ParameterDescriptions
            .Where(p => p.Source == BindingSource.Query)
            // As the OpenAPI document names them.
            .Select(p => Describe(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.Type ?? typeof(string)))
            .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
        return new EndpointQuery(parameters, [.. parameters.Select(p => p.Name)]);
    }
}

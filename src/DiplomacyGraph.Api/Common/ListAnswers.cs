using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DiplomacyGraph.Api.Common;

/// <summary>
/// What every list answer shares, in one place: RFC 8288 <c>Link</c> headers on pages, and CSV when the client asks
/// for it (<c>Accept: text/csv</c> or <c>?format=csv</c>): every row up to <see cref="Csv.MaxRows"/> instead of a page.
/// An endpoint that is not a list answers a CSV request with 406. Which endpoints are lists is read from the handler's
/// declared answer (<see cref="PagedList{T}"/> or <see cref="CappedList{T}"/>) once, when the endpoint is built.
/// </summary>
internal static class ListAnswers
{
    public const string CsvMediaType = "text/csv";

    public static TBuilder WithListFormats<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory(Create);
        // Declared on the whole group: its lists never answer 406, its other answers do when asked for CSV.
        builder.ProducesProblem(StatusCodes.Status406NotAcceptable);
        return builder;
    }

    /// <summary>The item type of a handler that answers a list, or null.</summary>
    public static Type? ListItemType(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition && (definition == typeof(PagedList<>) || definition == typeof(CappedList<>)))
        {
            return type.GetGenericArguments()[0];
        }
        // Unwrap Task<…>, Results<…>, Ok<…>.
        return type.IsGenericType ? type.GetGenericArguments().Select(ListItemType).FirstOrDefault(t => t is not null) : null;
    }

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var itemType = ListItemType(context.MethodInfo.ReturnType);
        var table = itemType is null ? null : Csv.TableOf(itemType)
            ?? throw new InvalidOperationException($"{context.MethodInfo.Name} answers a list of {itemType.Name}, which has no CSV columns (ICsvRow).");
        var pagedArgument = Array.FindIndex(context.MethodInfo.GetParameters(), p => typeof(PagedQuery).IsAssignableFrom(p.ParameterType));
        var listArgument = Array.FindIndex(context.MethodInfo.GetParameters(), p => typeof(ListQuery).IsAssignableFrom(p.ParameterType));
        var csvOptions = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<CsvOptions>>().Value;

        return async invocation =>
        {
            var http = invocation.HttpContext;
            http.Response.Headers.Append(HeaderNames.Vary, "Accept");
            var csv = WantsCsv(http.Request);
            if (table is null)
            {
                return csv
                    ? TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "Not acceptable.",
                        detail: "This endpoint answers JSON only; CSV is served by the list endpoints.")
                    : await next(invocation);
            }
            if (csv && pagedArgument >= 0 && invocation.Arguments[pagedArgument] is PagedQuery paged)
            {
                // CSV is not paged: the first page, as long as the CSV cap.
                invocation.Arguments[pagedArgument] = paged with { Page = 1, PageSize = Csv.MaxRows };
            }
            var result = await next(invocation);
            var answer = (result is INestedHttpResult nested ? nested.Result : result) as IValueHttpResult;
            if (answer?.Value is not IListAnswer list)
            {
                return result;
            }
            if (csv)
            {
                var escape = (listArgument >= 0 ? (invocation.Arguments[listArgument] as ListQuery)?.CsvEscapeFormulas : null) ?? csvOptions.EscapeFormulas;
                return new CsvListResult(table, list, escape);
            }
            http.Response.Headers.Append(HeaderNames.Link, Links(http.Request, list));
            return result;
        };
    }

    /// <summary>CSV when <c>format=csv</c>, or when the Accept header prefers text/csv to JSON.</summary>
    public static bool WantsCsv(HttpRequest request)
    {
        var format = request.Query["format"].ToString();
        if (format.Length > 0)
        {
            return string.Equals(format, ListFormats.Csv, StringComparison.OrdinalIgnoreCase);
        }
        var accepted = request.GetTypedHeaders().Accept
            .Where(a => a.Quality is null or > 0)
            .OrderByDescending(a => a.Quality ?? 1);
        foreach (var type in accepted)
        {
            if (type.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase)) return true;
            if (type.MatchesAllTypes || type.MatchesAllSubTypes && type.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>first, prev, next and last for a page; for every list, its CSV form as an alternate.</summary>
    private static StringValues Links(HttpRequest request, IListAnswer list)
    {
        var links = new List<string>();
        if (list.TotalCount is int total && list.PageOf is (int page, int size))
        {
            var last = Math.Max(1, (total + size - 1) / size);
            links.Add(Link(request, "first", ("page", "1")));
            if (page > 1) links.Add(Link(request, "prev", ("page", Text(Math.Min(page - 1, last)))));
            if (page < last) links.Add(Link(request, "next", ("page", Text(page + 1))));
            links.Add(Link(request, "last", ("page", Text(last))));
        }
        links.Add(Link(request, "alternate", ("format", ListFormats.Csv)) + "; type=\"text/csv\"");
        return new StringValues([.. links]);
    }

    private static string Link(HttpRequest request, string rel, params (string Key, string Value)[] set)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (set.Any(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase))) continue;
            foreach (var value in values) query.Add(key, value ?? "");
        }
        foreach (var (key, value) in set) query.Add(key, value);
        // A relative reference (RFC 8288 §3.1 resolves it against the request's URI): never built from the Host header,
        // which the client chooses, so a forged Host cannot make the API advertise another site.
        var url = UriHelper.BuildRelative(request.PathBase, request.Path, query.ToQueryString());
        return $"<{url}>; rel=\"{rel}\"";
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A list as RFC 4180 CSV in UTF-8, with a header row; the cut, if any, is told in headers.</summary>
internal sealed class CsvListResult(ICsvTable table, IListAnswer list, bool escapeFormulas) : IResult
{
    public const string TotalHeader = "X-Total-Count";
    public const string TruncatedHeader = "X-Truncated";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/csv; charset=utf-8; header=present";
        if (list.TotalCount is int total) response.Headers[TotalHeader] = total.ToString(CultureInfo.InvariantCulture);
        if (list.IsCut) response.Headers[TruncatedHeader] = "true";

        var ct = httpContext.RequestAborted;
        await using var csv = CsvWriter.Create(response.Body, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader([.. table.Names]);
        foreach (var row in list.Rows)
        {
            var cells = table.Row(row);
            if (escapeFormulas) cells = [.. cells.Select(Csv.EscapeFormula)];
            await csv.WriteRecordAsync(cells, ct);
        }
        await csv.FlushAsync(ct);
    }
}

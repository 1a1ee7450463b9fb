using System.Text.RegularExpressions;
using DiplomacyGraph.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// The one place exceptions become RFC 9457 problem details: a store that cannot be reached is 503 with
/// Retry-After, an unparseable parameter is 400 with the field named, anything else is a 500 without internals.
/// </summary>
internal sealed partial class ProblemHandling(IProblemDetailsService problems, ILogger<ProblemHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail, errors) = exception switch
        {
            StoreUnavailableException unavailable => Unavailable(context, unavailable),
            BadHttpRequestException bad => BadRequest(bad),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", "The error has been logged.", null),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        context.Response.StatusCode = status;
        ProblemDetails problem = errors is null
            ? new ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static (int, string, string, Dictionary<string, string[]>?) Unavailable(HttpContext context, StoreUnavailableException e)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (StatusCodes.Status503ServiceUnavailable, "The graph store is unavailable.", "Try again shortly.", null);
    }

    private static (int, string, string, Dictionary<string, string[]>?) BadRequest(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (e.StatusCode, "The request body is too large.", e.Message, null);
        }
        var parameter = BindingFailure().Match(e.Message);
        return parameter.Success
            ? (StatusCodes.Status400BadRequest, "One or more validation errors occurred.", "A parameter could not be read.",
                new() { [Camel(parameter.Groups["name"].Value)] = [$"'{parameter.Groups["value"].Value}' is not {Expected(parameter.Groups["type"].Value)}."] })
            : (e.StatusCode, "The request is malformed.", "The request could not be read.", null);
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("int", StringComparison.OrdinalIgnoreCase) => "a whole number",
        _ when type.Contains("bool", StringComparison.OrdinalIgnoreCase) => "true or false",
        _ => $"a valid {type}",
    };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    // Kestrel's minimal-API binder reports: Failed to bind parameter "int Page" from "abc".
    [GeneratedRegex(@"parameter ""(?<type>[\w.?<>]+) (?<name>\w+)"" from ""(?<value>[^""]*)""", RegexOptions.ExplicitCapture)]
    private static partial Regex BindingFailure();
}

/// <summary>Typed 404s with a ProblemDetails body.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found.", detail: $"There is no {what.ToLowerInvariant()} with id '{id}'.");
}

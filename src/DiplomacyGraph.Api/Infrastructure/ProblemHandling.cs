using DiplomacyGraph.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// The one place exceptions become RFC 9457 problem details: a store that cannot be reached is 503 with
/// Retry-After, a body the binder cannot read is 400 with its JSON path named, anything else is a 500 without internals.
/// It branches on exception types, status codes and <see cref="System.Text.Json.JsonException.Path"/>, never on message text.
/// </summary>
internal sealed class ProblemHandling(IProblemDetailsService problems, ILogger<ProblemHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail, errors) = exception switch
        {
            StoreUnavailableException unavailable => Unavailable(context, unavailable),
            StoreMisconfiguredException => (StatusCodes.Status500InternalServerError, "The graph store is misconfigured.",
                "The service cannot use its store with its current configuration; the operator has been told in the log.", null),
            BadHttpRequestException bad => BadRequest(bad),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", "The error has been logged.", null),
        };
        if (status == StatusCodes.Status500InternalServerError && exception is not StoreMisconfiguredException)
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
        return (StatusCodes.Status503ServiceUnavailable, "The graph store is unavailable.", e.OutcomeUnknown
            ? "The store did not confirm the write before the connection was lost or timed out, so it may have applied. " +
              "An import is safe to repeat; a repeated create, replace or delete may then answer 409 or 404."
            : "Try again shortly.", null);
    }

    private static (int, string, string, Dictionary<string, string[]>?) BadRequest(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (e.StatusCode, "The request body is too large.", e.Message, null);
        }
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (e.StatusCode, "Unsupported media type.", "Send the body as application/json.", null);
        }
        if (e.InnerException is System.Text.Json.JsonException json)
        {
            var field = JsonField(json.Path);
            return (StatusCodes.Status400BadRequest, "One or more validation errors occurred.", "The body is not a valid request.",
                new() { [field] = [JsonProblem(json)] });
        }
        // Query values the binder cannot read (page=abc) never get here: QueryParameters reads them by their declared type first.
        return (e.StatusCode, "The request is malformed.", "The request could not be read.", null);
    }

    /// <summary>"$.actors[0].foo" becomes "actors[0].foo"; the root is "body".</summary>
    private static string JsonField(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>
    /// What was wrong, without .NET type names, from where the reader stopped. Unknown, duplicate and missing
    /// properties never get here: StrictJsonBodies checks every JSON body against its type's shape before the binder reads it.
    /// </summary>
    private static string JsonProblem(System.Text.Json.JsonException json) => json.LineNumber is not null
        ? $"Invalid JSON or a value of the wrong type (line {json.LineNumber + 1}, position {json.BytePositionInLine})."
        : "Invalid JSON or a value of the wrong type.";
}

using DiplomacyGraph.Format;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the request's <c>Accept</c> says.
/// The framework's own writer declines when <c>Accept</c> excludes JSON, and then whoever asked for the
/// problem (the key check, the rate limiter, status-code pages, the exception handler) has nothing to write
/// with: an empty 500, or a <c>text/plain</c> line. This API has no other error format to offer, and an
/// error the client can parse beats a 406 about an error.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";
    public const string JsonContentType = "application/json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        context.ProblemDetails.Status ??= response.StatusCode;
        // The result's constructor fills in the RFC 9110 type and title for the status, as the framework's writer does.
        _ = TypedResults.Problem(context.ProblemDetails);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation) CapErrors(validation);
        await response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: ContentType, context.HttpContext.RequestAborted);
    }

    /// <summary>
    /// Every validation problem, whoever made it, lists at most <see cref="FieldErrors.Max"/> messages and says how many
    /// there were (<c>errorCount</c>; a producer that capped its errors earlier passes its own count in that extension).
    /// </summary>
    private static void CapErrors(HttpValidationProblemDetails problem)
    {
        var known = problem.Extensions.TryGetValue(FieldErrors.CountName, out var given) && given is int count ? count : 0;
        var (errors, total) = FieldErrors.Cap(problem.Errors, known);
        problem.Errors.Clear();
        foreach (var (field, messages) in errors) problem.Errors[field] = messages;
        problem.Extensions[FieldErrors.CountName] = total;
    }
}

internal static class ProblemJson
{
    private static readonly Dictionary<int, string> UntypedStatuses = new()
    {
        [StatusCodes.Status413PayloadTooLarge] = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        [StatusCodes.Status429TooManyRequests] = "https://tools.ietf.org/html/rfc6585#section-4",
    };

    /// <summary>Problem details, written by <see cref="ProblemJsonWriter"/> only.</summary>
    public static IServiceCollection AddProblemJson(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // A 415 without a detail comes from the framework's JSON binder; endpoints that take another type say so themselves.
            if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                problem.Detail ??= $"Send the body as {ProblemJsonWriter.JsonContentType} (Content-Type: {ProblemJsonWriter.JsonContentType}).";
            }
            // The framework types the RFC 9110 statuses it knows; these it does not.
            if (problem.Type is null && problem.Status is { } status && UntypedStatuses.TryGetValue(status, out var type))
            {
                problem.Type = type;
            }
        });
        services.RemoveAll<IProblemDetailsWriter>();
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        return services;
    }
}

using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// A problem-details answer whose status is part of its type, so that a handler's <c>Results&lt;…&gt;</c> names it and the
/// OpenAPI document lists it (ProblemDetails as <c>application/problem+json</c>) without a hand-written
/// <c>.ProducesProblem(…)</c>. It writes through <see cref="ProblemHttpResult"/>, so the body, the content type and the
/// <c>type</c> and <c>traceId</c> fields are those of every other problem. (The framework's <c>NotFound&lt;ProblemDetails&gt;</c>
/// writes plain <c>application/json</c> and skips the problem-details service.) A new status is one subclass that
/// declares itself in <c>PopulateMetadata</c>, as <see cref="NotFoundProblem"/> does.
/// </summary>
internal abstract class TypedProblem(ProblemHttpResult problem) : IResult, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>, IValueHttpResult
{
    public ProblemDetails Value => problem.ProblemDetails;

    object? IValueHttpResult.Value => problem.ProblemDetails;

    public int? StatusCode => problem.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    /// <summary>Declares the answer: this status, a ProblemDetails body, as application/problem+json.</summary>
    protected static void Declare(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>404 with a ProblemDetails body.</summary>
internal sealed class NotFoundProblem : TypedProblem, IEndpointMetadataProvider
{
    private NotFoundProblem(ProblemHttpResult problem)
        : base(problem)
    {
    }

    public static NotFoundProblem Of(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        new(TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail, extensions: extensions));

    /// <summary>The 404 for an id that names no <paramref name="what"/> (of a kind without suggestions, e.g. a relationship).</summary>
    public static NotFoundProblem NoSuch(string what, string id) =>
        Of($"{what} not found.", $"There is no {what.ToLowerInvariant()} with id '{id}'.");

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status404NotFound);
}

using System.Reflection;
using DiplomacyGraph.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace DiplomacyGraph.Api.Common;

// Typed problem results for the statuses a handler answers besides success, so that its Results<…> names them and the
// OpenAPI document learns them from it (IEndpointMetadataProvider) instead of from hand-written .ProducesProblem calls.
// Each writes through the problem details service, like every other problem of this API (application/problem+json,
// the RFC 9110 type, the trace id). The framework's NotFound<ProblemDetails> and Conflict<ProblemDetails> would write and
// declare plain application/json. A new status is one more subclass that declares itself in PopulateMetadata.

/// <summary>A problem with a fixed status; each kind declares it to OpenAPI as <c>.ProducesProblem(status)</c> would.</summary>
public abstract class ProblemResult(ProblemHttpResult problem) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public int? StatusCode => problem.StatusCode;

    public ProblemDetails Value => problem.ProblemDetails;

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    protected static void Declare(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>A 404 problem: an id names nothing (with suggestions where <see cref="Misses"/> builds it).</summary>
public sealed class NotFoundProblem : ProblemResult, IEndpointMetadataProvider
{
    private NotFoundProblem(ProblemHttpResult problem) : base(problem)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, Status);

    private static int Status => StatusCodes.Status404NotFound;

    public static NotFoundProblem Of(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        new(TypedResults.Problem(statusCode: Status, title: title, detail: detail, extensions: extensions));

    /// <summary>The 404 for an id that names no <paramref name="what"/> (of a kind without suggestions, e.g. a relationship).</summary>
    public static NotFoundProblem NoSuch(string what, string id) =>
        Of($"{what} not found.", $"There is no {what.ToLowerInvariant()} with id '{id}'.");
}

/// <summary>A 409 problem: the id is taken, or the resource is still in use.</summary>
public sealed class ConflictProblem : ProblemResult, IEndpointMetadataProvider
{
    private ConflictProblem(ProblemHttpResult problem) : base(problem)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, Status);

    private static int Status => StatusCodes.Status409Conflict;

    /// <summary>The title of a write refused for an id that is taken; the bulk import's per-line errors say the same.</summary>
    public const string IdTakenTitle = "The id is taken.";

    /// <summary>The write's id conflicts, listed in the <c>conflicts</c> extension.</summary>
    public static ConflictProblem IdTaken(WriteOutcome.Conflict conflict) =>
        new(TypedResults.Problem(statusCode: Status, title: IdTakenTitle, detail: conflict.Detail,
            extensions: new Dictionary<string, object?> { ["conflicts"] = conflict.Conflicts }));

    /// <summary>The resource cannot go while something depends on it.</summary>
    public static ConflictProblem InUse(string title, string detail) => new(TypedResults.Problem(statusCode: Status, title: title, detail: detail));
}

/// <summary>A 422 problem: the write is well formed, but refers to ids the graph does not hold or joins nodes its type cannot join.</summary>
public sealed class UnprocessableProblem : ProblemResult, IEndpointMetadataProvider
{
    private UnprocessableProblem(ProblemHttpResult problem) : base(problem)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, Status);

    private static int Status => StatusCodes.Status422UnprocessableEntity;

    public const string UnknownTitle = "The request refers to ids the graph does not hold.";

    public const string MismatchTitle = "The relationship does not fit the nodes it joins.";

    /// <summary>The unknown ids, listed in the <c>unknownIds</c> extension.</summary>
    public static UnprocessableProblem Unknown(WriteOutcome.UnknownReferences unknown) =>
        new(TypedResults.Problem(statusCode: Status, title: UnknownTitle, detail: unknown.Detail,
            extensions: new Dictionary<string, object?> { ["unknownIds"] = unknown.Ids }));

    /// <summary>A request that cannot be carried out as asked, for the reason <paramref name="detail"/> gives.</summary>
    public static UnprocessableProblem Of(string title, string detail) => new(TypedResults.Problem(statusCode: Status, title: title, detail: detail));

    /// <summary>What does not fit, listed in the <c>problems</c> extension.</summary>
    public static UnprocessableProblem Mismatch(WriteOutcome.EndpointMismatch mismatch) =>
        new(TypedResults.Problem(statusCode: Status, title: MismatchTitle, detail: mismatch.Detail,
            extensions: new Dictionary<string, object?> { ["problems"] = mismatch.Problems }));
}

/// <summary>A 415 problem: the body comes as a content type the endpoint does not read.</summary>
public sealed class UnsupportedMediaTypeProblem : ProblemResult, IEndpointMetadataProvider
{
    private UnsupportedMediaTypeProblem(ProblemHttpResult problem) : base(problem)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, Status);

    private static int Status => StatusCodes.Status415UnsupportedMediaType;

    /// <summary>The body must come as <paramref name="contentType"/>.</summary>
    public static UnsupportedMediaTypeProblem Expecting(string what, string contentType) =>
        new(TypedResults.Problem(statusCode: Status, title: "Unsupported content type.", detail: $"Send {what} with Content-Type: {contentType}."));
}

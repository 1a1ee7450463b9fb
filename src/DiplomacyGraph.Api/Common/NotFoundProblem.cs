using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace DiplomacyGraph.Api.Common;

/// <summary>
/// A 404 problem that a write handler's <c>Results&lt;…&gt;</c> can name (see <see cref="ProblemResult"/>);
/// its body is that of <see cref="Infrastructure.Problems.NotFound"/>.
/// </summary>
public sealed class NotFoundProblem : ProblemResult, IEndpointMetadataProvider
{
    private NotFoundProblem(ProblemHttpResult problem) : base(problem)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, Status);

    private static int Status => StatusCodes.Status404NotFound;

    /// <summary>There is no <paramref name="what"/> with this id.</summary>
    public static NotFoundProblem Of(string what, string id) => new(Infrastructure.Problems.NotFound(what, id));
}

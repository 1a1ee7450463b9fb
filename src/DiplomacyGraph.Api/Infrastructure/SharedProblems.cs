namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// The answers every store-backed operation shares, declared once on its group: 400 for a parameter or body that breaks a
/// rule (its <c>errors</c> name each field), 503 while the store is unreachable, 500 for our own bugs. What else an
/// operation answers, its handler's <c>Results&lt;…&gt;</c> type says (<c>Common/ProblemResults.cs</c>). 429 (and 400 where a group
/// does not use this) is added to every operation, with its Retry-After header, by the <see cref="ValidatedParameters"/>
/// document filter.
/// </summary>
internal static class SharedProblems
{
    public static RouteGroupBuilder WithSharedProblems(this RouteGroupBuilder group) =>
        group.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}

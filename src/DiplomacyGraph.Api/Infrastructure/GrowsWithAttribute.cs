namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// A list answer without a cap, and what it grows with (<c>sources</c>, <c>source</c>): written as
/// <see cref="GrowingLists.Extension"/>. On a DTO property it marks that list; on a DTO class, every list of it; on an
/// endpoint handler, its 200 answers' schemas. Spectral's array-limit rule requires <c>maxItems</c> on every list not marked.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class GrowsWithAttribute(string what) : Attribute
{
    public string What { get; } = what;
}

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// The most items a list answer holds, declared beside the list: on a DTO property, the <c>maxItems</c> of that list in
/// the OpenAPI document; on an endpoint class, the cut of every capped list (<c>{items, limit, truncated}</c>) its endpoints
/// answer. <see cref="ValidatedSchemas"/> reads both.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = false)]
internal sealed class ListCapAttribute(int maxItems) : Attribute
{
    public int MaxItems { get; } = maxItems;
}

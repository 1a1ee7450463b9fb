namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>What the validators enforce on one field.</summary>
internal sealed record FieldRules(
    int? MinLength = null, int? MaxLength = null, string? Pattern = null, IReadOnlyList<string>? Enum = null,
    decimal? Minimum = null, decimal? Maximum = null, int? MaxItems = null, int? MaxItemLength = null, bool Required = false)
{
    public bool IsEmpty => this == new FieldRules();
}

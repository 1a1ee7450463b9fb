using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using FluentValidation.Validators;

namespace DiplomacyGraph.Format;

/// <summary>
/// A value from a fixed set. A property validator of its own, not a <c>Must</c>, so that the OpenAPI
/// document can read the set and state it as an <c>enum</c>: one source for the rule and its description.
/// </summary>
public sealed class OneOfValidator<T, TProperty>(IEnumerable<string> allowed, bool nullAllowed) : PropertyValidator<T, TProperty>, IAllowedValues
{
    private readonly HashSet<string> set = new(allowed, StringComparer.Ordinal);

    /// <summary>The allowed values, in ordinal order.</summary>
    public IReadOnlyList<string> Allowed => [.. set.Order(StringComparer.Ordinal)];

    public override string Name => "OneOfValidator";

    public override bool IsValid(ValidationContext<T> context, TProperty value) =>
        value is string s ? set.Contains(s) : value is null && nullAllowed;

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        $"'{{PropertyName}}' must be one of: {string.Join(", ", Allowed)}.";
}

/// <summary>
/// A list with at most <see cref="MaxItems"/> entries; with <see cref="MaxItemLength"/>, of non-blank strings
/// no longer than that. Readable by the OpenAPI document (<c>maxItems</c>, the items' <c>maxLength</c>).
/// </summary>
public sealed class MaxItemsValidator<T, TItem>(int maxItems, int? maxItemLength = null) : PropertyValidator<T, IReadOnlyList<TItem>>, IListLimit
{
    public int MaxItems => maxItems;

    public int? MaxItemLength => maxItemLength;

    public override string Name => "MaxItemsValidator";

    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<TItem> value) =>
        value is null || (value.Count <= maxItems && (maxItemLength is not { } max || value.All(i => i is string s && !string.IsNullOrWhiteSpace(s) && s.Length <= max)));

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        $"'{{PropertyName}}' must not hold more than {maxItems} items.";
}

/// <summary>A rule that allows only listed values; the OpenAPI document states them as an <c>enum</c>.</summary>
public interface IAllowedValues
{
    IReadOnlyList<string> Allowed { get; }
}

/// <summary>A rule that caps a list; the OpenAPI document states it as <c>maxItems</c>.</summary>
public interface IListLimit
{
    int MaxItems { get; }

    int? MaxItemLength { get; }
}

using System.Globalization;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Api.Common;

/// <summary>Rules that several request validators share.</summary>
internal static class RequestRules
{
    public static IRuleBuilderOptions<T, int?> PageNumber<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Paging.MaxPage);

    public static IRuleBuilderOptions<T, int?> PageSize<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Paging.MaxPageSize);

    public static IRuleBuilderOptions<T, string?> NodeId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(KnowledgeDocumentValidator.MaxIdLength)
            .Matches(KnowledgeDocumentValidator.IdPattern).WithMessage("'{PropertyName}' must be an id such as 'gustavo-petro'.");

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IEnumerable<string> allowed) =>
        rule.SetValidator(new OneOfValidator<T, string?>(allowed, nullAllowed: true));

    /// <summary>A real calendar date, yyyy-MM-dd. Length and pattern come first so that the OpenAPI document can state them.</summary>
    public static IRuleBuilderOptions<T, string?> IsoDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(10).WithMessage(IsoDateMessage)
            .Configure(r => r.CascadeMode = CascadeMode.Stop)
            .Matches(@"^\d{4}-\d{2}-\d{2}$").WithMessage(IsoDateMessage)
            .Must(v => v is null || DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .WithMessage(IsoDateMessage);

    private const string IsoDateMessage = "'{PropertyName}' must be a date in ISO-8601 form, yyyy-MM-dd.";

    /// <summary>from must not come after to, when both are set and valid.</summary>
    public static void DateRange<T>(this AbstractValidator<T> validator, Func<T, string?> from, Func<T, string?> to) =>
        validator.RuleFor(r => from(r)).Must((r, f) => string.CompareOrdinal(f, to(r)) <= 0)
            .OverridePropertyName("from")
            .WithMessage("'from' must not be after 'to'.")
            .When(r => from(r) is { Length: 10 } && to(r) is { Length: 10 });
}

/// <summary>
/// The ids and the relationship type a URL path carries (<c>/api/actors/{id}</c>, <c>/api/relationships/{from}/{type}/{to}</c>).
/// The validation filter checks them like any other input, and the OpenAPI document states the same rules.
/// </summary>
internal sealed record PathValues
{
    public string? Id { get; init; }
    public string? From { get; init; }
    public string? Type { get; init; }
    public string? To { get; init; }

    /// <summary>The handler parameters that are path values, by name.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { "id", "from", "type", "to" };

    public static PathValues Of(IReadOnlyDictionary<string, string?> values) => new()
    {
        Id = values.GetValueOrDefault("id"),
        From = values.GetValueOrDefault("from"),
        Type = values.GetValueOrDefault("type"),
        To = values.GetValueOrDefault("to"),
    };
}

internal sealed class PathValuesValidator : AbstractValidator<PathValues>
{
    public PathValuesValidator()
    {
        RuleFor(p => p.Id).NodeId();
        RuleFor(p => p.From).NodeId();
        RuleFor(p => p.To).NodeId();
        RuleFor(p => p.Type).OneOf(RelationshipTypes.ByType.Keys);
    }
}

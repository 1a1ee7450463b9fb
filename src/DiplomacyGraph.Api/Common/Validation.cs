using System.Globalization;
using DiplomacyGraph.Storage.Knowledge;
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
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("'{PropertyName}' must be an id such as 'gustavo-petro'.");

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IEnumerable<string> allowed)
    {
        var set = allowed.ToHashSet(StringComparer.Ordinal);
        return rule.Must(v => v is null || set.Contains(v))
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", set.Order(StringComparer.Ordinal))}.");
    }

    public static IRuleBuilderOptions<T, string?> IsoDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .WithMessage("'{PropertyName}' must be a date in ISO-8601 form, yyyy-MM-dd.");

    /// <summary>from must not come after to, when both are set and valid.</summary>
    public static void DateRange<T>(this AbstractValidator<T> validator, Func<T, string?> from, Func<T, string?> to) =>
        validator.RuleFor(r => from(r)).Must((r, f) => string.CompareOrdinal(f, to(r)) <= 0)
            .OverridePropertyName("from")
            .WithMessage("'from' must not be after 'to'.")
            .When(r => from(r) is { Length: 10 } && to(r) is { Length: 10 });
}

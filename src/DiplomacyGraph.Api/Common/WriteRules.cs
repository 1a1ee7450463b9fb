using FluentValidation;

namespace DiplomacyGraph.Api.Common;

/// <summary>
/// The rule a write body adds to its record's rules: it names the source of its evidence. Each write validator
/// derives from its record's rules (<c>ActorRules&lt;ActorWrite&gt;</c> …) rather than including them, so that the
/// OpenAPI document reads every rule off the write type's own validator.
/// </summary>
internal static class WriteRules
{
    public static IRuleBuilderOptions<T, string> SourceId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("'{PropertyName}' must be the id of a source, such as 'vermelho-2026-02-04-petro-trump'.");
}

using System.Text.RegularExpressions;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Format;

/// <summary>The rules PLOVER's registry (<see cref="Plover"/>) sets on events and statements, shared by documents and write bodies.</summary>
public static partial class PloverRules
{
    /// <summary>The most contexts of an event: the manual has 37 general and 4 auxiliary ones.</summary>
    public const int MaxContexts = 50;

    /// <summary>The longest original kind or mode kept: older drafts' values are single words or short phrases.</summary>
    public const int MaxOriginalLength = 100;

    /// <summary>A CAMEO event code (GDELT's EventCode): two to four digits, such as <c>042</c>.</summary>
    [GeneratedRegex(@"^\d{2,4}$")]
    public static partial Regex CameoCode();

    /// <summary>A lower-case ISO 3166-1 alpha-2 code, as places give their country.</summary>
    [GeneratedRegex("^[a-z]{2}$")]
    public static partial Regex Alpha2();

    /// <summary>
    /// A mode is one of its kind's modes in the current manual: none is allowed for a type without modes or for TRAVEL,
    /// and none without a kind. The message names the allowed modes, so a client can correct the value.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> PloverMode<T>(this IRuleBuilder<T, string?> rule, Func<T, string?> kind) =>
        rule.Custom((mode, context) =>
        {
            if (mode is null) return;
            var of = kind(context.InstanceToValidate);
            if (of is null)
            {
                context.AddFailure("'mode' needs a 'kind': a mode is one of a PLOVER type's modes.");
            }
            else if (Plover.TypesByName.TryGetValue(of, out var type))
            {
                if (type.HasMode(mode)) return;
                context.AddFailure(type.Modes.Count == 0
                    ? $"PLOVER type {of} has no modes; leave 'mode' out."
                    : $"'mode' must be one of {of}'s modes: {string.Join(", ", type.Modes.Select(m => m.Name))}.");
            }
            else if (of == EventKinds.Travel)
            {
                context.AddFailure($"{EventKinds.Travel} has no modes (it is not a PLOVER type); leave 'mode' out.");
            }
            // An unknown kind is reported by the kind's own rule.
        });
}

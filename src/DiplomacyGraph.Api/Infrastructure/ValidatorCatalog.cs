using System.Globalization;
using System.Reflection;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Every FluentValidation validator of the API and the storage format, by the type it validates, read as
/// limits per field. The OpenAPI document takes its limits from here, so the rules are written once, in the validators.
/// </summary>
internal static class ValidatorCatalog
{
    private static readonly Dictionary<Type, IValidator> Validators = Load();

    private static Dictionary<Type, IValidator> Load()
    {
        ValidationConventions.Apply();
        return new[] { typeof(Program).Assembly, typeof(KnowledgeDocumentValidator).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, ContainsGenericParameters: false } && typeof(IValidator).IsAssignableFrom(t)
                && t.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is not null)
            .Select(t => (Validated: ValidatedType(t), Type: t))
            .Where(v => v.Validated is not null)
            .GroupBy(v => v.Validated!)
            .ToDictionary(g => g.Key, g => (IValidator)Activator.CreateInstance(g.First().Type, nonPublic: true)!);
    }

    private static Type? ValidatedType(Type validator)
    {
        for (var t = validator; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>)) return t.GetGenericArguments()[0];
        }
        return null;
    }

    public static bool Validates(Type type) => Hierarchy(type).Any(Validators.ContainsKey);

    /// <summary>The rules on one property of a type, its base types' validators included; a validator's own rules include those of its base classes (a write body's validator derives from its record's rules, e.g. <c>ActorRules&lt;ActorWrite&gt;</c>), but not those it <c>Include</c>s.</summary>
    public static FieldRules For(Type type, string property)
    {
        var rules = new FieldRules();
        foreach (var validator in Hierarchy(type).Select(t => Validators.GetValueOrDefault(t)).OfType<IValidator>())
        {
            foreach (var rule in ((IEnumerable<IValidationRule>)validator).Where(r => r is not IIncludeRule
                && string.Equals(r.PropertyName, property, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var component in rule.Components)
                {
                    rules = Add(rules, component);
                }
            }
        }
        return rules;
    }

    private static FieldRules Add(FieldRules rules, IRuleComponent component)
    {
        var unconditional = !component.HasCondition && !component.HasAsyncCondition;
        return component.Validator switch
        {
            ILengthValidator { Max: > 0 } length => rules with
            {
                MaxLength = Math.Min(rules.MaxLength ?? int.MaxValue, length.Max),
                MinLength = length.Min > 0 ? Math.Max(rules.MinLength ?? 0, length.Min) : rules.MinLength,
            },
            IRegularExpressionValidator regex => rules with { Pattern = regex.Expression },
            IBetweenValidator between => rules with
            {
                Minimum = Convert.ToDecimal(between.From, CultureInfo.InvariantCulture),
                Maximum = Convert.ToDecimal(between.To, CultureInfo.InvariantCulture),
            },
            IAllowedValues allowed => rules with { Enum = allowed.Allowed },
            IListLimit list => rules with { MaxItems = list.MaxItems, MaxItemLength = list.MaxItemLength ?? rules.MaxItemLength },
            INotEmptyValidator => rules with { MinLength = Math.Max(rules.MinLength ?? 0, 1), Required = rules.Required || unconditional },
            INotNullValidator => rules with { Required = rules.Required || unconditional },
            _ => rules,
        };
    }

    private static IEnumerable<Type> Hierarchy(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType) yield return t;
    }
}

using System.Text.RegularExpressions;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Format;

/// <summary>Rules every knowledge document obeys, whether it comes from the seed folder or an import.</summary>
public sealed partial class KnowledgeDocumentValidator : AbstractValidator<KnowledgeDocument>
{
    public const int MaxItemsPerSection = 5000;
    public const int MaxIdLength = 120;
    public const int MaxTextLength = 4000;

    public KnowledgeDocumentValidator()
    {
        RuleFor(d => d.Source).NotNull().SetValidator(new SourceValidator());

        foreach (var section in DocumentSections.All) section.AddRules(this);
        Section(d => d.Relationships, new RelationshipValidator());
        Section(d => d.Judgements, new JudgementValidator());

        RuleFor(d => d).Custom(CheckIdsAndEndpoints);
    }

    internal void Section<T>(System.Linq.Expressions.Expression<Func<KnowledgeDocument, IReadOnlyList<T>>> section, IValidator<T> item)
    {
        RuleFor(section).NotNull().SetValidator(new MaxItemsValidator<KnowledgeDocument, T>(MaxItemsPerSection));
        var each = System.Linq.Expressions.Expression.Lambda<Func<KnowledgeDocument, IEnumerable<T>>>(section.Body, section.Parameters);
        RuleForEach(each).NotNull().SetValidator(item);
    }

    /// <summary>Ids are unique across the document; relationships join nodes whose labels their type allows.</summary>
    private static void CheckIdsAndEndpoints(KnowledgeDocument document, ValidationContext<KnowledgeDocument> context)
    {
        var labels = new Dictionary<string, NodeLabel>(StringComparer.Ordinal);
        if (document.Source?.Id is { } sourceId)
        {
            labels[sourceId] = NodeLabel.Source;
        }
        foreach (var section in DocumentSections.All)
        {
            var i = 0;
            foreach (var key in section.Ids(document))
            {
                if (key is not null && !labels.TryAdd(key, section.Kind.Label))
                {
                    context.AddFailure($"{section.Name}[{i}].id", $"Id '{key}' is used more than once in the document.");
                }
                i++;
            }
        }

        var kinds = (document.Actors ?? []).Where(a => a?.Id is not null).GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (document.Relationships?.Count ?? 0); i++)
        {
            var r = document.Relationships![i];
            if (r?.Type is null || !RelationshipTypes.ByType.TryGetValue(r.Type, out var rule)) continue;
            // A symmetric relationship given both ways is the same relationship twice.
            var (first, second) = r.From is null || r.To is null ? (r.From, r.To) : RelationshipTypes.Canonical(r.Type, r.From, r.To, r.Properties ?? new Dictionary<string, string>());
            if (!seen.Add($"{first}:{r.Type}:{second}"))
            {
                context.AddFailure($"relationships[{i}]", $"The relationship {r.From} -{r.Type}-> {r.To} appears more than once.");
            }
            // Ids the document does not declare are resolved against the store when it is imported.
            if (r.From is not null && labels.TryGetValue(r.From, out var from) && !rule.From.Contains(from))
            {
                context.AddFailure($"relationships[{i}].from", $"{r.Type} cannot start at {from} '{r.From}'; it starts at {string.Join(" or ", rule.From)}.");
            }
            if (r.To is not null && labels.TryGetValue(r.To, out var to) && !rule.To.Contains(to))
            {
                context.AddFailure($"relationships[{i}].to", $"{r.Type} cannot end at {to} '{r.To}'; it ends at {string.Join(" or ", rule.To)}.");
            }
            if (rule.PersonsOnly)
            {
                foreach (var (end, id) in new[] { ("from", r.From), ("to", r.To) })
                {
                    if (id is not null && kinds.TryGetValue(id, out var kind) && kind != ActorKinds.Person)
                    {
                        context.AddFailure($"relationships[{i}].{end}", $"{r.Type} joins persons; '{id}' is of kind {kind}.");
                    }
                }
            }
        }
    }

    /// <summary>What every id looks like: a lowercase slug such as <c>gustavo-petro</c>.</summary>
    public const string IdPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    [GeneratedRegex(IdPattern)]
    internal static partial Regex Slug();

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    internal static partial Regex PartialDate();

    /// <summary>A FollowTheMoney topic code: <c>sanction</c>, <c>role.pep</c>, <c>export.control</c>.</summary>
    [GeneratedRegex(@"^[a-z0-9]+([._-][a-z0-9]+)*$")]
    public static partial Regex Topic();

    /// <summary>A lower-case country or territory code: ISO 3166-1 alpha-2 (<c>ru</c>), or FollowTheMoney's (<c>gb-nir</c>, <c>suhh</c>).</summary>
    [GeneratedRegex(@"^[a-z]{2,4}(-[a-z0-9]{1,4})?$")]
    public static partial Regex CountryCode();

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?$")]
    internal static partial Regex DateTime();
}

internal static class RuleExtensions
{
    /// <summary>The most items of a short list (an event's topics).</summary>
    public const int MaxNames = 50;
    public const int MaxAliases = ActorFieldLimits.MaxAliases;
    public const int MaxNameLength = 200;

    public static IRuleBuilderOptions<T, string> Id<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(KnowledgeDocumentValidator.MaxIdLength)
            .Matches(KnowledgeDocumentValidator.Slug()).WithMessage("'{PropertyName}' must be a lowercase slug such as 'gustavo-petro'.");

    public static IRuleBuilderOptions<T, string> Words<T>(this IRuleBuilder<T, string> rule, int max = 500) =>
        rule.NotEmpty().MaximumLength(max);

    public static IRuleBuilderOptions<T, string?> OptionalWords<T>(this IRuleBuilder<T, string?> rule, int max = KnowledgeDocumentValidator.MaxTextLength) =>
        rule.MaximumLength(max).Must(s => s is null || !string.IsNullOrWhiteSpace(s)).WithMessage("'{PropertyName}' must not be blank; leave it out instead.");

    public static IRuleBuilderOptions<T, string> OneOf<T>(this IRuleBuilder<T, string> rule, IReadOnlySet<string> allowed) =>
        rule.NotEmpty().SetValidator(new OneOfValidator<T, string>(allowed, nullAllowed: false));

    public static IRuleBuilderOptions<T, string?> PartialDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(KnowledgeDocumentValidator.PartialDate())
            .WithMessage("'{PropertyName}' must be an ISO-8601 date: yyyy-MM-dd, yyyy-MM or yyyy.");

    public static IRuleBuilderOptions<T, string?> DateTime<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(KnowledgeDocumentValidator.DateTime())
            .WithMessage("'{PropertyName}' must be an ISO-8601 date or local date-time: yyyy-MM-dd or yyyy-MM-ddTHH:mm.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> Names<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule, int max = MaxNames) =>
        rule.NotNull().SetValidator(new MaxItemsValidator<T, string>(max, MaxNameLength))
            .WithMessage($"'{{PropertyName}}' must hold at most {max} non-blank names of at most {MaxNameLength} characters.");

    /// <summary>A list of at most <paramref name="max"/> codes, each matching <paramref name="pattern"/> (described by <paramref name="example"/>).</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> Codes<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule, int max, int maxLength, Regex pattern, string example) =>
        rule.NotNull().SetValidator(new MaxItemsValidator<T, string>(max, maxLength))
            .WithMessage($"'{{PropertyName}}' must hold at most {max} codes of at most {maxLength} characters.")
            .Must(codes => codes is null || codes.All(c => c is not null && pattern.IsMatch(c)))
            .WithMessage($"'{{PropertyName}}' must hold codes such as {example}.");

    public static IRuleBuilderOptions<T, string> Evidence<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Every fact needs its evidence: the sentence of the source that supports it.")
            .MaximumLength(KnowledgeDocumentValidator.MaxTextLength);
}

public sealed class SourceValidator : SourceRules<SourceRecord>;

/// <summary>The rules of a source's fields, for the document's record and the API's write body alike.</summary>
public abstract class SourceRules<T> : AbstractValidator<T> where T : ISourceFields
{
    protected SourceRules()
    {
        RuleFor(s => s.Id).Id();
        RuleFor(s => s.Title).Words();
        RuleFor(s => s.Outlet).Words(200);
        RuleFor(s => s.Url).OptionalWords(2000)
            .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            .WithMessage("'{PropertyName}' must be an absolute http(s) URL.");
        RuleFor(s => s.Published).NotEmpty().DateTime();
        RuleFor(s => s.Edited).DateTime();
        RuleFor(s => s.Language).OptionalWords(20);
        RuleFor(s => s.File).OptionalWords(300);
        RuleFor(s => s.Provenance!).OneOf(SourceProvenance.All).When(s => s.Provenance is not null);
    }
}

public sealed class ActorValidator : ActorRules<ActorRecord>;

/// <summary>The rules of an actor's fields, for the document's record and the API's write body alike.</summary>
public abstract class ActorRules<T> : AbstractValidator<T> where T : IActorFields
{
    protected ActorRules()
    {
        RuleFor(a => a.Id).Id();
        RuleFor(a => a.Kind).OneOf(ActorKinds.All);
        RuleFor(a => a.Name).Words(200);
        RuleFor(a => a.Aliases).Names(RuleExtensions.MaxAliases);
        RuleFor(a => a.WeakAliases).Names(RuleExtensions.MaxAliases);
        RuleFor(a => a.Description).OptionalWords();
        RuleFor(a => a.Topics).Codes(ActorFieldLimits.MaxTopics, 50, KnowledgeDocumentValidator.Topic(), "'sanction' or 'role.pep'");
        RuleFor(a => a.Identifiers).NotNull().SetValidator(new MaxItemsValidator<T, IdentifierRecord>(ActorFieldLimits.MaxIdentifiers));
        RuleForEach(a => a.Identifiers).NotNull().SetValidator(new IdentifierValidator());
        RuleFor(a => a.BirthDate).PartialDate();
        RuleFor(a => a.BirthPlace).OptionalWords(500);
        RuleFor(a => a.Gender).OptionalWords(50);
        RuleFor(a => a.Nationalities).Codes(ActorFieldLimits.MaxNationalities, 10, KnowledgeDocumentValidator.CountryCode(), "'ru' or 'gb-nir'");
        RuleFor(a => a.Referents).Codes(ActorFieldLimits.MaxReferents, KnowledgeDocumentValidator.MaxIdLength, KnowledgeDocumentValidator.Slug(), "'ftm-nk-abc'");
        RuleFor(a => a.Evidence).Evidence();
    }
}

/// <summary>The caps of an actor's list fields (aliases: <see cref="RuleExtensions.MaxAliases"/>).</summary>
public static class ActorFieldLimits
{
    /// <summary>The most aliases (and weak aliases) of an actor or place: real sanctions entries carry hundreds of spellings.</summary>
    public const int MaxAliases = 500;
    public const int MaxTopics = 100;
    public const int MaxIdentifiers = 500;
    public const int MaxNationalities = 300;
    /// <summary>Entities merged from many lists replace hundreds of ids.</summary>
    public const int MaxReferents = 1000;
}

/// <summary>An identifier: a scheme slug, a value, and the issuing country's code where known.</summary>
public sealed class IdentifierValidator : AbstractValidator<IdentifierRecord>
{
    public IdentifierValidator()
    {
        RuleFor(i => i.Scheme).NotEmpty().MaximumLength(40).Matches(KnowledgeDocumentValidator.Slug())
            .WithMessage("'{PropertyName}' must be a lowercase scheme such as 'passport' or 'inn'.");
        RuleFor(i => i.Value).Words(200);
        RuleFor(i => i.Country).MaximumLength(10).Matches(KnowledgeDocumentValidator.CountryCode())
            .WithMessage("'{PropertyName}' must be a lower-case country code such as 'ru' or 'gb-nir'.");
    }
}

public sealed class PlaceValidator : AbstractValidator<PlaceRecord>
{
    public PlaceValidator()
    {
        RuleFor(p => p.Id).Id();
        RuleFor(p => p.Name).Words(200);
        RuleFor(p => p.Aliases).Names(RuleExtensions.MaxAliases);
        RuleFor(p => p.Description).OptionalWords();
        RuleFor(p => p.Latitude).InclusiveBetween(-90.0, 90.0);
        RuleFor(p => p.Longitude).InclusiveBetween(-180.0, 180.0);
        RuleFor(p => p.Country).MaximumLength(2).Matches(PloverRules.Alpha2()).WithMessage("'{PropertyName}' must be a lower-case ISO 3166-1 alpha-2 code such as 'co'.");
        RuleFor(p => p.Evidence).Evidence();
    }
}

public sealed class EventValidator : EventRules<EventRecord>;

/// <summary>The rules of an event's fields, for the document's record and the API's write body alike.</summary>
public abstract class EventRules<T> : AbstractValidator<T> where T : IEventFields
{
    protected EventRules()
    {
        RuleFor(e => e.Id).Id();
        RuleFor(e => e.Kind).OneOf(EventKinds.All);
        RuleFor(e => e.Mode).PloverMode(e => e.Kind);
        RuleFor(e => e.Title).Words();
        RuleFor(e => e.Date).PartialDate();
        RuleFor(e => e.Description).OptionalWords();
        RuleFor(e => e.Outcome).OptionalWords();
        RuleFor(e => e.Topics).Names();
        RuleFor(e => e.Contexts).Names(PloverRules.MaxContexts);
        RuleForEach(e => e.Contexts).SetValidator(new OneOfValidator<T, string>(Plover.Contexts.Select(c => c.Name), nullAllowed: false))
            .When(e => e.Contexts is not null);
        RuleFor(e => e.EndDate).PartialDate();
        RuleFor(e => e.EndDate).Must((e, end) => e.Date is null || !KnowledgeDocumentValidator.PartialDate().IsMatch(e.Date) || string.CompareOrdinal(e.Date, end + "~") <= 0)
            .When(e => e.EndDate is not null && KnowledgeDocumentValidator.PartialDate().IsMatch(e.EndDate))
            .WithMessage("'endDate' must not come before the event's 'date'.");
        RuleFor(e => e.Dead).GreaterThanOrEqualTo(0L);
        RuleFor(e => e.Injured).GreaterThanOrEqualTo(0L);
        RuleFor(e => e.Size).GreaterThanOrEqualTo(0L);
        RuleFor(e => e.OriginalKind).OptionalWords(PloverRules.MaxOriginalLength);
        RuleFor(e => e.OriginalMode).OptionalWords(PloverRules.MaxOriginalLength);
        RuleFor(e => e.OriginalContexts).Names(PloverRules.MaxContexts);
        RuleFor(e => e.CameoCode).Matches(PloverRules.CameoCode()).WithMessage("'{PropertyName}' must be a CAMEO event code: 2 to 4 digits, such as '042'.");
        RuleFor(e => e.GoldsteinScale).InclusiveBetween(-10.0, 10.0);
        RuleFor(e => e.AvgTone).InclusiveBetween(-100.0, 100.0);
        RuleFor(e => e.NumMentions).GreaterThanOrEqualTo(0L);
        RuleFor(e => e.NumSources).GreaterThanOrEqualTo(0L);
        RuleFor(e => e.NumArticles).GreaterThanOrEqualTo(0L);
        RuleFor(e => e.CameoQuadClass).InclusiveBetween(1, 4);
        RuleFor(e => e.Evidence).Evidence();
    }
}

public sealed class SanctionValidator : SanctionRules<SanctionRecord>;

/// <summary>The rules of a sanction's fields, for the document's record and the API's write body alike.</summary>
public abstract class SanctionRules<T> : AbstractValidator<T> where T : ISanctionFields
{
    protected SanctionRules()
    {
        RuleFor(s => s.Id).Id();
        RuleFor(s => s.Kind).OneOf(SanctionKinds.All);
        RuleFor(s => s.Description).Words(KnowledgeDocumentValidator.MaxTextLength);
        RuleFor(s => s.Date).PartialDate();
        RuleFor(s => s.Authority).OptionalWords(500);
        RuleFor(s => s.Program).OptionalWords(500);
        RuleFor(s => s.LegalBasis).OptionalWords(500);
        RuleFor(s => s.Listed).PartialDate();
        RuleFor(s => s.Start).PartialDate();
        RuleFor(s => s.Start).NotEmpty().When(s => s.StartInferred == true).WithMessage("'startInferred' says the start was inferred; give the inferred 'start'.");
        RuleFor(s => s.End).PartialDate();
        RuleFor(s => s.Status!).OneOf(SanctionStatuses.All).When(s => s.Status is not null);
        RuleFor(s => s.End).NotEmpty().When(s => s.Status is SanctionStatuses.Lifted or SanctionStatuses.Expired)
            .WithMessage(s => $"A {s.Status} sanction needs its 'end' date: when it was {s.Status}.");
        RuleFor(s => s.End).Must((s, end) => SanctionLifetimeRules.BeginsBeforeEnd(s, end!))
            .When(s => s.End is not null && KnowledgeDocumentValidator.PartialDate().IsMatch(s.End))
            .WithMessage("'end' must not come before the sanction's start (start, else listed, else date).");
        RuleFor(s => s.Evidence).Evidence();
    }
}

internal static class SanctionLifetimeRules
{
    public static bool BeginsBeforeEnd(ISanctionFields s, string end) =>
        (s.Start ?? s.Listed ?? s.Date) is not { } begin || !KnowledgeDocumentValidator.PartialDate().IsMatch(begin)
        || string.CompareOrdinal(begin, end + "~") <= 0;
}

public sealed class StatementValidator : StatementRules<StatementRecord>;

/// <summary>The rules of a statement's fields, for the document's record and the API's write body alike.</summary>
public abstract class StatementRules<T> : AbstractValidator<T> where T : IStatementFields
{
    protected StatementRules()
    {
        RuleFor(s => s.Id).Id();
        RuleFor(s => s.Text).Words(KnowledgeDocumentValidator.MaxTextLength);
        RuleFor(s => s.Quote).OptionalWords();
        RuleFor(s => s.Medium).OneOf(StatementMedia.All);
        RuleFor(s => s.Kind!).OneOf(EventKinds.Plover).When(s => s.Kind is not null);
        RuleFor(s => s.Mode).PloverMode(s => s.Kind);
        RuleFor(s => s.OriginalKind).OptionalWords(PloverRules.MaxOriginalLength);
        RuleFor(s => s.OriginalMode).OptionalWords(PloverRules.MaxOriginalLength);
        RuleFor(s => s.Date).PartialDate();
        RuleFor(s => s.Evidence).Evidence();
    }
}

public sealed class FigureValidator : AbstractValidator<FigureRecord>
{
    public FigureValidator()
    {
        RuleFor(f => f.Id).Id();
        RuleFor(f => f.Metric).Words();
        RuleFor(f => f.Value).Must(double.IsFinite).WithMessage("'{PropertyName}' must be a finite number.");
        RuleFor(f => f.Unit).Words(100);
        RuleFor(f => f.Period).OptionalWords(200);
        RuleFor(f => f.AsOf).PartialDate();
        RuleFor(f => f.Evidence).Evidence();
    }
}

public sealed class ProgramValidator : AbstractValidator<ProgramRecord>
{
    public ProgramValidator()
    {
        RuleFor(p => p.Id).Id();
        RuleFor(p => p.Name).Words(200);
        RuleFor(p => p.Description).Words(KnowledgeDocumentValidator.MaxTextLength);
        RuleFor(p => p.Evidence).Evidence();
    }
}

public sealed class RelationshipValidator : RelationshipRules<RelationshipRecord>;

/// <summary>The rules of a relationship's fields, for the document's record and the API's write body alike.</summary>
public abstract class RelationshipRules<T> : AbstractValidator<T> where T : IRelationshipFields
{
    protected RelationshipRules()
    {
        RuleFor(r => r.Type).OneOf(RelationshipTypes.ByType.Keys.ToHashSet(StringComparer.Ordinal));
        RuleFor(r => r.From).Id();
        RuleFor(r => r.To).Id();
        RuleFor(r => r).Must(r => r.From != r.To).WithName("to").WithMessage("A relationship cannot join a node to itself.")
            .When(r => r.From is not null);
        RuleFor(r => r.Properties).NotNull().Custom((properties, context) =>
        {
            var type = context.InstanceToValidate.Type;
            if (properties is null || type is null || !RelationshipTypes.ByType.TryGetValue(type, out var rule)) return;
            foreach (var (key, value) in properties)
            {
                if (!rule.Properties.Contains(key))
                {
                    var allowed = rule.Properties.Count == 0 ? "none" : string.Join(", ", rule.Properties.Order(StringComparer.Ordinal));
                    context.AddFailure($"properties.{key}", $"{type} has no property '{key}'; it allows: {allowed}.");
                }
                else if (string.IsNullOrWhiteSpace(value) || value.Length > 500)
                {
                    context.AddFailure($"properties.{key}", $"'{key}' must be a non-blank value of at most 500 characters.");
                }
                else if (rule.ValueLists.TryGetValue(key, out var allowedValues) && !allowedValues.Contains(value))
                {
                    context.AddFailure($"properties.{key}", $"{type}'s '{key}' must be one of: {string.Join(", ", allowedValues.Order(StringComparer.Ordinal))}.");
                }
                else if (key is "since" or "until" or "start" or "end" or "date" && !KnowledgeDocumentValidator.PartialDate().IsMatch(value))
                {
                    context.AddFailure($"properties.{key}", $"'{key}' must be an ISO-8601 date: yyyy-MM-dd, yyyy-MM or yyyy.");
                }
            }
            foreach (var key in rule.RequiredProperties.Where(k => !properties.ContainsKey(k)).Order(StringComparer.Ordinal))
            {
                context.AddFailure($"properties.{key}", $"{type} needs the property '{key}'.");
            }
        });
        RuleFor(r => r.Evidence).Evidence();
    }
}

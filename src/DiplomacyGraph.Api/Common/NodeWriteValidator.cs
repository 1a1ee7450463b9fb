using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Api.Common;

/// <summary>A node write body obeys its record's rules, and names the source of its evidence.</summary>
internal abstract class NodeWriteValidator<TWrite, TRecord> : AbstractValidator<TWrite>
    where TWrite : class, TRecord, INodeWrite
    where TRecord : class
{
    protected NodeWriteValidator(IValidator<TRecord> record)
    {
        Include(record);
        RuleFor(w => w.SourceId).SourceId();
    }
}

internal static class WriteRules
{
    public static IRuleBuilderOptions<T, string> SourceId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("'{PropertyName}' must be the id of a source, such as 'vermelho-2026-02-04-petro-trump'.");
}

using DiplomacyGraph.Storage.Knowledge;
using FluentValidation;

namespace DiplomacyGraph.Api.Common;

/// <summary>An actor to create or replace, with the source of its evidence.</summary>
public sealed record ActorWrite : ActorRecord, INodeWrite
{
    /// <summary>The id of the source the evidence comes from, e.g. <c>vermelho-2026-02-04-petro-trump</c>.</summary>
    public required string SourceId { get; init; }
}

/// <summary>An event to create or replace, with the source of its evidence.</summary>
public sealed record EventWrite : EventRecord, INodeWrite
{
    /// <summary>The id of the source the evidence comes from.</summary>
    public required string SourceId { get; init; }
}

/// <summary>A sanction to create or replace, with the source of its evidence.</summary>
public sealed record SanctionWrite : SanctionRecord, INodeWrite
{
    /// <summary>The id of the source the evidence comes from.</summary>
    public required string SourceId { get; init; }
}

/// <summary>A statement to create or replace, with the source of its evidence.</summary>
public sealed record StatementWrite : StatementRecord, INodeWrite
{
    /// <summary>The id of the source the evidence comes from.</summary>
    public required string SourceId { get; init; }
}

/// <summary>A source to create or replace.</summary>
public sealed record SourceWrite : SourceRecord, INodeWrite
{
    string INodeWrite.SourceId => Id;
}

/// <summary>A relationship to create, with the source of its evidence.</summary>
public sealed record RelationshipWrite : RelationshipRecord
{
    /// <summary>The id of the source the evidence comes from.</summary>
    public required string SourceId { get; init; }
}

internal sealed class ActorWriteValidator : AbstractValidator<ActorWrite>
{
    public ActorWriteValidator()
    {
        Include(new ActorValidator());
        RuleFor(w => w.SourceId).SourceId();
    }
}

internal sealed class EventWriteValidator : AbstractValidator<EventWrite>
{
    public EventWriteValidator()
    {
        Include(new EventValidator());
        RuleFor(w => w.SourceId).SourceId();
    }
}

internal sealed class SanctionWriteValidator : AbstractValidator<SanctionWrite>
{
    public SanctionWriteValidator()
    {
        Include(new SanctionValidator());
        RuleFor(w => w.SourceId).SourceId();
    }
}

internal sealed class StatementWriteValidator : AbstractValidator<StatementWrite>
{
    public StatementWriteValidator()
    {
        Include(new StatementValidator());
        RuleFor(w => w.SourceId).SourceId();
    }
}

internal sealed class SourceWriteValidator : AbstractValidator<SourceWrite>
{
    public SourceWriteValidator() => Include(new SourceValidator());
}

internal sealed class RelationshipWriteValidator : AbstractValidator<RelationshipWrite>
{
    public RelationshipWriteValidator()
    {
        Include(new RelationshipValidator());
        RuleFor(w => w.SourceId).SourceId();
    }
}

internal static class WriteRules
{
    public static IRuleBuilderOptions<T, string> SourceId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("'{PropertyName}' must be the id of a source, such as 'vermelho-2026-02-04-petro-trump'.");
}

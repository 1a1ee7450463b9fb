using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Timeline;

/// <summary>One dated event or statement on the timeline.</summary>
/// <param name="Date">ISO-8601 date.</param>
/// <param name="Type">event or statement.</param>
/// <param name="Id">The event's or statement's id.</param>
/// <param name="Title">The event's title, or the statement's quote or text.</param>
/// <param name="Kind">PLOVER type, where one fits.</param>
/// <param name="Actors">The actors directly linked to it (participants, speakers, subjects, …).</param>
/// <param name="Evidence">The sentences that report it.</param>
public sealed record TimelineEntryDto(string Date, string Type, string Id, string Title, string? Kind, IReadOnlyList<NodeRef> Actors, IReadOnlyList<EvidenceDto> Evidence)
{
    public static TimelineEntryDto From(NodeWithLinks entry) => new(
        entry.Node.Date ?? "", GraphMapping.LabelName(entry.Node.Label), entry.Node.Id, entry.Node.Name, entry.Node.Kind,
        [.. entry.Links.Where(l => l.Other.Label == NodeLabel.Actor).Select(l => l.Other).DistinctBy(a => a.Id).Select(a => a.Ref())],
        entry.Node.Evidence.ToDto());
}

internal static class TimelineApi
{
    public const int MaxLimit = 500;
    public const int DefaultLimit = 100;

    public static RouteGroupBuilder MapTimeline(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/timeline").WithTags("Timeline").WithStoreProblems().WithValidation();

        group.MapGet("/", GetTimeline)
            .WithName("GetTimeline")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Dated events and statements, in order")
            .WithDescription($"Everything with a date, oldest first (same day: events before statements), optionally only what is directly linked to one actor and within a date range. At most `limit` entries (1–{MaxLimit}).")
            .ProducesValidationProblem();

        return group;
    }

    internal sealed record TimelineQuery
    {
        [Description("Only entries directly linked to this actor id, e.g. gustavo-petro.")]
        public string? Actor { get; init; }
        [Description("Earliest date, inclusive (yyyy-MM-dd).")]
        public string? From { get; init; }
        [Description("Latest date, inclusive (yyyy-MM-dd).")]
        public string? To { get; init; }
        [Description("The most entries to return, 1 to 500.")]
        [DefaultValue(DefaultLimit)]
        public int? Limit { get; init; }
    }

    internal sealed class TimelineQueryValidator : AbstractValidator<TimelineQuery>
    {
        public TimelineQueryValidator()
        {
            RuleFor(q => q.Actor).NodeId();
            RuleFor(q => q.From).IsoDate();
            RuleFor(q => q.To).IsoDate();
            this.DateRange(q => q.From, q => q.To);
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntryDto>>, ProblemHttpResult>> GetTimeline(
        [AsParameters] TimelineQuery query, IGraphStore store, CancellationToken ct)
    {
        if (query.Actor is not null && !await store.Exists(NodeLabel.Actor, query.Actor, ct))
        {
            return Problems.NotFound("Actor", query.Actor);
        }
        var entries = await store.GetTimeline(new TimelineSearch(query.Actor, query.From, query.To, query.Limit ?? DefaultLimit), ct);
        return TypedResults.Ok<IReadOnlyList<TimelineEntryDto>>([.. entries.Select(TimelineEntryDto.From)]);
    }
}

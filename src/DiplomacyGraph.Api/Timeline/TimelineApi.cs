using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Timeline;

/// <summary>One event or statement on the timeline.</summary>
/// <param name="Date">ISO-8601 date; null for an undated entry (only with includeUndated=true).</param>
/// <param name="Type">event or statement.</param>
/// <param name="Id">The event's or statement's id.</param>
/// <param name="Title">A readable title: the event's title, or for a statement "Speaker: what was said".</param>
/// <param name="Kind">PLOVER type, where one fits.</param>
/// <param name="Actors">The actors directly linked to it (participants, speakers, subjects, …).</param>
/// <param name="Evidence">The sentences that report it.</param>
/// <param name="Truncated">True when the actors were cut at 500.</param>
public sealed record TimelineEntryDto(
    string? Date,
    string Type,
    string Id,
    string Title,
    string? Kind,
    [property: ListCap(LinkCap.Max)] IReadOnlyList<NodeRef> Actors,
    IReadOnlyList<EvidenceDto> Evidence,
    bool Truncated)
    : ICsvRow<TimelineEntryDto>
{
    static CsvTable<TimelineEntryDto> ICsvRow<TimelineEntryDto>.CsvColumns { get; } = new(
        ("date", e => e.Date), ("type", e => e.Type), ("id", e => e.Id), ("title", e => e.Title), ("kind", e => e.Kind),
        ("actorIds", e => Csv.Ids(e.Actors)), ("actorNames", e => Csv.Names(e.Actors)),
        ("evidence", e => Csv.Evidence(e.Evidence)), ("sourceIds", e => Csv.Sources(e.Evidence)));

    public static TimelineEntryDto From(NodeWithLinks entry)
    {
        var cap = new LinkCap();
        return new(
            entry.Node.Date, GraphMapping.LabelName(entry.Node.Label), entry.Node.Id, ReadableTitle(entry), entry.Node.Kind,
            cap.Take(entry.Links.Where(l => l.Other.Label == NodeLabel.Actor).Select(l => l.Other).DistinctBy(a => a.Id).Select(a => a.Ref())),
            entry.Node.Evidence.ToDto(), cap.Cut);
    }

    /// <summary>A statement's bare quote ("nine", "of equals") says nothing on its own, so it reads "Speaker: what was said".</summary>
    private static string ReadableTitle(NodeWithLinks entry)
    {
        if (entry.Node.Label != NodeLabel.Statement) return entry.Node.Name;
        var said = entry.Node.Text("text") ?? entry.Node.Name;
        // A title names three speakers at most.
        var names = entry.In(RelationshipTypes.Said).Select(l => l.Other.Name).Take(4).ToList();
        var speakers = names.Count > 3 ? $"{string.Join(", ", names.Take(3))} and others" : string.Join(" and ", names);
        return speakers.Length == 0 ? said : $"{speakers}: {said}";
    }
}

[ListCap(TimelineApi.MaxLimit)]
internal static class TimelineApi
{
    public const int MaxLimit = 500;
    public const int DefaultLimit = 100;

    public static RouteGroupBuilder MapTimeline(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/timeline").WithTags("Timeline").WithSharedProblems().WithValidation().WithListFormats();

        group.MapGet("/", GetTimeline)
            .WithName("GetTimeline")
            .WithSummary("Events and statements, in date order")
            .WithDescription($"Everything with a date, oldest first (same day: events before statements), optionally only what is directly linked to one actor and within a date range; with `includeUndated=true` the undated ones follow. Each entry has a readable title: a statement's is \"Speaker: what was said\". At most `limit` entries (1–{MaxLimit}); `truncated` says when more exist.");

        return group;
    }

    internal sealed record TimelineQuery : ListQuery
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
        [Description("true to list undated entries too, after the dated ones.")]
        [DefaultValue(false)]
        public bool? IncludeUndated { get; init; }
    }

    internal sealed class TimelineQueryValidator : ListQueryValidator<TimelineQuery>
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

    public static async Task<Results<Ok<CappedList<TimelineEntryDto>>, NotFoundProblem>> GetTimeline(
        [AsParameters] TimelineQuery query, [AsParameters] ProvenanceQuery provenance, IGraphStore store, CancellationToken ct)
    {
        var limit = query.Limit ?? DefaultLimit;
        // One more than the limit tells whether the timeline goes on.
        var search = new TimelineSearch(query.Actor, query.From, query.To, limit + 1, query.IncludeUndated ?? false) { Provenance = provenance.Provenance };
        return (await store.GetTimelineIfAnchorsExist(search, ct)).Answer(entries => CappedList.FromOneMore([.. entries.Select(TimelineEntryDto.From)], limit));
    }
}

using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Events;

/// <summary>An event to create or replace, with the source of its evidence.</summary>
public sealed record EventWrite : IEventFields, INodeWrite
{
    public required string Id { get; init; }
    /// <summary>A PLOVER event type (CONSULT, SANCTION, ASSAULT, PROTEST, …) or TRAVEL.</summary>
    public required string Kind { get; init; }
    /// <summary>One of the PLOVER type's modes (CONSULT: visit, third-party, multilateral, phone; …).</summary>
    public string? Mode { get; init; }
    public required string Title { get; init; }
    /// <summary>ISO-8601 date (yyyy-MM-dd, yyyy-MM or yyyy); null where the source gives none.</summary>
    public string? Date { get; init; }
    public string? Description { get; init; }
    public string? Outcome { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>PLOVER contexts (military, economic, illegal_drugs, …) and auxiliary contexts (historical, future, hypothetical, negation).</summary>
    public IReadOnlyList<string> Contexts { get; init; } = [];
    /// <summary>ISO-8601 date the event ended, for one that lasted.</summary>
    public string? EndDate { get; init; }
    /// <summary>PLOVER magnitudes: how many were killed, injured, and how many took part.</summary>
    public long? Dead { get; init; }
    public long? Injured { get; init; }
    public long? Size { get; init; }
    /// <summary>The kind, mode and contexts as the source coded them, where they were re-coded to the current PLOVER manual.</summary>
    public string? OriginalKind { get; init; }
    public string? OriginalMode { get; init; }
    public IReadOnlyList<string> OriginalContexts { get; init; } = [];
    /// <summary>Machine coding (GDELT): the CAMEO event code, Goldstein scale, average tone, mention counts and CAMEO quad class.</summary>
    public string? CameoCode { get; init; }
    public double? GoldsteinScale { get; init; }
    public double? AvgTone { get; init; }
    public long? NumMentions { get; init; }
    public long? NumSources { get; init; }
    public long? NumArticles { get; init; }
    public int? CameoQuadClass { get; init; }
    public required string Evidence { get; init; }

    /// <summary>The id of the source the evidence comes from.</summary>
    public required string SourceId { get; init; }
}

internal sealed class EventWriteValidator : EventRules<EventWrite>
{
    public EventWriteValidator() => RuleFor(w => w.SourceId).SourceId();
}

/// <summary>POST, PUT and DELETE /api/events: one event at a time, with its evidence; they need an API key.</summary>
internal static class EventWrites
{
    private static readonly NodeResource<EventWrite, EventSummaryDto> Events = new(NodeLabel.Event, "Event", "/api/events", w => KnowledgeGraph.ForEvent(w, w.SourceId), EventSummaryDto.From);

    public static void MapEventWrites(this IEndpointRouteBuilder routes) => routes.MapNodeWrites(Events, "Events", CreateEvent, ReplaceEvent, DeleteEvent);

    public static Task<Results<Created<EventSummaryDto>, ValidationProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> CreateEvent(
        EventWrite write, IGraphStore store, CancellationToken ct) => Events.Create(write, store, ct);

    public static Task<Results<Ok<EventSummaryDto>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> ReplaceEvent(
        string id, EventWrite write, IGraphStore store, CancellationToken ct) => Events.Replace(id, write, store, ct);

    public static Task<Results<NoContent, NotFoundProblem, ConflictProblem>> DeleteEvent(string id, bool? cascade, IGraphStore store, CancellationToken ct) =>
        Events.Delete(id, cascade, store, ct);
}

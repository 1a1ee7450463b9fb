using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Api.Statements;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Events;

internal static class EventsApi
{
    /// <summary>Statements made at one event that its detail view lists at most.</summary>
    public const int MaxStatementsPerEvent = 100;

    public static RouteGroupBuilder MapEvents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events").WithSharedProblems().WithValidation().WithListFormats();

        group.MapGet("/", FindEvents)
            .WithName("FindEvents")
            .WithSummary("Find events")
            .WithDescription("Events by PLOVER kind, mode, context, participant sector and quad class (`GET /api/vocabulary/plover` lists them), date range (inclusive, ISO dates) and actor (any direct relationship: took part, called for, targeted). Ordered by date, undated last, then id.");

        group.MapGet("/{id}", GetEvent)
            .WithName("GetEvent")
            .WithSummary("An event, its participants by side, and what was said there")
            .WithDescription("Try `white-house-meeting-2026-02-03`: the participants are grouped by side (`colombia`, `united-states`) with role, title and evidence.");

        routes.MapEventWrites();

        return group;
    }

    /// <summary>Query parameters of GET /api/events.</summary>
    internal sealed record EventQuery : PagedQuery
    {
        /// <summary>A PLOVER event type, e.g. CONSULT.</summary>
        [Description("A PLOVER event type: CONSULT, SANCTION, ASSAULT, PROTEST, … or TRAVEL.")]
        public string? Kind { get; init; }
        [Description("Earliest date, inclusive (yyyy-MM-dd).")]
        public string? From { get; init; }
        [Description("Latest date, inclusive (yyyy-MM-dd).")]
        public string? To { get; init; }
        [Description("Only events directly linked to this actor id, e.g. gustavo-petro.")]
        public string? Actor { get; init; }
        [Description("A PLOVER mode, e.g. visit (CONSULT) or demo (PROTEST); with kind, one of that kind's modes.")]
        public string? Mode { get; init; }
        [Description("A PLOVER context, general (military, economic, illegal_drugs, …) or auxiliary (historical, future, hypothetical, negation).")]
        public string? Context { get; init; }
        [Description("A PLOVER sector code (GOV, MIL, REB, …): only events with a participant or recipient of that sector.")]
        public string? Sector { get; init; }
        [Description("A quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")]
        public int? QuadClass { get; init; }
    }

    internal sealed class EventQueryValidator : PagedQueryValidator<EventQuery>
    {
        public EventQueryValidator()
        {
            RuleFor(q => q.Kind).OneOf(EventKinds.All);
            RuleFor(q => q.From).IsoDate();
            RuleFor(q => q.To).IsoDate();
            this.DateRange(q => q.From, q => q.To);
            RuleFor(q => q.Actor).NodeId();
            RuleFor(q => q.Mode).OneOf(Plover.Types.SelectMany(t => t.Modes).Select(m => m.Name).ToHashSet(StringComparer.Ordinal));
            RuleFor(q => q.Mode).Must((q, mode) => q.Kind is null || Plover.IsMode(q.Kind, mode))
                .When(q => q.Mode is not null && q.Kind is not null && EventKinds.All.Contains(q.Kind))
                .WithMessage(q => Plover.TypesByName.TryGetValue(q.Kind!, out var type) && type.Modes.Count > 0
                    ? $"'mode' must be one of {q.Kind}'s modes: {string.Join(", ", type.Modes.Select(m => m.Name))}."
                    : $"{q.Kind} has no modes.");
            RuleFor(q => q.Context).OneOf(Plover.Contexts.Select(c => c.Name).ToHashSet(StringComparer.Ordinal));
            RuleFor(q => q.Sector).OneOf(Plover.Sectors.Select(c => c.Code).ToHashSet(StringComparer.Ordinal));
            RuleFor(q => q.QuadClass).InclusiveBetween(1, 4);
        }
    }

    public static async Task<Results<Ok<PagedList<EventSummaryDto>>, NotFoundProblem>> FindEvents(
        [AsParameters] EventQuery query, [AsParameters] ProvenanceQuery provenance, IGraphStore store, CancellationToken ct)
    {
        var search = new EventSearch(query.Kind, query.From, query.To, query.Actor, query.PageNumber, query.PageLength)
        {
            Mode = query.Mode, Context = query.Context, Sector = query.Sector, QuadClass = query.QuadClass,
            Provenance = provenance.Provenance,
        };
        return (await store.FindEventsIfAnchorsExist(search, ct)).Answer(page => page.Map(EventSummaryDto.From));
    }

    /// <summary>An event's stored name is its title.</summary>
    private static readonly Dictionary<string, string?> ClaimFields = new(StringComparer.Ordinal) { ["name"] = "title" };

    public static async Task<Results<Ok<EventDetailDto>, NotFoundProblem>> GetEvent(
        [Description("Event id, e.g. white-house-meeting-2026-02-03.")] string id, [AsParameters] ClaimsQuery claims, IGraphStore store, CancellationToken ct)
    {
        var found = await store.GetNode(NodeLabel.Event, id, ct);
        if (found is not Found<NodeWithLinks>(var e))
        {
            return found.NotFound();
        }
        var statementIds = e.In(RelationshipTypes.MadeAt).Where(l => l.Other.Label == NodeLabel.Statement).Select(l => l.Other.Id).Take(MaxStatementsPerEvent).ToList();
        var statements = await store.GetNodes(NodeLabel.Statement, statementIds, ct);
        return TypedResults.Ok(EventMapping.Detail(e, [.. statements.Select(StatementDto.From)])
            with { Claims = ClaimLists.Of(e.Node, claims, ClaimFields) });
    }
}

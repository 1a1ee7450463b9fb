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
            .WithDescription("Events by PLOVER kind, date range (inclusive, ISO dates) and actor (any direct relationship: took part, called for, targeted). Ordered by date, undated last, then id.");

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
        }
    }

    public static async Task<Results<Ok<PagedList<EventSummaryDto>>, NotFoundProblem>> FindEvents(
        [AsParameters] EventQuery query, [AsParameters] ProvenanceQuery provenance, IGraphStore store, CancellationToken ct)
    {
        var search = new EventSearch(query.Kind, query.From, query.To, query.Actor, query.PageNumber, query.PageLength);
        search = search with { Provenance = provenance.Provenance };
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

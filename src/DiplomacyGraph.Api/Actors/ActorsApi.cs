using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Figures;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Api.Sanctions;
using DiplomacyGraph.Api.Statements;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Actors;

internal static class ActorsApi
{
    public const int MaxNetworkDepth = 3;
    public const int MaxNetworkNodes = 500;
    /// <summary>The most items an actor's sub-lists (relationships, events, co-participants, statements, sanctions) return.</summary>
    public const int MaxActorFacts = 500;

    public static RouteGroupBuilder MapActors(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/actors").WithTags("Actors").WithStoreProblems().WithValidation().WithListFormats();

        group.MapGet("/", SearchActors)
            .WithName("SearchActors")
            .WithSummary("Search actors by name or alias")
            .WithDescription("Case- and accent-insensitive substring search over names and aliases (`garcia` finds García-Peña), optionally by kind. Ordered by name.")
            .ProducesValidationProblem();

        group.MapGet("/{id}", GetActor)
            .WithName("GetActor")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An actor, their offices, and counts of relationships by type")
            .WithDescription("Try `gustavo-petro` or `marco-rubio`.");

        group.MapGet("/{id}/relationships", GetRelationships)
            .WithName("GetActorRelationships")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An actor's relationships, with evidence")
            .WithDescription($"Each edge with its type, direction, properties, evidence and source, and the node at the other end. Filter by `type` (e.g. HOLDS_OFFICE, PARTICIPATED_IN, IMPOSED) and `direction` (out, in, both). At most {MaxActorFacts}, by type, direction and the other end's name.")
            .ProducesValidationProblem();

        group.MapGet("/{id}/network", GetNetwork)
            .WithName("GetActorNetwork")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An actor's ego network")
            .WithDescription($"The nodes within `depth` hops (1–{MaxNetworkDepth}, either direction) and every edge among them, nearest first, at most {MaxNetworkNodes} nodes.")
            .ProducesValidationProblem();

        group.MapGet("/{id}/events", GetEvents)
            .WithName("GetActorEvents")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The events an actor took part in, with role and side")
            .WithDescription($"In date order, at most {MaxActorFacts}. Try `pedro-sanchez`: the White House meeting, on the `colombia` side, as Defense Minister.");

        group.MapGet("/{id}/co-participants", GetCoParticipants)
            .WithName("GetActorCoParticipants")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Who shared an event with this actor")
            .WithDescription($"The other actors who took part in an event with this one, with the shared events; by name, at most {MaxActorFacts}.");

        group.MapGet("/{id}/statements", GetStatements)
            .WithName("GetActorStatements")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What an actor said, or what was said about them")
            .WithDescription("`role=speaker` for statements they made, `role=subject` for statements about them; both when omitted.")
            .ProducesValidationProblem();

        group.MapGet("/{id}/sanctions", GetSanctions)
            .WithName("GetActorSanctions")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sanctions an actor imposed or is targeted by")
            .WithDescription("`role=imposer` or `role=target`; both when omitted. Try `gustavo-petro` with `role=target`.")
            .ProducesValidationProblem();

        group.MapGet("/{id}/figures", GetFigures)
            .WithName("GetActorFigures")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Figures about an actor, or that they reported")
            .WithDescription($"`role=subject` for figures about them, `role=reporter` for figures they published; both when omitted. By metric, at most {MaxActorFacts}. Try `gustavo-petro`, or `colombian-government` with `role=reporter`.")
            .ProducesValidationProblem();

        routes.MapNodeWrites(new NodeResource<ActorWrite, ActorDetailDto>(
            NodeLabel.Actor, "Actor", "/api/actors", w => DocumentGraph.ForActor(w, w.SourceId), ActorDetailDto.From), "Actors");

        return group;
    }

    internal sealed record ActorQuery : PagedQuery
    {
        [Description("Text to find in names and aliases; case and accents are ignored.")]
        public string? Q { get; init; }
        [Description("person, country or organization.")]
        public string? Kind { get; init; }
    }

    internal sealed class ActorQueryValidator : PagedQueryValidator<ActorQuery>
    {
        public ActorQueryValidator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Kind).OneOf(ActorKinds.All);
        }
    }

    internal sealed record RelationshipQuery : ListQuery
    {
        [Description("A relationship type, e.g. PARTICIPATED_IN.")]
        public string? Type { get; init; }
        [Description("out, in or both.")]
        [DefaultValue(Directions.Both)]
        public string? Direction { get; init; }
    }

    internal sealed class RelationshipQueryValidator : ListQueryValidator<RelationshipQuery>
    {
        public RelationshipQueryValidator()
        {
            RuleFor(q => q.Type).OneOf(RelationshipTypes.ByType.Keys);
            RuleFor(q => q.Direction).OneOf([Directions.Out, Directions.In, Directions.Both]);
        }
    }

    internal sealed record NetworkQuery
    {
        [Description("Hops from the actor, 1 to 3.")]
        [DefaultValue(1)]
        public int? Depth { get; init; }
    }

    internal sealed class NetworkQueryValidator : AbstractValidator<NetworkQuery>
    {
        public NetworkQueryValidator() => RuleFor(q => q.Depth).InclusiveBetween(1, MaxNetworkDepth);
    }

    internal sealed record RoleQuery : ListQuery
    {
        [Description("The actor's role in the fact; both roles when omitted.")]
        public string? Role { get; init; }
    }

    internal sealed class RoleQueryValidator : ListQueryValidator<RoleQuery>
    {
        // Which roles are valid depends on the endpoint, so the handler's route decides.
        public RoleQueryValidator() => RuleFor(q => q.Role).OneOf(["speaker", "subject", "imposer", "target", "reporter"]);
    }

    public static async Task<Ok<PagedList<ActorSummaryDto>>> SearchActors([AsParameters] ActorQuery query, IGraphStore store, CancellationToken ct)
    {
        var page = await store.SearchActors(new ActorSearch(query.Q, query.Kind, query.PageNumber, query.PageLength), ct);
        return TypedResults.Ok(page.Map(ActorSummaryDto.From));
    }

    public static async Task<Results<Ok<ActorDetailDto>, ProblemHttpResult>> GetActor(
        [Description("Actor id, e.g. gustavo-petro.")] string id, IGraphStore store, CancellationToken ct) =>
        await store.GetNode(NodeLabel.Actor, id, ct) is { } actor
            ? TypedResults.Ok(ActorDetailDto.From(actor))
            : await store.NotFound(NodeLabel.Actor, id, ct);

    public static async Task<Results<Ok<CappedList<RelationshipDto>>, ProblemHttpResult>> GetRelationships(
        [Description("Actor id, e.g. gustavo-petro.")] string id, [AsParameters] RelationshipQuery query, IGraphStore store, CancellationToken ct) =>
        await store.GetRelationships(id, query.Type, query.Direction ?? Directions.Both, ct) is { } links
            ? TypedResults.Ok(CappedList.Of(links.Select(RelationshipDto.From), MaxActorFacts))
            : await store.NotFound(NodeLabel.Actor, id, ct);

    public static async Task<Results<Ok<NetworkDto>, ProblemHttpResult>> GetNetwork(
        [Description("Actor id, e.g. gustavo-petro.")] string id, [AsParameters] NetworkQuery query, IGraphStore store, CancellationToken ct)
    {
        var depth = query.Depth ?? 1;
        return await store.GetNetwork(id, depth, MaxNetworkNodes, ct) is { } network
            ? TypedResults.Ok(new NetworkDto(id, depth, network.Truncated, [.. network.Nodes.Select(n => n.ToDto())], [.. network.Edges.Select(e => e.ToDto())]))
            : await store.NotFound(NodeLabel.Actor, id, ct);
    }

    public static async Task<Results<Ok<CappedList<ActorEventDto>>, ProblemHttpResult>> GetEvents(
        [Description("Actor id, e.g. pedro-sanchez.")] string id, [AsParameters] ListQuery format, IGraphStore store, CancellationToken ct)
    {
        if (await store.GetRelationships(id, "PARTICIPATED_IN", Directions.Out, ct) is not { } links)
        {
            return await store.NotFound(NodeLabel.Actor, id, ct);
        }
        var ordered = links.OrderBy(l => l.Other, Comparer<GraphNode>.Create(GraphOrder.Chronological));
        return TypedResults.Ok(CappedList.Of(ordered.Select(ActorEventDto.From), MaxActorFacts));
    }

    public static async Task<Results<Ok<CappedList<CoParticipantDto>>, ProblemHttpResult>> GetCoParticipants(
        [Description("Actor id, e.g. bernie-moreno.")] string id, [AsParameters] ListQuery format, IGraphStore store, CancellationToken ct) =>
        await store.GetCoParticipants(id, ct) is { } others
            ? TypedResults.Ok(CappedList.Of(others.Select(CoParticipantDto.From), MaxActorFacts))
            : await store.NotFound(NodeLabel.Actor, id, ct);

    public static async Task<Results<Ok<CappedList<StatementDto>>, ValidationProblem, ProblemHttpResult>> GetStatements(
        [Description("Actor id, e.g. donald-trump.")] string id, [AsParameters] RoleQuery query, IGraphStore store, CancellationToken ct)
    {
        if (query.Role is not (null or "speaker" or "subject"))
        {
            return RoleProblem("speaker, subject");
        }
        if (!await store.Exists(NodeLabel.Actor, id, ct))
        {
            return await store.NotFound(NodeLabel.Actor, id, ct);
        }
        var said = query.Role is null or "speaker" ? await store.FindStatements(new StatementSearch(id, null, null, 1, MaxActorFacts + 1), ct) : null;
        var about = query.Role is null or "subject" ? await store.FindStatements(new StatementSearch(null, id, null, 1, MaxActorFacts + 1), ct) : null;
        return TypedResults.Ok(Capped(Union(said, about).Select(StatementDto.From), said, about));
    }

    public static async Task<Results<Ok<CappedList<SanctionDto>>, ValidationProblem, ProblemHttpResult>> GetSanctions(
        [Description("Actor id, e.g. gustavo-petro.")] string id, [AsParameters] RoleQuery query, IGraphStore store, CancellationToken ct)
    {
        if (query.Role is not (null or "imposer" or "target"))
        {
            return RoleProblem("imposer, target");
        }
        if (!await store.Exists(NodeLabel.Actor, id, ct))
        {
            return await store.NotFound(NodeLabel.Actor, id, ct);
        }
        var imposed = query.Role is null or "imposer" ? await store.FindSanctions(new SanctionSearch(id, null, null, 1, MaxActorFacts + 1), ct) : null;
        var targeted = query.Role is null or "target" ? await store.FindSanctions(new SanctionSearch(null, id, null, 1, MaxActorFacts + 1), ct) : null;
        return TypedResults.Ok(Capped(Union(imposed, targeted).Select(SanctionDto.From), imposed, targeted));
    }

    public static async Task<Results<Ok<CappedList<FigureDto>>, ValidationProblem, ProblemHttpResult>> GetFigures(
        [Description("Actor id, e.g. gustavo-petro.")] string id, [AsParameters] RoleQuery query, IGraphStore store, CancellationToken ct)
    {
        if (query.Role is not (null or "subject" or "reporter"))
        {
            return RoleProblem("subject, reporter");
        }
        if (!await store.Exists(NodeLabel.Actor, id, ct))
        {
            return await store.NotFound(NodeLabel.Actor, id, ct);
        }
        var about = query.Role is null or "subject" ? await store.FindFigures(new FigureSearch(id, null, null, null, 1, MaxActorFacts + 1), ct) : null;
        var reported = query.Role is null or "reporter" ? await store.FindFigures(new FigureSearch(null, id, null, null, 1, MaxActorFacts + 1), ct) : null;
        var figures = (about?.Items ?? []).Concat(reported?.Items ?? []).DistinctBy(f => f.Node.Id).OrderBy(f => f.Node, Comparer<GraphNode>.Create(GraphOrder.ByName));
        return TypedResults.Ok(Capped(figures.Select(FigureDto.From), about, reported));
    }

    private static ValidationProblem RoleProblem(string allowed) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"'role' must be one of: {allowed}."] });

    /// <summary>The first items up to the cap; the total is known only when neither page was cut.</summary>
    private static CappedList<T> Capped<T>(IEnumerable<T> items, params Page<NodeWithLinks>?[] pages)
    {
        var list = CappedList.Of(items, MaxActorFacts);
        return pages.Any(p => p is not null && p.Total > p.Items.Count) ? list with { Total = null } : list;
    }

    /// <summary>Both lists, each fact once, in chronological order.</summary>
    private static IEnumerable<NodeWithLinks> Union(Page<NodeWithLinks>? a, Page<NodeWithLinks>? b) =>
        (a?.Items ?? []).Concat(b?.Items ?? []).DistinctBy(n => n.Node.Id)
            .OrderBy(n => n.Node, Comparer<GraphNode>.Create(GraphOrder.Chronological));
}

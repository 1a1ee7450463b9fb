using System.ComponentModel;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Figures;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Api.Sanctions;
using DiplomacyGraph.Api.Statements;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Actors;

[ListCap(ActorsApi.MaxActorFacts)]
internal static class ActorsApi
{
    public const int MaxNetworkDepth = 3;
    public const int MaxNetworkNodes = 500;
    /// <summary>The most edges a network answer holds: ten per node of a full one.</summary>
    public const int MaxNetworkEdges = 10 * MaxNetworkNodes;
    /// <summary>The most items an actor's sub-lists (relationships, events, co-participants, statements, sanctions) return.</summary>
    public const int MaxActorFacts = 500;

    public static RouteGroupBuilder MapActors(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/actors").WithTags("Actors").WithSharedProblems().WithValidation().WithListFormats();

        group.MapGet("/", SearchActors)
            .WithName("SearchActors")
            .WithSummary("Search actors by name or alias")
            .WithDescription("Case- and accent-insensitive search over names, aliases and weak aliases, optionally by kind and by topic (`topic=sanction`, `topic=role.pep`: FollowTheMoney's topic codes, exactly). An actor matches when the query starts a word of its name or an alias (`garcia` and `pena` find García-Peña, `gustavo pe` finds Gustavo Petro); letters inside a word are not matched. Ranked: an exact name or alias first, then word prefixes; ties go to the actor with more relationships, then by name. Without `q`, ordered by name.");

        group.MapGet("/{id}", GetActor)
            .WithName("GetActor")
            .WithSummary("An actor, their offices, family and associates, and counts of relationships by type")
            .WithDescription("Try `gustavo-petro` or `marco-rubio`. `asOf=YYYY-MM-DD` shows the offices, family and associates that held on that day (by since/until; undated ones are kept and marked `undated`).");

        group.MapGet("/{id}/relationships", GetRelationships)
            .WithName("GetActorRelationships")
            .WithSummary("An actor's relationships, with evidence")
            .WithDescription($"Each edge with its type, direction, properties, evidence and source, and the node at the other end. Filter by `type` (e.g. HOLDS_OFFICE, PARTICIPATED_IN, IMPOSED), `direction` (out, in, both) and `asOf` (YYYY-MM-DD: those that hold that day by since/until; undated ones kept, marked `undated`). At most {MaxActorFacts}, by type, direction and the other end's name.");

        group.MapGet("/{id}/network", GetNetwork)
            .WithName("GetActorNetwork")
            .WithSummary("An actor's ego network")
            .WithDescription($"The nodes within `depth` hops (1–{MaxNetworkDepth}, either direction) and every edge among them, nearest first, at most {MaxNetworkNodes} nodes. `nodes=summary` gives the nodes as references (id, label, name, kind, date) and the edges without evidence, for drawing: open a node with its own read. `asOf=YYYY-MM-DD` follows only relationships that hold that day (undated ones kept).");

        group.MapGet("/{id}/family", GetFamily)
            .WithName("GetActorFamily")
            .WithSummary("An actor's family members, and which of them are sanctioned")
            .WithDescription($"Each FAMILY_OF tie, either way, with what the member is to this actor (spouse, child, parent, sibling, relative), the evidence, the member's topics, and every sanction that targets the member (programme, dates, imposer and evidence). `activeOn=YYYY-MM-DD` keeps only the sanctions in force that day. A member is `sanctioned` when it carries the `sanction` topic or a sanction listed here targets it (in force that day, with `activeOn`). By name, at most {MaxActorFacts}.");

        group.MapGet("/{id}/events", GetEvents)
            .WithName("GetActorEvents")
            .WithSummary("The events an actor took part in, with role and side")
            .WithDescription($"In date order, at most {MaxActorFacts}. Try `pedro-sanchez`: the White House meeting, on the `colombia` side, as Defense Minister.");

        group.MapGet("/{id}/co-participants", GetCoParticipants)
            .WithName("GetActorCoParticipants")
            .WithSummary("Who shared an event with this actor")
            .WithDescription($"The other actors who took part in an event with this one, with the shared events; by name, at most {MaxActorFacts}.");

        group.MapGet("/{id}/statements", GetStatements)
            .WithName("GetActorStatements")
            .WithSummary("What an actor said, or what was said about them")
            .WithDescription("`role=speaker` for statements they made, `role=subject` for statements about them; both when omitted.");

        group.MapGet("/{id}/sanctions", GetSanctions)
            .WithName("GetActorSanctions")
            .WithSummary("Sanctions an actor imposed or is targeted by")
            .WithDescription("`role=imposer` or `role=target`; both when omitted. `activeOn=YYYY-MM-DD` keeps those in force that day. Try `gustavo-petro` with `role=target`.");

        group.MapGet("/{id}/figures", GetFigures)
            .WithName("GetActorFigures")
            .WithSummary("Figures about an actor, or that they reported")
            .WithDescription($"`role=subject` for figures about them, `role=reporter` for figures they published; both when omitted. By metric, at most {MaxActorFacts}. Try `gustavo-petro`, or `colombian-government` with `role=reporter`.");

        routes.MapActorWrites();

        return group;
    }

    internal sealed record ActorQuery : PagedQuery
    {
        [Description("The start of a word of a name or alias (or a whole name); case and accents are ignored.")]
        public string? Q { get; init; }
        [Description("person, country or organization.")]
        public string? Kind { get; init; }
        [Description("Only actors carrying this topic code, exactly as FollowTheMoney writes it: sanction, role.pep, crime.terror, …")]
        public string? Topic { get; init; }
    }

    internal sealed class ActorQueryValidator : PagedQueryValidator<ActorQuery>
    {
        public ActorQueryValidator()
        {
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Kind).OneOf(ActorKinds.All);
            RuleFor(q => q.Topic).MaximumLength(50).Matches(@"^[a-z0-9]+([._-][a-z0-9]+)*$")
                .WithMessage("'topic' must be a topic code such as 'sanction' or 'role.pep'.");
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
        var page = await store.SearchActors(new ActorSearch(query.Q, query.Kind, query.PageNumber, query.PageLength) { Topic = query.Topic }, ct);
        return TypedResults.Ok(page.Map(ActorSummaryDto.From));
    }

    public static async Task<Results<Ok<ActorDetailDto>, NotFoundProblem>> GetActor(
        [Description("Actor id, e.g. gustavo-petro.")] string id, [AsParameters] AsOfQuery query, [AsParameters] ClaimsQuery claims,
        IGraphStore store, CancellationToken ct) =>
        await store.GetNode(NodeLabel.Actor, id, ct) switch
        {
            Found<NodeWithLinks>(var actor) => TypedResults.Ok(ActorDetailDto.From(actor, query.AsOf) with { Claims = ClaimLists.Of(actor.Node, claims, ActorDetailDto.ClaimFieldNames) }),
            var missing => missing.NotFound(),
        };

    public static async Task<Results<Ok<CappedList<RelationshipDto>>, NotFoundProblem>> GetRelationships(
        [Description("Actor id, e.g. gustavo-petro.")] string id, [AsParameters] RelationshipQuery query, [AsParameters] AsOfQuery asOf,
        IGraphStore store, CancellationToken ct) =>
        await store.GetRelationships(id, query.Type, query.Direction ?? Directions.Both, ct) switch
        {
            Found<IReadOnlyList<Link>>(var links) => TypedResults.Ok(CappedList.Of(links.Where(l => AsOf.Holds(l.Edge, asOf.AsOf)).Select(RelationshipDto.From), MaxActorFacts)),
            var missing => missing.NotFound(),
        };

    public static async Task<Results<Ok<NetworkDto>, NotFoundProblem>> GetNetwork(
        [Description("Actor id, e.g. gustavo-petro.")] string id, [AsParameters] NetworkQuery query, [AsParameters] AsOfQuery asOf,
        [AsParameters] NodesQuery nodes, IGraphStore store, CancellationToken ct)
    {
        var depth = query.Depth ?? 1;
        var found = await store.GetNetwork(id, depth, MaxNetworkNodes, nodes.Detail, ct);
        if (found is not Found<Subgraph>(var network))
        {
            return found.NotFound();
        }
        if (asOf.AsOf is not null)
        {
            network = AsOfNetwork(network, id, depth, asOf.AsOf);
        }
        var cap = new LinkCap();
        var edges = cap.Take(network.Edges.Select(e => NetworkEdgeDto.Of(e, nodes.Detail)), MaxNetworkEdges);
        return TypedResults.Ok(new NetworkDto(id, depth, network.Truncated || cap.Cut, [.. network.Nodes.Select(n => NetworkNodeDto.Of(n, nodes.Detail))], edges, asOf.AsOf));
    }

    /// <summary>
    /// The network as it stood on a day: the same breadth-first walk over only the relationships that hold then. Every
    /// path of the narrower walk lies in the full network, so filtering the full network's edges and walking again is exact
    /// (up to the node cap of the full network).
    /// </summary>
    private static Subgraph AsOfNetwork(Subgraph network, string centre, int depth, string day)
    {
        var edges = network.Edges.Where(e => AsOf.Holds(e, day)).ToList();
        var neighbours = edges.SelectMany(e => new[] { (e.From, e.To), (e.To, e.From) }).ToLookup(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [centre] = 0 };
        var frontier = new List<string> { centre };
        for (var d = 1; d <= depth && frontier.Count > 0; d++)
        {
            frontier = [.. frontier.SelectMany(n => neighbours[n]).Where(n => distance.TryAdd(n, d))];
        }
        var nodes = network.Nodes.Where(n => distance.ContainsKey(n.Id))
            .OrderBy(n => distance[n.Id]).ThenBy(n => n.SortKey, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        return new Subgraph(nodes, [.. edges.Where(e => distance.ContainsKey(e.From) && distance.ContainsKey(e.To))], network.Truncated);
    }

    public static async Task<Results<Ok<CappedList<RelativeWithSanctionsDto>>, NotFoundProblem>> GetFamily(
        [Description("Actor id, e.g. gustavo-petro.")] string id, [AsParameters] SanctionsApi.ActiveOnQuery query, [AsParameters] ListQuery format,
        IGraphStore store, CancellationToken ct) =>
        // One more member than the cap tells whether the family goes on.
        await store.GetFamilySanctions(id, query.ActiveOn, MaxActorFacts + 1, MaxActorFacts, ct) switch
        {
            Found<IReadOnlyList<RelativeSanctions>>(var family) => TypedResults.Ok(CappedList.Of(
                family.Select(r => new RelativeWithSanctionsDto(FamilyMemberDto.From(r.Tie), [.. r.Sanctions.Select(SanctionDto.From)], r.Topics)), MaxActorFacts)),
            var missing => missing.NotFound(),
        };

    public static async Task<Results<Ok<CappedList<ActorEventDto>>, NotFoundProblem>> GetEvents(
        [Description("Actor id, e.g. pedro-sanchez.")] string id, [AsParameters] ListQuery format, IGraphStore store, CancellationToken ct) =>
        await store.GetRelationships(id, RelationshipTypes.ParticipatedIn, Directions.Out, ct) switch
        {
            Found<IReadOnlyList<Link>>(var links) => TypedResults.Ok(CappedList.Of(
                links.OrderBy(l => l.Other, Comparer<GraphNode>.Create(GraphOrder.Chronological)).Select(ActorEventDto.From), MaxActorFacts)),
            var missing => missing.NotFound(),
        };

    public static async Task<Results<Ok<CappedList<CoParticipantDto>>, NotFoundProblem>> GetCoParticipants(
        [Description("Actor id, e.g. bernie-moreno.")] string id, [AsParameters] ListQuery format, IGraphStore store, CancellationToken ct) =>
        await store.GetCoParticipants(id, ct) switch
        {
            Found<IReadOnlyList<CoParticipant>>(var others) => TypedResults.Ok(CappedList.Of(others.Select(CoParticipantDto.From), MaxActorFacts)),
            var missing => missing.NotFound(),
        };

    public static async Task<Results<Ok<CappedList<StatementDto>>, ValidationProblem, NotFoundProblem>> GetStatements(
        [Description("Actor id, e.g. donald-trump.")] string id, [AsParameters] RoleQuery query, IGraphStore store, CancellationToken ct)
    {
        if (query.Role is not (null or "speaker" or "subject"))
        {
            return RoleProblem("speaker, subject");
        }
        return await store.FindActorStatements(id, query.Role is null or "speaker", query.Role is null or "subject", MaxActorFacts + 1, ct) switch
        {
            Found<RolePages>(var (said, about)) => TypedResults.Ok(Capped(Union(said, about).Select(StatementDto.From), said, about)),
            var missing => missing.NotFound(),
        };
    }

    public static async Task<Results<Ok<CappedList<SanctionDto>>, ValidationProblem, NotFoundProblem>> GetSanctions(
        [Description("Actor id, e.g. gustavo-petro.")] string id, [AsParameters] RoleQuery query, [AsParameters] SanctionsApi.ActiveOnQuery active,
        IGraphStore store, CancellationToken ct)
    {
        if (query.Role is not (null or "imposer" or "target"))
        {
            return RoleProblem("imposer, target");
        }
        return await store.FindActorSanctions(id, query.Role is null or "imposer", query.Role is null or "target", active.ActiveOn, MaxActorFacts + 1, ct) switch
        {
            Found<RolePages>(var (imposed, targeted)) => TypedResults.Ok(Capped(Union(imposed, targeted).Select(SanctionDto.From), imposed, targeted)),
            var missing => missing.NotFound(),
        };
    }

    public static async Task<Results<Ok<CappedList<FigureDto>>, ValidationProblem, NotFoundProblem>> GetFigures(
        [Description("Actor id, e.g. gustavo-petro.")] string id, [AsParameters] RoleQuery query, IGraphStore store, CancellationToken ct)
    {
        if (query.Role is not (null or "subject" or "reporter"))
        {
            return RoleProblem("subject, reporter");
        }
        var found = await store.FindActorFigures(id, query.Role is null or "subject", query.Role is null or "reporter", MaxActorFacts + 1, ct);
        if (found is not Found<RolePages>(var (about, reported)))
        {
            return found.NotFound();
        }
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

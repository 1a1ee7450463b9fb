using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Actors;

/// <summary>An actor to create or replace, with the source of its evidence.</summary>
public sealed record ActorWrite : IActorFields, INodeWrite
{
    public required string Id { get; init; }
    /// <summary>person, country or organization.</summary>
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Short or common names that find the actor but identify it weakly (an acronym, a nickname).</summary>
    public IReadOnlyList<string> WeakAliases { get; init; } = [];
    public string? Description { get; init; }
    /// <summary>Topic codes, e.g. <c>sanction</c>, <c>role.pep</c>.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Identifiers, e.g. <c>{"scheme": "inn", "value": "5920040846", "country": "ru"}</c>.</summary>
    public IReadOnlyList<IdentifierRecord> Identifiers { get; init; } = [];
    /// <summary>ISO-8601 date of birth (yyyy-MM-dd, yyyy-MM or yyyy).</summary>
    public string? BirthDate { get; init; }
    public string? BirthPlace { get; init; }
    public string? Gender { get; init; }
    /// <summary>Lower-case country codes, e.g. <c>co</c>.</summary>
    public IReadOnlyList<string> Nationalities { get; init; } = [];
    public required string Evidence { get; init; }

    /// <summary>Referents come only from imports (the ids an imported entity replaced); a write through the API gives none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Referents => [];

    /// <summary>The id of the source the evidence comes from, e.g. <c>vermelho-2026-02-04-petro-trump</c>.</summary>
    public required string SourceId { get; init; }
}

internal sealed class ActorWriteValidator : ActorRules<ActorWrite>
{
    public ActorWriteValidator() => RuleFor(w => w.SourceId).SourceId();
}

/// <summary>POST, PUT and DELETE /api/actors: one actor at a time, with its evidence; they need an API key.</summary>
internal static class ActorWrites
{
    private static readonly NodeResource<ActorWrite, ActorDetailDto> Actors = new(NodeLabel.Actor, "Actor", "/api/actors", w => KnowledgeGraph.ForActor(w, w.SourceId), ActorDetailDto.From);

    public static void MapActorWrites(this IEndpointRouteBuilder routes) => routes.MapNodeWrites(Actors, "Actors", CreateActor, ReplaceActor, DeleteActor);

    public static Task<Results<Created<ActorDetailDto>, ValidationProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> CreateActor(
        ActorWrite write, IGraphStore store, CancellationToken ct) => Actors.Create(write, store, ct);

    public static Task<Results<Ok<ActorDetailDto>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> ReplaceActor(
        string id, ActorWrite write, IGraphStore store, CancellationToken ct) => Actors.Replace(id, write, store, ct);

    public static Task<Results<NoContent, NotFoundProblem, ConflictProblem>> DeleteActor(string id, bool? cascade, IGraphStore store, CancellationToken ct) =>
        Actors.Delete(id, cascade, store, ct);
}

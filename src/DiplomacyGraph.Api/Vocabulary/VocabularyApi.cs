using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Api.Vocabulary;

/// <summary>PLOVER as the current manual codes it: the types, modes, contexts, sectors and quad classes, with definitions.</summary>
/// <param name="Origin">The manual the lists come from: its URL at the commit they were generated from.</param>
/// <param name="Licence">The manual's licence (CC BY-SA 4.0); the definitions are its words.</param>
/// <param name="Types">The 16 event types, each with its quad class, whether it needs a recipient, its definition and its modes.</param>
/// <param name="Contexts">The general contexts, then the auxiliary ones (historical, future, hypothetical, negation).</param>
/// <param name="Sectors">The actor sector codes (GOV, MIL, REB, …).</param>
/// <param name="QuadClasses">1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</param>
/// <param name="Extensions">Event kinds of this graph outside PLOVER: TRAVEL, a trip, which the manual has no type for.</param>
public sealed record PloverVocabularyDto(
    string Origin,
    string Licence,
    [property: ListCap(VocabularyApi.MaxItems)] IReadOnlyList<PloverTypeDto> Types,
    [property: ListCap(VocabularyApi.MaxItems)] IReadOnlyList<PloverContextDto> Contexts,
    [property: ListCap(VocabularyApi.MaxItems)] IReadOnlyList<PloverSectorDto> Sectors,
    [property: ListCap(VocabularyApi.MaxItems)] IReadOnlyList<QuadClassDto> QuadClasses,
    [property: ListCap(VocabularyApi.MaxItems)] IReadOnlyList<PloverExtensionDto> Extensions);

/// <summary>A PLOVER event type.</summary>
/// <param name="Name">e.g. <c>CONSULT</c>.</param>
/// <param name="QuadClass">Its quad class, 1 to 4.</param>
/// <param name="RequiresRecipient">Whether the manual requires a recipient for it.</param>
/// <param name="Definition">The manual's definition.</param>
/// <param name="Modes">Its modes; empty for a type without modes.</param>
public sealed record PloverTypeDto(string Name, int QuadClass, bool RequiresRecipient, string Definition,
    [property: ListCap(VocabularyApi.MaxItems)] IReadOnlyList<PloverModeDto> Modes);

/// <summary>A mode of a PLOVER type.</summary>
/// <param name="Name">e.g. <c>visit</c>.</param>
/// <param name="Definition">The manual's definition.</param>
public sealed record PloverModeDto(string Name, string Definition);

/// <summary>A PLOVER context.</summary>
/// <param name="Name">e.g. <c>illegal_drugs</c>.</param>
/// <param name="Definition">The manual's definition; for an auxiliary context, its example.</param>
/// <param name="Auxiliary">True for historical, future, hypothetical and negation.</param>
public sealed record PloverContextDto(string Name, string Definition, bool Auxiliary);

/// <summary>A PLOVER actor sector.</summary>
/// <param name="Code">e.g. <c>GOV</c>.</param>
/// <param name="Definition">The manual's definition.</param>
public sealed record PloverSectorDto(string Code, string Definition);

/// <summary>A quad class.</summary>
/// <param name="Code">1 to 4.</param>
/// <param name="Name">e.g. <c>verbal cooperation</c>.</param>
public sealed record QuadClassDto(int Code, string Name);

/// <summary>An event kind of this graph that PLOVER lacks.</summary>
/// <param name="Name">e.g. <c>TRAVEL</c>.</param>
/// <param name="Definition">What it codes, and why it is not a PLOVER type.</param>
public sealed record PloverExtensionDto(string Name, string Definition);

internal static class VocabularyApi
{
    /// <summary>The most items of any vocabulary list: the manual has 16 types, at most 15 modes a type, 41 contexts, 25 sectors.</summary>
    public const int MaxItems = 100;

    /// <summary>How long clients and proxies may keep the answer: it changes only with a new build.</summary>
    public const string CacheControl = "public, max-age=86400";

    public static RouteGroupBuilder MapVocabulary(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/vocabulary").WithTags("Vocabulary").WithSharedProblems();

        group.MapGet("/plover", GetPlover)
            .WithName("GetPloverVocabulary")
            .WithSummary("PLOVER's types, modes, contexts and sectors, with definitions")
            .WithDescription("The event vocabulary of the current PLOVER manual (the lists event kinds, modes, contexts and participant sectors are validated against), with the manual's definitions, origin and licence, for building pickers. Cacheable for a day.");

        return group;
    }

    /// <summary>Built once: the registry is loaded at start and never changes.</summary>
    private static readonly PloverVocabularyDto Answer = new(
        Plover.Origin, Plover.Licence,
        [.. Plover.Types.Select(t => new PloverTypeDto(t.Name, t.QuadClass, t.RequiresRecipient, t.Definition, [.. t.Modes.Select(m => new PloverModeDto(m.Name, m.Definition))]))],
        [.. Plover.Contexts.Select(c => new PloverContextDto(c.Name, c.Definition, c.Auxiliary))],
        [.. Plover.Sectors.Select(s => new PloverSectorDto(s.Code, s.Definition))],
        [.. Plover.QuadClasses.Select(q => new QuadClassDto(q.Code, q.Name))],
        [new PloverExtensionDto(EventKinds.Travel, "A trip, reported as an event of its own (a leader's trip). The manual has no type for it: it codes the visit at the destination as CONSULT, mode visit. No modes, no quad class.")]);

    public static Ok<PloverVocabularyDto> GetPlover(HttpResponse response)
    {
        response.Headers.CacheControl = CacheControl;
        return TypedResults.Ok(Answer);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Api.Common;

namespace DiplomacyGraph.Api.Actors;

/// <summary>
/// The answers of the actor endpoints. Part of the API's JSON source generation: <see cref="Infrastructure.ApiJson"/>
/// puts every context of this assembly first in the JSON options' resolver chain, so these types serialize through
/// generated code.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ActorDetailDto))]
[JsonSerializable(typeof(PagedList<ActorSummaryDto>))]
[JsonSerializable(typeof(CappedList<ActorEventDto>))]
[JsonSerializable(typeof(CappedList<CoParticipantDto>))]
[JsonSerializable(typeof(CappedList<RelationshipDto>))]
[JsonSerializable(typeof(CappedList<RelativeWithSanctionsDto>))]
[JsonSerializable(typeof(NetworkDto))]
internal sealed partial class ActorsJsonContext : JsonSerializerContext;

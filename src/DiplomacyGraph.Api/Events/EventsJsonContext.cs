using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Api.Common;

namespace DiplomacyGraph.Api.Events;

/// <summary>
/// The answers of the event endpoints. Part of the API's JSON source generation: <see cref="Infrastructure.ApiJson"/>
/// puts every context of this assembly first in the JSON options' resolver chain, so these types serialize through
/// generated code.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EventDetailDto))]
[JsonSerializable(typeof(EventSummaryDto))]
[JsonSerializable(typeof(PagedList<EventSummaryDto>))]
internal sealed partial class EventsJsonContext : JsonSerializerContext;

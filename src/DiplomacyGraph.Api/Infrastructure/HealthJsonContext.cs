using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// The health answer. Part of the API's JSON source generation: <see cref="ApiJson"/> puts every context of this
/// assembly first in the JSON options' resolver chain, so these types serialize through generated code.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(HealthDto))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;

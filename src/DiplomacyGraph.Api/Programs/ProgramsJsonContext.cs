using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Api.Common;

namespace DiplomacyGraph.Api.Programs;

/// <summary>
/// The answers of the programme endpoints. Part of the API's JSON source generation: <see
/// cref="Infrastructure.ApiJson"/> puts every context of this assembly first in the JSON options' resolver chain, so
/// these types serialize through generated code.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ProgramDto))]
[JsonSerializable(typeof(PagedList<ProgramDto>))]
internal sealed partial class ProgramsJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Api.Common;

namespace DiplomacyGraph.Api.Sources;

/// <summary>
/// The answers of the source endpoints. Part of the API's JSON source generation: <see cref="Infrastructure.ApiJson"/>
/// puts every context of this assembly first in the JSON options' resolver chain, so these types serialize through
/// generated code.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SourceDto))]
[JsonSerializable(typeof(CappedList<SourceDto>))]
[JsonSerializable(typeof(SourceDetailDto))]
[JsonSerializable(typeof(SourceRetractionDto))]
internal sealed partial class SourcesJsonContext : JsonSerializerContext;

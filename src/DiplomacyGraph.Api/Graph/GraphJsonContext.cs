using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Api.Common;

namespace DiplomacyGraph.Api.Graph;

/// <summary>
/// The graph answer, with the evidence and references it puts into its elements' data (property bags the serializer
/// meets at run time). Part of the API's JSON source generation: <see cref="Infrastructure.ApiJson"/> puts every
/// context of this assembly first in the JSON options' resolver chain, so these types serialize through generated code.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CytoscapeGraphDto))]
[JsonSerializable(typeof(List<EvidenceDto>))]
[JsonSerializable(typeof(EvidenceDto[]))]
[JsonSerializable(typeof(List<NodeRef>))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;

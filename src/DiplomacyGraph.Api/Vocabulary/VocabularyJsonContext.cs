using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiplomacyGraph.Api.Vocabulary;

/// <summary>The answers of the vocabulary endpoints, serialized through generated code (see <see cref="Infrastructure.ApiJson"/>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PloverVocabularyDto))]
internal sealed partial class VocabularyJsonContext : JsonSerializerContext;

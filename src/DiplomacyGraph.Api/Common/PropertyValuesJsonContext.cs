using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiplomacyGraph.Api.Common;

/// <summary>
/// What property bags (<c>IReadOnlyDictionary&lt;string, object?&gt;</c>) hold at run time: the stores' property
/// values. Part of the API's JSON source generation: <see cref="Infrastructure.ApiJson"/> puts every context of this
/// assembly first in the JSON options' resolver chain, so these types serialize through generated code.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
internal sealed partial class PropertyValuesJsonContext : JsonSerializerContext;

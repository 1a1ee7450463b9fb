using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Api.Common;

namespace DiplomacyGraph.Api.Statements;

/// <summary>
/// The answers of the statement endpoints. Part of the API's JSON source generation: <see
/// cref="Infrastructure.ApiJson"/> puts every context of this assembly first in the JSON options' resolver chain, so
/// these types serialize through generated code.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StatementDto))]
[JsonSerializable(typeof(PagedList<StatementDto>))]
[JsonSerializable(typeof(CappedList<StatementDto>))]
internal sealed partial class StatementsJsonContext : JsonSerializerContext;

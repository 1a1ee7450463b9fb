using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Api.Common;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// The answers of the import endpoints, and what a stopped bulk import's problem carries as extensions. Part of the
/// API's JSON source generation: <see cref="Infrastructure.ApiJson"/> puts every context of this assembly first in the
/// JSON options' resolver chain, so these types serialize through generated code.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ImportResultDto))]
[JsonSerializable(typeof(FtmImportResultDto))]
[JsonSerializable(typeof(PloverImportResultDto))]
[JsonSerializable(typeof(Gdelt.GdeltImportResultDto))]
[JsonSerializable(typeof(BulkImportResultDto))]
[JsonSerializable(typeof(BulkImportProblemDto))]
[JsonSerializable(typeof(List<BulkOutcomeDto>))]
[JsonSerializable(typeof(BulkTotalsDto))]
internal sealed partial class ImportJsonContext : JsonSerializerContext;

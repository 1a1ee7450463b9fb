using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Api.Actors;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Events;
using DiplomacyGraph.Api.Figures;
using DiplomacyGraph.Api.Graph;
using DiplomacyGraph.Api.Import;
using DiplomacyGraph.Api.Paths;
using DiplomacyGraph.Api.Programs;
using DiplomacyGraph.Api.Sanctions;
using DiplomacyGraph.Api.Sources;
using DiplomacyGraph.Api.Statements;
using DiplomacyGraph.Api.Timeline;
using DiplomacyGraph.Storage.Knowledge;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>The API's JSON settings, for its answers and request bodies alike.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // A property the format does not have, or has under another case, or twice, is a mistake to report, not to drop.
        KnowledgeJson.Strict(options);
        // Answers serialize through generated code; reflection stays behind it for everything else.
        options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        return options;
    }
}

/// <summary>
/// Compile-time serializers for every JSON answer the API gives, first in the JSON options' resolver chain.
/// Its generation options match the runtime ones (web defaults: camelCase, nulls written), so System.Text.Json
/// takes the generated fast path and writes the same bytes reflection would. Reflection stays behind it for what
/// is not listed: request bodies, ProblemDetails, and the runtime types inside property bags that the compiler
/// names itself (collection expressions). <c>ApiJsonContextTests</c> fails when an endpoint's answer type is missing.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
// The answers, as the endpoints declare them (Ok<T>, Created<T>, Produces<T>).
[JsonSerializable(typeof(ActorDetailDto))]
[JsonSerializable(typeof(PagedList<ActorSummaryDto>))]
[JsonSerializable(typeof(CappedList<ActorEventDto>))]
[JsonSerializable(typeof(CappedList<CoParticipantDto>))]
[JsonSerializable(typeof(CappedList<RelationshipDto>))]
[JsonSerializable(typeof(CappedList<RelativeWithSanctionsDto>))]
[JsonSerializable(typeof(NetworkDto))]
[JsonSerializable(typeof(EventDetailDto))]
[JsonSerializable(typeof(EventSummaryDto))]
[JsonSerializable(typeof(PagedList<EventSummaryDto>))]
[JsonSerializable(typeof(SanctionDto))]
[JsonSerializable(typeof(PagedList<SanctionDto>))]
[JsonSerializable(typeof(CappedList<SanctionDto>))]
[JsonSerializable(typeof(StatementDto))]
[JsonSerializable(typeof(PagedList<StatementDto>))]
[JsonSerializable(typeof(CappedList<StatementDto>))]
[JsonSerializable(typeof(FigureDto))]
[JsonSerializable(typeof(PagedList<FigureDto>))]
[JsonSerializable(typeof(CappedList<FigureDto>))]
[JsonSerializable(typeof(ProgramDto))]
[JsonSerializable(typeof(PagedList<ProgramDto>))]
[JsonSerializable(typeof(PathDto))]
[JsonSerializable(typeof(CappedList<PathItemDto>))]
[JsonSerializable(typeof(CappedList<TimelineEntryDto>))]
[JsonSerializable(typeof(CytoscapeGraphDto))]
[JsonSerializable(typeof(SourceDto))]
[JsonSerializable(typeof(CappedList<SourceDto>))]
[JsonSerializable(typeof(SourceDetailDto))]
[JsonSerializable(typeof(SourceRetractionDto))]
[JsonSerializable(typeof(EdgeDto))]
[JsonSerializable(typeof(ImportResultDto))]
[JsonSerializable(typeof(FtmImportResultDto))]
[JsonSerializable(typeof(BulkImportResultDto))]
[JsonSerializable(typeof(BulkImportProblemDto))]
[JsonSerializable(typeof(HealthDto))]
// What property bags (IReadOnlyDictionary<string, object?>) hold at run time: the stores' property values, and the
// evidence and references the graph answer puts into its element data.
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(List<EvidenceDto>))]
[JsonSerializable(typeof(EvidenceDto[]))]
[JsonSerializable(typeof(List<NodeRef>))]
// What a stopped bulk import's problem carries as extensions.
[JsonSerializable(typeof(List<BulkOutcomeDto>))]
[JsonSerializable(typeof(BulkTotalsDto))]
public sealed partial class ApiJsonContext : JsonSerializerContext;

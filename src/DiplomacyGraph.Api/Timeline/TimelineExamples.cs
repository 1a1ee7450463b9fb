using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Timeline;

/// <summary>Swagger's examples for the timeline operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class TimelineExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["* api/timeline:actor"] = "gustavo-petro",
        ["* api/timeline:provenance"] = "curated",
        ["* api/timeline:from"] = "2026-01-01",
        ["* api/timeline:to"] = "2026-12-31",
        ["* api/timeline:limit"] = 50,
        ["* api/timeline:includeUndated"] = true,
    };
}

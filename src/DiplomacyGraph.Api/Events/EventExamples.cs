using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Events;

/// <summary>Swagger's examples for the events operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class EventExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/events/{id}:id"] = SeedMeeting,
        ["* api/events/{id}:id"] = "example-event",
        ["* api/events:kind"] = "CONSULT",
        ["* api/events:from"] = "2026-01-01",
        ["* api/events:to"] = "2026-12-31",
        ["* api/events:actor"] = "gustavo-petro",
        ["* api/events:provenance"] = "curated",
        ["* api/events:mode"] = "visit",
        ["* api/events:context"] = "illegal_drugs",
        ["* api/events:sector"] = "GOV",
        ["* api/events:quadClass"] = 1,
    };

    public override IReadOnlyDictionary<string, Func<JsonNode>> Bodies { get; } = new Dictionary<string, Func<JsonNode>>(StringComparer.Ordinal)
    {
        ["CreateEvent"] = () => Body("An example meeting"),
        ["ReplaceEvent"] = () => Body("The example meeting, replaced"),
    };

    private static JsonObject Body(string title) => new()
    {
        ["id"] = "example-event", ["kind"] = "CONSULT", ["mode"] = "visit", ["title"] = title, ["date"] = "2026-02-05",
        ["topics"] = new JsonArray("drug trafficking"), ["evidence"] = "An example sentence reporting the example meeting.", ["sourceId"] = SeedSource,
    };
}

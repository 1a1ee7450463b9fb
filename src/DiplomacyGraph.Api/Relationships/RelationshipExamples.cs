using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Relationships;

/// <summary>Swagger's examples for the relationships operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class RelationshipExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/relationships/{from}/{type}/{to}:from"] = "bernie-moreno",
        ["DELETE api/relationships/{from}/{type}/{to}:from"] = "example-actor",
        ["* api/relationships/{from}/{type}/{to}:type"] = RelationshipTypes.ParticipatedIn,
        ["* api/relationships/{from}/{type}/{to}:to"] = SeedMeeting,
    };

    public override IReadOnlyDictionary<string, Func<JsonNode>> Bodies { get; } = new Dictionary<string, Func<JsonNode>>(StringComparer.Ordinal)
    {
        ["CreateRelationship"] = () => new JsonObject
        {
            ["type"] = RelationshipTypes.ParticipatedIn,
            ["from"] = "example-actor",
            ["to"] = SeedMeeting,
            ["properties"] = new JsonObject { ["role"] = "observer" },
            ["evidence"] = "An example sentence placing the example actor at the meeting.",
            ["sourceId"] = SeedSource,
        },
    };
}

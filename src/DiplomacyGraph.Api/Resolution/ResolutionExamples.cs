using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Resolution;

/// <summary>Swagger's examples for the resolution operations: the one label resolved, a middling score, and harmless ids of their own for the judgement and its undo.</summary>
internal sealed class ResolutionExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/resolution/candidates:label"] = "actor",
        ["GET api/resolution/candidates:minScore"] = 0.5,
        ["DELETE api/resolution/judgements/{a}/{b}:a"] = "example-actor-a",
        ["DELETE api/resolution/judgements/{a}/{b}:b"] = "example-actor-b",
    };

    public override IReadOnlyDictionary<string, Func<JsonNode>> Bodies { get; } = new Dictionary<string, Func<JsonNode>>(StringComparer.Ordinal)
    {
        ["JudgeResolutionPair"] = () => new JsonObject { ["a"] = "example-actor-a", ["b"] = "example-actor-b", ["judgement"] = "not-same" },
    };
}

using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Paths;

/// <summary>Swagger's examples for the paths operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class PathExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["* api/paths/shortest:from"] = "bernie-moreno",
        ["* api/paths/shortest:to"] = "rosa-villavicencio",
        ["* api/paths/shortest:maxDepth"] = 4,
        ["* api/paths/all-shortest:from"] = "donald-trump",
        ["* api/paths/all-shortest:to"] = "gustavo-petro",
        ["* api/paths/all-shortest:maxDepth"] = 4,
        ["* api/paths/all-shortest:limit"] = 10,
    };
}

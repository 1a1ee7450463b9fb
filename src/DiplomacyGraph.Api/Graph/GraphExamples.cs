using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Graph;

/// <summary>Swagger's examples for the graph operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class GraphExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["* api/graph:actor"] = "gustavo-petro",
        ["* api/graph:depth"] = 1,
        ["* api/graph:limit"] = 200,
        ["* api/graph:nodes"] = "summary",
    };
}

using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Programs;

/// <summary>Swagger's examples for the programs operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class ProgramExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/programs/{id}:id"] = "voluntary-substitution-program",
        ["* api/programs:q"] = "substitution",
    };
}

using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Figures;

/// <summary>Swagger's examples for the figures operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class FigureExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/figures/{id}:id"] = "extraditions-petro-government",
        ["* api/figures:about"] = "gustavo-petro",
        ["* api/figures:metric"] = "extraditions carried out",
        ["* api/figures:q"] = "extradition",
    };
}

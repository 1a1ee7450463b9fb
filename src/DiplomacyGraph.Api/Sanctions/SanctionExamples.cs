using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Sanctions;

/// <summary>Swagger's examples for the sanctions operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class SanctionExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/sanctions/{id}:id"] = "gustavo-petro-visa-revocation",
        ["* api/sanctions/{id}:id"] = "example-sanction",
        ["* api/sanctions:imposer"] = "donald-trump",
        ["* api/sanctions:provenance"] = "curated",
        ["* api/sanctions:target"] = "gustavo-petro",
        ["* api/sanctions:kind"] = "visa-revocation",
        ["* api/sanctions:program"] = "voluntary-substitution-program",
    };

    public override IReadOnlyDictionary<string, Func<JsonNode>> Bodies { get; } = new Dictionary<string, Func<JsonNode>>(StringComparer.Ordinal)
    {
        ["CreateSanction"] = () => Body("An example visa restriction."),
        ["ReplaceSanction"] = () => Body("The example visa restriction, replaced."),
    };

    private static JsonObject Body(string description) => new()
    {
        ["id"] = "example-sanction", ["kind"] = "visa-revocation", ["description"] = description, ["date"] = "2026-02-05",
        ["evidence"] = "An example sentence reporting the example restriction.", ["sourceId"] = SeedSource,
    };
}

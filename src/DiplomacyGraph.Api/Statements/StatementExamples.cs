using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Statements;

/// <summary>Swagger's examples for the statements operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class StatementExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/statements/{id}:id"] = "trump-we-worked-on-it",
        ["* api/statements/{id}:id"] = "example-statement",
        ["* api/statements:speaker"] = "donald-trump",
        ["* api/statements:provenance"] = "curated",
        ["* api/statements:about"] = "gustavo-petro",
        ["* api/statements:q"] = "petro",
    };

    public override IReadOnlyDictionary<string, Func<JsonNode>> Bodies { get; } = new Dictionary<string, Func<JsonNode>>(StringComparer.Ordinal)
    {
        ["CreateStatement"] = () => Body("An example statement."),
        ["ReplaceStatement"] = () => Body("The example statement, replaced."),
    };

    private static JsonObject Body(string text) => new()
    {
        ["id"] = "example-statement", ["text"] = text, ["medium"] = "spoken-to-journalists", ["kind"] = "CONSULT", ["date"] = "2026-02-05",
        ["evidence"] = "An example sentence reporting the example statement.", ["sourceId"] = SeedSource,
    };
}

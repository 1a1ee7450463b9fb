using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;

namespace DiplomacyGraph.Api.Sources;

/// <summary>Swagger's examples for the sources operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class SourceExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/sources/{id}:id"] = SeedSource,
        ["* api/sources/{id}:id"] = "example-source",
    };

    public override IReadOnlyDictionary<string, Func<JsonNode>> Bodies { get; } = new Dictionary<string, Func<JsonNode>>(StringComparer.Ordinal)
    {
        ["CreateSource"] = () => Body("An example article"),
        ["ReplaceSource"] = () => Body("The example article, replaced"),
    };

    private static JsonObject Body(string title) => new()
    {
        ["id"] = "example-source", ["title"] = title, ["outlet"] = "example.org", ["url"] = "https://example.org/article",
        ["published"] = "2026-02-05T09:00", ["language"] = "en",
    };
}

using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Import;

/// <summary>Swagger's examples for the import operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class ImportExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, Func<JsonNode>> Bodies { get; } = new Dictionary<string, Func<JsonNode>>(StringComparer.Ordinal)
    {
        // One Person, as a FollowTheMoney export writes it (one entity a line); the example's own dataset, not a seed actor.
        ["ImportFollowTheMoney"] = () => JsonValue.Create(
            """{"id":"example-ftm-person","schema":"Person","properties":{"name":["Example Listed Person"],"alias":["E. L. Person"]},"datasets":["example_list"],"last_seen":"2026-03-01T00:00:00"}""" + "\n"),
        ["ImportDocument"] = () => new JsonObject
        {
            ["source"] = new JsonObject
            {
                ["id"] = "example-import-source", ["title"] = "An example report", ["outlet"] = "example.org",
                ["url"] = "https://example.org/report", ["published"] = "2026-02-05T09:00", ["language"] = "en",
            },
            ["actors"] = new JsonArray(new JsonObject
            {
                ["id"] = "example-import-actor", ["kind"] = "organization", ["name"] = "Example Import Organization",
                ["evidence"] = "The Example Import Organization observed the meeting.",
            }),
            ["relationships"] = new JsonArray(new JsonObject
            {
                ["type"] = RelationshipTypes.ParticipatedIn, ["from"] = "example-import-actor", ["to"] = SeedMeeting,
                ["properties"] = new JsonObject { ["role"] = "observer" },
                ["evidence"] = "The Example Import Organization observed the meeting.",
            }),
        },
    };
}

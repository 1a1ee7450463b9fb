using System.Text.Json.Nodes;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Actors;

/// <summary>Swagger's examples for the actors operations: seed ids for reads, harmless ids of their own for writes.</summary>
internal sealed class ActorExamples : OpenApiExamples
{
    public override IReadOnlyDictionary<string, JsonNode> Parameters { get; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/actors/{id}*:id"] = "gustavo-petro",
        ["* api/actors/{id}:id"] = "example-actor",
        ["* api/actors:q"] = "petro",
        ["* api/actors:kind"] = "person",
        ["* api/actors:topic"] = "sanction",
        ["* api/actors/{id}/relationships:type"] = RelationshipTypes.ParticipatedIn,
        ["* api/actors/{id}/relationships:direction"] = "out",
        ["* api/actors/{id}/network:depth"] = 2,
        ["* api/actors/{id}/network:nodes"] = "summary",
        ["* api/actors/{id}/statements:role"] = "subject",
        ["* api/actors/{id}/sanctions:role"] = "target",
        ["* api/actors/{id}/figures:role"] = "subject",
    };

    public override IReadOnlyDictionary<string, Func<JsonNode>> Bodies { get; } = new Dictionary<string, Func<JsonNode>>(StringComparer.Ordinal)
    {
        ["CreateActor"] = () => Body("An example actor, created from Swagger."),
        ["ReplaceActor"] = () => Body("The example actor, replaced from Swagger."),
    };

    private static JsonObject Body(string description) => new()
    {
        ["id"] = "example-actor", ["kind"] = "organization", ["name"] = "Example Observer Mission",
        ["aliases"] = new JsonArray("EOM"), ["weakAliases"] = new JsonArray("Observers"), ["description"] = description,
        ["topics"] = new JsonArray("role.pol"),
        ["identifiers"] = new JsonArray(new JsonObject { ["scheme"] = "registration", ["value"] = "EOM-2026-001", ["country"] = "co" }),
        ["nationalities"] = new JsonArray(),
        ["evidence"] = "An example sentence about the example actor.", ["sourceId"] = SeedSource,
    };
}

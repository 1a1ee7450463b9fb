using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DiplomacyGraph.Api.Infrastructure;

/// <summary>
/// Makes the Swagger document read like the API: query parameters in camelCase, as clients send them
/// (binding ignores case, so [AsParameters] records keep their C# names), and an example from the seed
/// on every parameter and request body, so that Try it out works at the first click. Reads use seed ids;
/// writes use harmless ids of their own (<c>example-actor</c>, …), created by the POST examples, so trying
/// a PUT or DELETE never touches the seed's facts.
/// </summary>
internal sealed class OpenApiConventions : IOperationFilter
{
    public const string ApiKeyScheme = "ApiKey";

    private const string Source = "vermelho-2026-02-04-petro-trump";
    private const string Meeting = "white-house-meeting-2026-02-03";

    /// <summary>Examples by route and parameter; "*" stands for any route.</summary>
    private static readonly Dictionary<string, JsonNode> Examples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/actors/{id}*:id"] = "gustavo-petro",
        ["GET api/events/{id}:id"] = Meeting,
        ["GET api/sources/{id}:id"] = Source,
        ["GET api/sanctions/{id}:id"] = "gustavo-petro-visa-revocation",
        ["GET api/statements/{id}:id"] = "trump-we-worked-on-it",
        ["* api/actors/{id}:id"] = "example-actor",
        ["* api/events/{id}:id"] = "example-event",
        ["* api/sources/{id}:id"] = "example-source",
        ["* api/sanctions/{id}:id"] = "example-sanction",
        ["* api/statements/{id}:id"] = "example-statement",
        ["GET api/relationships/{from}/{type}/{to}:from"] = "bernie-moreno",
        ["DELETE api/relationships/{from}/{type}/{to}:from"] = "example-actor",
        ["* api/relationships/{from}/{type}/{to}:type"] = RelationshipTypes.ParticipatedIn,
        ["* api/relationships/{from}/{type}/{to}:to"] = Meeting,
        ["* *:page"] = 1,
        ["* *:pageSize"] = 20,
        ["* *:cascade"] = false,
        ["* api/actors:q"] = "petro",
        ["* api/actors:kind"] = "person",
        ["* api/actors/{id}/relationships:type"] = RelationshipTypes.ParticipatedIn,
        ["* api/actors/{id}/relationships:direction"] = "out",
        ["* api/actors/{id}/network:depth"] = 2,
        ["* api/actors/{id}/statements:role"] = "subject",
        ["* api/actors/{id}/sanctions:role"] = "target",
        ["* api/events:kind"] = "CONSULT",
        ["* api/events:from"] = "2026-01-01",
        ["* api/events:to"] = "2026-12-31",
        ["* api/events:actor"] = "gustavo-petro",
        ["* api/sanctions:imposer"] = "donald-trump",
        ["* api/sanctions:target"] = "gustavo-petro",
        ["* api/sanctions:kind"] = "visa-revocation",
        ["* api/statements:speaker"] = "donald-trump",
        ["* api/statements:about"] = "gustavo-petro",
        ["* api/statements:q"] = "petro",
        ["* api/paths/shortest:from"] = "bernie-moreno",
        ["* api/paths/shortest:to"] = "rosa-villavicencio",
        ["* api/paths/shortest:maxDepth"] = 4,
        ["* api/timeline:actor"] = "gustavo-petro",
        ["* api/timeline:from"] = "2026-01-01",
        ["* api/timeline:to"] = "2026-12-31",
        ["* api/timeline:limit"] = 50,
        ["* api/graph:actor"] = "gustavo-petro",
        ["* api/graph:depth"] = 1,
        ["* api/graph:limit"] = 200,
        ["* *:format"] = "json",
        ["* api/timeline:includeUndated"] = true,
        ["* *:asOf"] = "2026-02-03",
        ["* *:activeOn"] = "2026-02-03",
        ["* *:claims"] = "all",
        ["GET api/figures/{id}:id"] = "extraditions-petro-government",
        ["GET api/programs/{id}:id"] = "voluntary-substitution-program",
        ["* api/figures:about"] = "gustavo-petro",
        ["* api/figures:metric"] = "extraditions carried out",
        ["* api/figures:q"] = "extradition",
        ["* api/programs:q"] = "substitution",
        ["* api/actors/{id}/figures:role"] = "subject",
        ["* api/paths/all-shortest:from"] = "donald-trump",
        ["* api/paths/all-shortest:to"] = "gustavo-petro",
        ["* api/paths/all-shortest:maxDepth"] = 4,
        ["* api/paths/all-shortest:limit"] = 10,
    };

    /// <summary>Request bodies by operation: harmless new ids, evidence from the seed's source.</summary>
    private static readonly Dictionary<string, Func<JsonNode>> Bodies = new(StringComparer.Ordinal)
    {
        ["CreateActor"] = () => Actor("An example actor, created from Swagger."),
        ["ReplaceActor"] = () => Actor("The example actor, replaced from Swagger."),
        ["CreateEvent"] = () => Event("An example meeting"),
        ["ReplaceEvent"] = () => Event("The example meeting, replaced"),
        ["CreateSanction"] = () => Sanction("An example visa restriction."),
        ["ReplaceSanction"] = () => Sanction("The example visa restriction, replaced."),
        ["CreateStatement"] = () => Statement("An example statement."),
        ["ReplaceStatement"] = () => Statement("The example statement, replaced."),
        ["CreateSource"] = () => SourceBody("An example article"),
        ["ReplaceSource"] = () => SourceBody("The example article, replaced"),
        ["CreateRelationship"] = () => new JsonObject
        {
            ["type"] = RelationshipTypes.ParticipatedIn,
            ["from"] = "example-actor",
            ["to"] = Meeting,
            ["properties"] = new JsonObject { ["role"] = "observer" },
            ["evidence"] = "An example sentence placing the example actor at the meeting.",
            ["sourceId"] = Source,
        },
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
                ["type"] = RelationshipTypes.ParticipatedIn, ["from"] = "example-import-actor", ["to"] = Meeting,
                ["properties"] = new JsonObject { ["role"] = "observer" },
                ["evidence"] = "The Example Import Organization observed the meeting.",
            }),
        },
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }];
        }
        var method = context.ApiDescription.HttpMethod ?? "";
        var route = (context.ApiDescription.RelativePath ?? "").TrimEnd('/');
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name)
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
            if (Example(method, route, parameter.Name ?? "") is { } example)
            {
                parameter.Example = example.DeepClone();
            }
        }
        if (operation.OperationId is { } id && Bodies.TryGetValue(id, out var body) && operation.RequestBody?.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                media.Example = body();
            }
        }
    }

    /// <summary>The most specific example: this method and route, any method, then any route; "{id}*" covers the routes below an id.</summary>
    private static JsonNode? Example(string method, string route, string parameter)
    {
        var actorRoute = route.StartsWith("api/actors/{id}", StringComparison.OrdinalIgnoreCase) ? "api/actors/{id}*" : route;
        foreach (var key in new[] { $"{method} {route}", $"{method} {actorRoute}", $"* {route}", "* *" })
        {
            if (Examples.TryGetValue($"{key}:{parameter}", out var example)) return example;
        }
        return null;
    }

    private static JsonObject Actor(string description) => new()
    {
        ["id"] = "example-actor", ["kind"] = "organization", ["name"] = "Example Observer Mission",
        ["aliases"] = new JsonArray("EOM"), ["description"] = description,
        ["evidence"] = "An example sentence about the example actor.", ["sourceId"] = Source,
    };

    private static JsonObject Event(string title) => new()
    {
        ["id"] = "example-event", ["kind"] = "CONSULT", ["mode"] = "meeting", ["title"] = title, ["date"] = "2026-02-05",
        ["topics"] = new JsonArray("drug trafficking"), ["evidence"] = "An example sentence reporting the example meeting.", ["sourceId"] = Source,
    };

    private static JsonObject Sanction(string description) => new()
    {
        ["id"] = "example-sanction", ["kind"] = "visa-revocation", ["description"] = description, ["date"] = "2026-02-05",
        ["evidence"] = "An example sentence reporting the example restriction.", ["sourceId"] = Source,
    };

    private static JsonObject Statement(string text) => new()
    {
        ["id"] = "example-statement", ["text"] = text, ["medium"] = "spoken-to-journalists", ["kind"] = "CONSULT", ["date"] = "2026-02-05",
        ["evidence"] = "An example sentence reporting the example statement.", ["sourceId"] = Source,
    };

    private static JsonObject SourceBody(string title) => new()
    {
        ["id"] = "example-source", ["title"] = title, ["outlet"] = "example.org", ["url"] = "https://example.org/article",
        ["published"] = "2026-02-05T09:00", ["language"] = "en",
    };
}

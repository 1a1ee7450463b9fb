using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiplomacyGraph.Tests.OpenApi;

/// <summary>One parameter of an operation, as the OpenAPI document states it.</summary>
public sealed record DocumentedParameter(string Name, string In, bool Required, JsonObject Schema, JsonNode? Example)
{
    public string Type => Schema["type"]?.GetValue<string>() ?? "string";
}

/// <summary>One operation of the served OpenAPI document: what the negative and example tests send.</summary>
public sealed record DocumentedOperation(
    string Method, string Path, string Id, IReadOnlyList<DocumentedParameter> Parameters, bool NeedsKey,
    JsonNode? BodyExample, bool HasBody, IReadOnlySet<string> BodyRequired, IReadOnlySet<int> Responses, string? BodyMediaType = null)
{
    public bool IsWrite => Method is not "GET";

    /// <summary>True when the body is JSON lines (<c>application/x-ndjson</c>), one document or entity a line.</summary>
    public bool TakesJsonLines => BodyMediaType == "application/x-ndjson";

    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation of the document, in document order.</summary>
    public static IReadOnlyList<DocumentedOperation> All(JsonNode document)
    {
        var operations = new List<DocumentedOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var operation = node!.AsObject();
                var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => new DocumentedParameter(
                    p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["required"]?.GetValue<bool>() ?? false,
                    p["schema"]?.AsObject() ?? [], p["example"])).ToList();
                var content = operation["requestBody"]?["content"]?.AsObject();
                var mediaType = content?.Select(c => c.Key).FirstOrDefault();
                var body = mediaType is null ? null : content![mediaType];
                var schemaName = body?["schema"]?["$ref"]?.GetValue<string>()?.Split('/')[^1];
                var required = (schemaName is null ? null : document["components"]?["schemas"]?[schemaName]?["required"]?.AsArray())
                    ?.Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
                var responses = operation["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                operations.Add(new DocumentedOperation(method.ToUpperInvariant(), path, operation["operationId"]?.GetValue<string>() ?? $"{method} {path}",
                    parameters, operation["security"] is JsonArray { Count: > 0 }, body?["example"], body is not null, required, responses, mediaType));
            }
        }
        return operations;
    }

    /// <summary>The path with each path parameter replaced by the given (unescaped) value.</summary>
    public string FillPath(Func<DocumentedParameter, string> value)
    {
        var path = Path;
        foreach (var parameter in Parameters.Where(p => p.In == "path"))
        {
            path = path.Replace($"{{{parameter.Name}}}", Uri.EscapeDataString(value(parameter)), StringComparison.Ordinal);
        }
        return path;
    }

    public static async Task<JsonNode> FetchAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /swagger/v1/swagger.json: {(int)response.StatusCode}\n{text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>An example as it goes into a URL: strings as they are, numbers and booleans in JSON form.</summary>
    public static string UrlValue(JsonNode example) => example.GetValueKind() == JsonValueKind.String ? example.GetValue<string>() : example.ToJsonString();
}

using System.Text.Json.Nodes;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Seed;

namespace DiplomacyGraph.Tests.Clients;

/// <summary>
/// openapi/v1.json, the OpenAPI document the typed clients are generated from, is what the service serves: a change
/// to an endpoint without <c>bash scripts/update-openapi.sh</c> fails here, not in a client's user.
/// </summary>
public sealed class OpenApiDocumentTests
{
    public static string CommittedDocument => Path.Combine(RepositoryFiles.Root, "openapi", "v1.json");

    [Fact]
    public async Task The_committed_OpenAPI_document_is_the_one_the_service_serves()
    {
        using var factory = DiplomacyGraphFactory.Embedded();
        using var client = factory.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)))!;
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedDocument))!;

        var differences = Differences(committed, served, "$").Take(20).ToList();
        Assert.True(differences.Count == 0,
            "openapi/v1.json differs from the document the service serves; run `bash scripts/update-openapi.sh` and commit it.\n  "
            + string.Join("\n  ", differences));
    }

    [Fact]
    public void The_drift_check_sees_a_changed_description_and_a_missing_operation()
    {
        var committed = JsonNode.Parse(File.ReadAllText(CommittedDocument))!;
        var changed = committed.DeepClone();
        var paths = changed["paths"]!.AsObject();
        var first = paths.First().Key;
        paths.Remove(first);
        changed["info"]!["description"] = "something else";

        var differences = Differences(committed, changed, "$").ToList();
        Assert.Contains($"$.paths.{first}: only in the committed document", differences);
        Assert.Contains(differences, d => d.StartsWith("$.info.description:", StringComparison.Ordinal));
    }

    /// <summary>Where two JSON documents differ, by path; property order does not count, array order does.</summary>
    internal static IEnumerable<string> Differences(JsonNode? committed, JsonNode? served, string path)
    {
        switch (committed, served)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (key, value) in a)
                {
                    if (!b.ContainsKey(key)) yield return $"{path}.{key}: only in the committed document";
                    else foreach (var d in Differences(value, b[key], $"{path}.{key}")) yield return d;
                }
                foreach (var (key, _) in b)
                {
                    if (!a.ContainsKey(key)) yield return $"{path}.{key}: only in the served document";
                }
                break;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count) yield return $"{path}: {a.Count} items committed, {b.Count} served";
                for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
                {
                    foreach (var d in Differences(a[i], b[i], $"{path}[{i}]")) yield return d;
                }
                break;
            default:
                if (!JsonNode.DeepEquals(committed, served))
                {
                    yield return $"{path}: committed {committed?.ToJsonString() ?? "null"}, served {served?.ToJsonString() ?? "null"}";
                }
                break;
        }
    }
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Tests.Api;

namespace DiplomacyGraph.Tests.Docs;

/// <summary>
/// The README's examples and the .http file's requests work as written, against the seeded service, and give the
/// same answers on every store.
/// </summary>
public abstract partial class DocumentedExamples(ApiHost host)
{
    protected abstract Task<DiplomacyGraphFactory> CreateFactoryAsync();

    private Task<HttpClient> Client() => host.ClientAsync(CreateFactoryAsync);

    public static TheoryData<string, string> ReadmeExamples()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var data = new TheoryData<string, string>();
        foreach (Match example in ReadmeExample().Matches(readme))
        {
            data.Add(example.Groups["path"].Value, example.Groups["json"].Value);
        }
        return data;
    }

    [Fact]
    public void The_readme_has_curl_examples_with_outputs() =>
        Assert.True(ReadmeExamples().Count >= 5, "README.md should show at least five curl examples with their output.");

    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public async Task Readme_example_returns_the_output_it_shows(string path, string shown)
    {
        using var response = await (await Client()).GetAsync(path);
        using var actual = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var expected = JsonDocument.Parse(shown);
        var mismatch = Contains(actual.RootElement, expected.RootElement, "$");
        Assert.True(mismatch is null, $"GET {path}: {mismatch}");
    }

    public static TheoryData<string> HttpFileRequests() => [.. HttpFilePaths()];

    private static List<string> HttpFilePaths()
    {
        var file = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "DiplomacyGraph.Api", "DiplomacyGraph.Api.http"));
        // The reads, on the seed: the GETs before the first write (later ones read what the writes created; HttpFileTests
        // runs the whole file in order).
        var firstWrite = FirstWrite().Match(file);
        var reads = firstWrite.Success ? file[..firstWrite.Index] : file;
        return [.. HttpFileRequest().Matches(reads).Select(m => m.Groups["path"].Value.Trim())];
    }

    [Fact]
    public void The_http_file_has_a_request_for_every_resource()
    {
        var paths = HttpFilePaths();
        foreach (var resource in new[] { "/api/actors", "/api/events", "/api/sanctions", "/api/statements", "/api/paths/shortest", "/api/timeline", "/api/graph", "/api/sources", "/health/ready" })
        {
            Assert.Contains(paths, p => p.StartsWith(resource, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(HttpFileRequests))]
    public async Task Http_file_request_succeeds(string path)
    {
        using var response = await (await Client()).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// Whether the shown JSON is the actual JSON abridged: every shown field is there with the shown
    /// value, and a shown array is a prefix of the actual one. Returns where they differ, or null.
    /// </summary>
    private static string? Contains(JsonElement actual, JsonElement shown, string path)
    {
        if (shown.ValueKind == JsonValueKind.Object)
        {
            if (actual.ValueKind != JsonValueKind.Object) return $"{path} is {actual.ValueKind}, the README shows an object";
            foreach (var property in shown.EnumerateObject())
            {
                if (!actual.TryGetProperty(property.Name, out var value)) return $"{path}.{property.Name} is missing";
                if (Contains(value, property.Value, $"{path}.{property.Name}") is { } mismatch) return mismatch;
            }
            return null;
        }
        if (shown.ValueKind == JsonValueKind.Array)
        {
            if (actual.ValueKind != JsonValueKind.Array) return $"{path} is {actual.ValueKind}, the README shows an array";
            var items = actual.EnumerateArray().ToList();
            var index = 0;
            foreach (var item in shown.EnumerateArray())
            {
                if (index >= items.Count) return $"{path} has {items.Count} items, the README shows more";
                if (Contains(items[index], item, $"{path}[{index}]") is { } mismatch) return mismatch;
                index++;
            }
            return null;
        }
        return actual.ToString() == shown.ToString() && actual.ValueKind == shown.ValueKind
            ? null
            : $"{path} is {actual.GetRawText()}, the README shows {shown.GetRawText()}";
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DiplomacyGraph.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No DiplomacyGraph.sln above {AppContext.BaseDirectory}.");
    }

    // A ```bash block whose curl fetches http://localhost:5080<path>, then the next ```json block.
    [GeneratedRegex(@"```bash\s*\ncurl -s '?http://localhost:5080(?<path>[^'\s]+)'?\s*\n```.*?```json\s*\n(?<json>.*?)\n```", RegexOptions.Singleline | RegexOptions.ExplicitCapture)]
    private static partial Regex ReadmeExample();

    [GeneratedRegex(@"^GET \{\{host\}\}(?<path>\S+)", RegexOptions.Multiline | RegexOptions.ExplicitCapture)]
    private static partial Regex HttpFileRequest();

    [GeneratedRegex(@"^(POST|PUT|PATCH|DELETE) ", RegexOptions.Multiline)]
    private static partial Regex FirstWrite();
}

public sealed class EmbeddedDocumentedExamplesTests(ApiHost host) : DocumentedExamples(host), IClassFixture<ApiHost>
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded());
}

/// <summary>With Neo4j configured, the service answers every README example as the embedded default does.</summary>
[Collection("neo4j")]
public sealed class Neo4jDocumentedExamplesTests(ApiHost host, DiplomacyGraph.Tests.Infrastructure.Neo4jServer server) : DocumentedExamples(host), IClassFixture<ApiHost>
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password);
    }
}

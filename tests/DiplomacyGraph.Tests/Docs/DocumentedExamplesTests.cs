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

    public static TheoryData<string, bool, string> ReadmeCsvExamples()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var data = new TheoryData<string, bool, string>();
        foreach (Match example in ReadmeCsvExample().Matches(readme))
        {
            data.Add(example.Groups["path"].Value, example.Groups["accept"].Success, example.Groups["csv"].Value);
        }
        return data;
    }

    [Fact]
    public void The_readme_has_a_CSV_example() => Assert.NotEmpty(ReadmeCsvExamples());

    /// <summary>The shown CSV is the first lines of the actual answer, as written (quoting included).</summary>
    [Theory]
    [MemberData(nameof(ReadmeCsvExamples))]
    public async Task Readme_CSV_example_returns_the_lines_it_shows(string path, bool acceptHeader, string shown)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptHeader) request.Headers.Accept.ParseAdd("text/csv");
        using var response = await (await Client()).SendAsync(request);
        var actual = (await response.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = shown.Split('\n');
        Assert.Equal(lines, actual.Take(lines.Length));
    }

    /// <summary>Rows of the README's table of CSV columns: the first list it names, and the columns it lists.</summary>
    public static TheoryData<string, string> ReadmeCsvColumns()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var table = readme[readme.IndexOf("| List | CSV columns |", StringComparison.Ordinal)..];
        var data = new TheoryData<string, string>();
        foreach (var row in table.Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = row.Split(" | ");
            var list = Backticked().Match(cells[0]).Groups["text"].Value;
            var columns = Backticked().Matches(cells[1]).SelectMany(m => m.Groups["text"].Value.Split(", "));
            data.Add(list, string.Join(",", columns));
        }
        return data;
    }

    [Fact]
    public void The_readme_documents_the_CSV_columns_of_every_list() => Assert.True(ReadmeCsvColumns().Count >= 12);

    [Theory]
    [MemberData(nameof(ReadmeCsvColumns))]
    public async Task Readme_CSV_columns_are_the_header_the_list_answers(string list, string columns)
    {
        var url = list.Replace("{id}", "gustavo-petro", StringComparison.Ordinal)
            + (list.EndsWith("all-shortest", StringComparison.Ordinal) ? "?from=donald-trump&to=gustavo-petro&format=csv" : "?format=csv");
        using var response = await (await Client()).GetAsync(url);
        var header = (await response.Content.ReadAsStringAsync()).Split("\r\n")[0];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(columns, header);
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
        foreach (var resource in new[] { "/api/actors", "/api/events", "/api/sanctions", "/api/statements", "/api/figures", "/api/programs", "/api/paths/shortest", "/api/paths/all-shortest", "/api/timeline", "/api/graph", "/api/sources", "/health/ready" })
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

    // A ```bash block whose curl fetches CSV (by Accept header or format=csv), right followed by a ```csv block.
    [GeneratedRegex(@"```bash\s*\ncurl -s (?<accept>-H 'Accept: text/csv' )?'?http://localhost:5080(?<path>[^'\s]+)'?\s*\n```\s*```csv\s*\n(?<csv>.*?)\n```", RegexOptions.Singleline | RegexOptions.ExplicitCapture)]
    private static partial Regex ReadmeCsvExample();

    [GeneratedRegex("`(?<text>[^`]+)`", RegexOptions.ExplicitCapture)]
    private static partial Regex Backticked();

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

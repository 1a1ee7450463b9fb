using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Seed;

namespace DiplomacyGraph.Tests.Docs;

/// <summary>
/// src/DiplomacyGraph.Api/DiplomacyGraph.Api.http, as an editor sends it: it has a request for every operation of the
/// OpenAPI document, every write carries the key variable, and run top to bottom against the seeded service every
/// request succeeds.
/// </summary>
public sealed partial class HttpFileTests
{
    public static string HttpFile => Path.Combine(RepositoryFiles.Root, "src", "DiplomacyGraph.Api", "DiplomacyGraph.Api.http");

    [Fact]
    public async Task The_http_file_has_a_request_for_every_operation_of_the_OpenAPI_document()
    {
        using var factory = DiplomacyGraphFactory.Embedded();
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)));
        var requests = Parse(await File.ReadAllTextAsync(HttpFile));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Method: op.Name.ToUpperInvariant(), Template: path.Name)))
            .ToList();
        Assert.NotEmpty(operations);
        var missing = operations
            .Where(op => !requests.Any(r => r.Method == op.Method && PathPattern(op.Template).IsMatch(r.Path)))
            .Select(op => $"{op.Method} {op.Template}")
            .ToList();
        Assert.True(missing.Count == 0, $"DiplomacyGraph.Api.http has no request for:\n  {string.Join("\n  ", missing)}");
    }

    [Fact]
    public async Task Every_request_of_the_http_file_succeeds_in_order_and_every_write_sends_the_key_variable()
    {
        var file = await File.ReadAllTextAsync(HttpFile);
        var requests = Parse(file);
        Assert.All(requests.Where(r => r.Method != "GET"), r => Assert.Equal("{{key}}", r.Headers.GetValueOrDefault("X-Api-Key")));
        // The file's @key, which its start command configures: a key strong enough for start-up to accept.
        var key = Variables(file)["key"];
        Assert.Contains($"--Auth:Keys:editor={key}", file, StringComparison.Ordinal);

        using var factory = DiplomacyGraphFactory.Embedded(new Dictionary<string, string?> { ["Auth:Keys:editor"] = key });
        using var client = factory.CreateClient();
        foreach (var request in requests)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path, UriKind.Relative));
            foreach (var (name, value) in request.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            {
                message.Headers.Add(name, value.Replace("{{key}}", key, StringComparison.Ordinal));
            }
            if (request.Body is { } body)
            {
                var text = body.StartsWith("< ", StringComparison.Ordinal)
                    ? await File.ReadAllTextAsync(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(HttpFile)!, body[2..].Trim())))
                    : body;
                message.Content = new StringContent(text, Encoding.UTF8);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.Headers.GetValueOrDefault("Content-Type", "application/json"));
            }
            using var response = await client.SendAsync(message);
            Assert.True(response.IsSuccessStatusCode,
                $"{request.Title}: {request.Method} {request.Path} answered {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record HttpRequest(string Title, string Method, string Path, Dictionary<string, string> Headers, string? Body);

    /// <summary>The requests of a .http file: "### title", the request line, headers, a blank line, a body.</summary>
    private static List<HttpRequest> Parse(string text)
    {
        var variables = Variables(text);
        var requests = new List<HttpRequest>();
        foreach (var block in text.Split("###").Skip(1))
        {
            var lines = block.Replace("\r", "", StringComparison.Ordinal).Split('\n');
            var title = lines[0].Trim();
            var start = Array.FindIndex(lines, l => RequestLine().IsMatch(l));
            if (start < 0) continue;
            var line = RequestLine().Match(lines[start]);
            var path = line.Groups["url"].Value.Replace("{{host}}", "", StringComparison.Ordinal);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var i = start + 1;
            for (; i < lines.Length && lines[i].Trim().Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
            var body = string.Join('\n', lines.Skip(i)).Trim();
            requests.Add(new HttpRequest(title, line.Groups["method"].Value, path, headers, body.Length == 0 ? null : body));
        }
        Assert.True(variables.ContainsKey("host") && variables.ContainsKey("key"), "The .http file must declare @host and @key.");
        return requests;
    }

    private static Dictionary<string, string> Variables(string text) =>
        Variable().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim());

    private static Regex PathPattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/?]+") + @"(\?.*)?$", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE) (?<url>\S+)")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^@(?<name>\w+)\s*=\s*(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex Variable();
}

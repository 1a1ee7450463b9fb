using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Browser;

/// <summary>
/// Swagger UI as Chromium rendered it from the service running as a real Kestrel server on loopback, beside the
/// OpenAPI document the same server published. Both are captured once per test class; the service and the browser
/// are gone before the first test runs.
/// </summary>
public sealed partial class SwaggerUiPage : IAsyncLifetime
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>The OpenAPI document at /swagger/v1/swagger.json, as the browser's page fetched it.</summary>
    public JsonElement Document { get; private set; }

    /// <summary>The DOM of /swagger/index.html after Swagger UI's scripts rendered it.</summary>
    public string Dom { get; private set; } = "";

    /// <summary>Every operation of the document, as "METHOD /path".</summary>
    public IReadOnlyList<string> DocumentOperations =>
        [.. Document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(item => HttpMethods.Contains(item.Name, StringComparer.OrdinalIgnoreCase))
                .Select(item => Operation(item.Name, path.Name)))];

    /// <summary>
    /// Every operation block the page rendered, as "METHOD /path": Swagger UI draws each as
    /// <c>div.opblock.opblock-&lt;method&gt;</c> holding a <c>span.opblock-summary-path[data-path]</c>.
    /// </summary>
    public IReadOnlyList<string> RenderedOperations =>
        [.. OperationBlock().Matches(Dom).Select(m => Operation(m.Groups["method"].Value, WebUtility.HtmlDecode(m.Groups["path"].Value)))];

    public async Task InitializeAsync()
    {
        Chromium.AssertInstalled(); // before starting anything, so a missing browser fails fast and says why
        var folder = Directory.CreateTempSubdirectory("diplomacygraph-browser-");
        try
        {
            await using var api = await ApiProcess.StartAsync(Path.Combine(folder.FullName, "graph.db"), apiKey: "browser-test-key-0123456789abcdef");
            using var document = await api.Client.GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
            var json = await document.Content.ReadAsStringAsync();
            Assert.True(document.StatusCode == HttpStatusCode.OK, $"GET /swagger/v1/swagger.json: {(int)document.StatusCode}\n{json}\n{api.Output}");
            Document = JsonDocument.Parse(json).RootElement.Clone();

            var page = new Uri(api.Client.BaseAddress!, "/swagger/index.html");
            Dom = await Chromium.DumpDomAsync(page, Path.Combine(folder.FullName, "chromium-profile"));
        }
        finally
        {
            // The ApiProcess is killed (process tree) by its own dispose above; the browser by DumpDomAsync.
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Operation(string method, string path) => $"{method.ToUpperInvariant()} {path}";

    // The method comes from the block's own class and the path from the first data-path inside it;
    // "opblock-summary-…" and "opblock-tag" classes do not start with "opblock opblock-", so they never match.
    [GeneratedRegex(@"class=""opblock opblock-(?<method>[a-z]+)\b.*?\bdata-path=""(?<path>[^""]*)""", RegexOptions.Singleline)]
    private static partial Regex OperationBlock();
}

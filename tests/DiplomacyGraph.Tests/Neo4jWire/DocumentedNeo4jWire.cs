using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Neo4j;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Neo4jWire;

/// <summary>
/// An in-process stand-in that answers with the shapes Neo4j's documentation gives for its HTTP APIs (discovery,
/// the Query API's <c>/db/{db}/query/v2</c> endpoints, the transactional API's commit endpoint). It is <b>not</b> Neo4j:
/// tests that use it check our adapter's wire format (request bodies, paths, headers, how answers and errors are read),
/// never storage behaviour, which is tested against the real server. No Neo4j 5.19+ can run on the build machines.
/// </summary>
internal sealed class DocumentedNeo4jWire : HttpMessageHandler
{
    /// <summary>Neo4j 5.26's <c>GET /</c> (docs "Query API → Endpoints → Discovery API"): both APIs advertised.</summary>
    public const string Neo4j526Root = """
        {"bolt_routing":"neo4j://localhost:7687","query":"http://localhost:7474/db/{databaseName}/query/v2",
         "transaction":"http://localhost:7474/db/{databaseName}/tx","bolt_direct":"bolt://localhost:7687",
         "neo4j_version":"5.26.0","neo4j_edition":"enterprise"}
        """;

    /// <summary>An Aura-like root: the Query API only, no <c>transaction</c> (docs: the transactional API is "not available on Aura").</summary>
    public const string AuraRoot = """
        {"bolt_routing":"neo4j://xxxxxxxx.databases.neo4j.io","query":"https://xxxxxxxx.databases.neo4j.io/db/{databaseName}/query/v2",
         "neo4j_version":"5.27-aura","neo4j_edition":"enterprise"}
        """;

    /// <summary>Neo4j 3.x's <c>GET /</c>: only <c>data</c>, whose document names the transaction endpoint.</summary>
    public const string Neo4j3Root = """{"management":"http://localhost:7474/db/manage/","data":"http://localhost:7474/db/data/","bolt":"bolt://localhost:7687"}""";

    public const string Affinity = "MTAuOC41Ljc6MTc0NzQ=";

    private int transactions;

    public string Root { get; set; } = Neo4j526Root;

    /// <summary>Every request, in order: method, path, headers we care about, and the JSON body.</summary>
    public ConcurrentQueue<Recorded> Requests { get; } = new();

    /// <summary>
    /// The answer to a statement, by the text it contains: (HTTP status, body) — the default is 202 with one empty
    /// result. Return null to fall through to the default.
    /// </summary>
    public Func<Recorded, (HttpStatusCode Status, string Body)?> Answer { get; set; } = _ => null;

    public sealed record Recorded(HttpMethod Method, string Path, string? Affinity, string? Authorization, JsonNode? Body)
    {
        /// <summary>The whole body, for "does this request carry that statement".</summary>
        public string Text => Body?.ToJsonString() ?? "";

        public string? Statement => Body?["statement"]?.GetValue<string>() ?? Body?["statements"]?[0]?["statement"]?.GetValue<string>();

        public override string ToString() => $"{Method} {Path}";
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var text = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        var recorded = new Recorded(request.Method, request.RequestUri!.AbsolutePath,
            request.Headers.TryGetValues(Neo4jHttpClient.AffinityHeader, out var a) ? a.First() : null,
            request.Headers.Authorization?.ToString(), text.Length == 0 ? null : JsonNode.Parse(text));
        Requests.Enqueue(recorded);

        if (request.Method == HttpMethod.Get && recorded.Path == "/") return Json(HttpStatusCode.OK, Root);
        if (request.Method == HttpMethod.Get && recorded.Path == "/db/data/")
        {
            return Json(HttpStatusCode.OK, """{"transaction":"http://localhost:7474/db/data/transaction","neo4j_version":"3.1.1"}""");
        }
        if (Answer(recorded) is { } scripted) return Json(scripted.Status, scripted.Body);

        var path = recorded.Path;
        if (path.EndsWith("/query/v2/tx", StringComparison.Ordinal) && request.Method == HttpMethod.Post)
        {
            // docs "Run transactions → Create a transaction": 202, the affinity header, transaction.id and expiry.
            var id = Interlocked.Increment(ref transactions);
            var opened = Json(HttpStatusCode.Accepted, $$$"""
                {"data":{"fields":[],"values":[]},"bookmarks":[],"transaction":{"id":"{{{id}}}","expires":"2026-11-26T06:00:00Z"}}
                """);
            opened.Headers.TryAddWithoutValidation(Neo4jHttpClient.AffinityHeader, Affinity);
            return opened;
        }
        if (request.Method == HttpMethod.Delete) return Json(HttpStatusCode.OK, """{"bookmarks":[]}""");
        if (path.Contains("/query/v2", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"bookmarks":[]}""");
        }
        if (path.EndsWith("/tx/commit", StringComparison.Ordinal) || path == "/db/data/transaction/commit")
        {
            var count = recorded.Body?["statements"]?.AsArray().Count ?? 0;
            var results = string.Join(",", Enumerable.Repeat("""{"columns":[],"data":[]}""", count));
            return Json(HttpStatusCode.OK, $"{{\"results\":[{results}],\"errors\":[]}}");
        }
        return Json(HttpStatusCode.NotFound, """{"errors":[{"code":"Neo.ClientError.Request.Invalid","message":"Not Found"}]}""");
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>A Query API error answer (docs "Query API → Errors"): an HTTP error status and <c>errors[].code</c>.</summary>
    public static (HttpStatusCode, string) Error(HttpStatusCode status, string code) =>
        (status, $"{{\"errors\":[{{\"code\":\"{code}\",\"message\":\"documented example\"}}]}}");

    /// <summary>A Query API result: <c>data.fields</c> and <c>data.values</c> (one array per row).</summary>
    public static (HttpStatusCode, string) Rows(string field, params string[] jsonValues) =>
        (HttpStatusCode.Accepted, $"{{\"data\":{{\"fields\":[\"{field}\"],\"values\":[{string.Join(",", jsonValues.Select(v => $"[{v}]"))}]}},\"bookmarks\":[]}}");

    /// <summary>The Neo4j store on this stand-in, built as the API builds it, with extra <c>Neo4j:*</c> settings.</summary>
    /// <remarks>The factory's handler chain disposes this handler when it recycles; it keeps no state that disposal ends.</remarks>
    public ServiceProvider Store(string uri = "http://localhost:7474", params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Neo4j:Uri"] = uri };
        foreach (var (key, value) in settings) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddGraphStore(configuration);
        services.AddHttpClient(Neo4jHttpClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => this);
        return services.BuildServiceProvider();
    }
}

/// <summary>What a JSON body sent to the stand-in says.</summary>
internal static class RecordedBodies
{
    public static string[] Bookmarks(this DocumentedNeo4jWire.Recorded request) =>
        request.Body?["bookmarks"]?.AsArray().Select(b => b!.GetValue<string>()).ToArray() ?? [];

    public static JsonElement Parameters(this DocumentedNeo4jWire.Recorded request) =>
        JsonDocument.Parse(request.Body!["parameters"]!.ToJsonString()).RootElement;
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>One Cypher statement and its parameters.</summary>
internal sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?>? Parameters = null);

/// <summary>The rows one statement returned: each row's values by column name.</summary>
internal sealed class CypherResult(IReadOnlyList<string> columns, IReadOnlyList<JsonElement> rows)
{
    public IReadOnlyList<string> Columns { get; } = columns;

    public IEnumerable<JsonElement> Column(string name)
    {
        var index = Columns.ToList().IndexOf(name);
        if (index < 0) throw new InvalidOperationException($"The query returned no column '{name}'.");
        return rows.Select(row => row[index]);
    }

    public int Count => rows.Count;
}

/// <summary>What <c>GET /</c> told us about the server, and which of its HTTP APIs the store speaks to it.</summary>
/// <param name="Version">The server's <c>neo4j_version</c>, "0" when it does not say.</param>
/// <param name="Protocol"><see cref="Neo4jProtocol.Tx"/> or <see cref="Neo4jProtocol.Query"/>, never Auto.</param>
/// <param name="TransactionUri">The transactional API's <c>…/tx</c> (3.x: <c>/db/data/transaction</c>), when the server offers it.</param>
/// <param name="QueryUri">The Query API's <c>…/query/v2</c>, advertised or (when asked for) assumed.</param>
internal sealed record Neo4jServerInfo(string Version, Neo4jProtocol Protocol, Uri? TransactionUri, Uri? QueryUri)
{
    public int MajorVersion => int.TryParse(Version.Split('.')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var major) ? major : 0;
}

/// <summary>
/// Neo4j over HTTP: the transactional Cypher API (every version from 3.x, deprecated in 5.26) or the Query API
/// (5.19+, Aura), chosen by <see cref="Neo4jOptions.Protocol"/> from what <c>GET /</c> advertises.
/// </summary>
/// <remarks>
/// <para>
/// A unit of work (<see cref="Run(IReadOnlyList{CypherStatement}, CancellationToken, bool)"/>) is one transaction. On the
/// transactional API that is one request to <c>…/tx/commit</c> carrying every statement, so no transaction is ever left
/// open and no lock is held across a network round trip. The Query API takes one statement per request, so a unit of
/// several statements runs in an explicit transaction (open, run, commit), rolled back when any step fails.
/// </para>
/// <para>
/// Failures become the store's exceptions: <see cref="StoreUnavailableException"/> (down, slow, 5xx, transient errors
/// that persist; <see cref="StoreUnavailableException.OutcomeUnknown"/> when a commit was sent and no answer came),
/// <see cref="StoreMisconfiguredException"/> (credentials refused), <see cref="Neo4jConstraintException"/> (a uniqueness
/// constraint), <see cref="Neo4jGuardException"/> (a write's guard refused) or <see cref="Neo4jQueryException"/> (our bug).
/// <c>Neo.TransientError.*</c> (deadlocks included) is retried with jittered exponential backoff within the timeout.
/// </para>
/// </remarks>
internal sealed class Neo4jHttpClient
{
    /// <summary>The name of the <see cref="HttpClient"/> registered with <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "Neo4j";

    /// <summary>The header a Neo4j cluster sets when a Query API transaction opens; every later request of it must echo it.</summary>
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private const string ConstraintViolation = "Neo.ClientError.Schema.ConstraintValidationFailed";
    private const string GuardFailure = "Neo.ClientError.Statement.ArithmeticError";
    private const string SecurityErrors = "Neo.ClientError.Security.";
    private const string EntityNotFound = "Neo.ClientError.Statement.EntityNotFound";

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new FloatingPointConverter() },
    };

    private readonly IHttpClientFactory httpClients;
    private readonly Neo4jOptions options;
    private readonly ILogger<Neo4jHttpClient> logger;
    private readonly ResiliencePipeline reads, writes;
    private volatile Neo4jServerInfo? server;
    private volatile string[] bookmarks = [];

    public Neo4jHttpClient(IHttpClientFactory httpClients, IOptions<Neo4jOptions> options, ILogger<Neo4jHttpClient> logger)
    {
        this.httpClients = httpClients;
        this.options = options.Value;
        this.logger = logger;
        reads = Pipeline(this.options.RequestTimeout, logger);
        writes = Pipeline(this.options.ImportTimeout, logger);
    }

    /// <summary>The bookmarks of this process's latest write (Query API only), sent with every later request.</summary>
    internal IReadOnlyList<string> Bookmarks => bookmarks;

    private static ResiliencePipeline Pipeline(TimeSpan timeout, ILogger logger) =>
        new ResiliencePipelineBuilder()
            // Outermost: the whole call, retries included, never takes longer than the timeout.
            .AddTimeout(timeout)
            .AddRetry(new RetryStrategyOptions
            {
                // Transient errors (deadlocks, lock timeouts, a leader switch) come with a definite answer: the
                // transaction was rolled back, so running the whole unit again is safe.
                ShouldHandle = new PredicateBuilder().Handle<Neo4jTransientException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
                MaxDelay = TimeSpan.FromSeconds(1),
                MaxRetryAttempts = 10,
                OnRetry = args =>
                {
                    logger.LogInformation("Neo4j transient error ({Error}); retry {Attempt} in {Delay}",
                        args.Outcome.Exception?.Message, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>
    /// Runs the statements as one transaction, within <see cref="Neo4jOptions.RequestTimeout"/>, or
    /// <see cref="Neo4jOptions.ImportTimeout"/> for a <paramref name="write"/>. A write's results are only returned once
    /// it has committed.
    /// </summary>
    public async Task<IReadOnlyList<CypherResult>> Run(IReadOnlyList<CypherStatement> statements, CancellationToken ct, bool write = false)
    {
        // One span per call, named after its .cypher files; the HTTP requests (retries included) are its children.
        using var telemetry = StoreTelemetry.StartNeo4jQuery(statements);
        try
        {
            return await RunUntraced(statements, write, ct);
        }
        catch (Exception e)
        {
            telemetry.Failed(e);
            throw;
        }
    }

    private async Task<IReadOnlyList<CypherResult>> RunUntraced(IReadOnlyList<CypherStatement> statements, bool write, CancellationToken ct)
    {
        // Only a write's commit can leave its outcome in doubt.
        var commit = write ? new CommitState() : null;
        try
        {
            return await (write ? writes : reads).ExecuteAsync(async token =>
            {
                var info = await Server(token);
                if (info.Protocol == Neo4jProtocol.Query) return await RunOnQueryApi(info, statements, commit, write, token);
                try
                {
                    return await RunOnTransactionalApi(info, statements, commit, token);
                }
                catch (TransactionalApiMissingException)
                {
                    var fallback = info with { Protocol = Neo4jProtocol.Query };
                    logger.LogWarning("Neo4j {Version}: the transactional API answered 404; using the Query API at {Endpoint}", info.Version, fallback.QueryUri);
                    server = fallback;
                    return await RunOnQueryApi(fallback, statements, commit, write, token);
                }
            }, ct);
        }
        catch (Exception e) when (commit?.InDoubt == true && e is StoreUnavailableException or TimeoutRejectedException or OperationCanceledException)
        {
            server = null;
            logger.LogError(e, "Neo4j write outcome unknown: the commit was sent and no answer came; the write may have applied");
            throw new StoreUnavailableException(StoreUnavailableException.DefaultRetryAfter, e) { OutcomeUnknown = true };
        }
        catch (TimeoutRejectedException e)
        {
            server = null;
            throw new StoreUnavailableException(e);
        }
        catch (Neo4jTransientException e)
        {
            throw new StoreUnavailableException(e);
        }
    }

    public async Task<CypherResult> Run(CypherStatement statement, CancellationToken ct, bool write = false) => (await Run([statement], ct, write))[0];

    /// <summary>The server's version and endpoints, discovered once and again after a connection failure.</summary>
    public Task<Neo4jServerInfo> Server(CancellationToken ct) =>
        server is { } known ? Task.FromResult(known) : Discover(ct);

    private async Task<Neo4jServerInfo> Discover(CancellationToken ct)
    {
        var root = options.Uri!;
        using var discovery = await GetJson(root, ct);
        var info = await Choose(root, discovery.RootElement, ct);
        logger.LogInformation("Neo4j {Version}: {Protocol} API at {Endpoint}", info.Version,
            info.Protocol == Neo4jProtocol.Query ? "Query" : "transactional", info.Protocol == Neo4jProtocol.Query ? info.QueryUri : info.TransactionUri);
        server = info;
        return info;
    }

    /// <summary>
    /// Auto: the transactional API wherever the server offers it (the path tested against a real server), the Query API
    /// where discovery lacks <c>transaction</c> (Aura); <see cref="Neo4jOptions.Protocol"/> overrides the choice.
    /// </summary>
    private async Task<Neo4jServerInfo> Choose(Uri root, JsonElement discovery, CancellationToken ct)
    {
        var version = VersionOf(discovery);
        var query = Advertised(root, discovery, "query");
        var transaction = Advertised(root, discovery, "transaction");
        if (transaction is null && discovery.TryGetProperty("data", out var data) && data.GetString() is { } dataUri && options.Protocol != Neo4jProtocol.Query)
        {
            // 3.x: the data endpoint names the transaction endpoint and the version; there is no Query API.
            using var service = await GetJson(Rebase(root, dataUri), ct);
            var endpoint = service.RootElement.TryGetProperty("transaction", out var t) ? t.GetString() : null;
            return new Neo4jServerInfo(VersionOf(service.RootElement), Neo4jProtocol.Tx, Rebase(root, endpoint ?? "/db/data/transaction"), null);
        }
        query ??= Rebase(root, $"/db/{Uri.EscapeDataString(options.Database)}/query/v2");
        return options.Protocol switch
        {
            Neo4jProtocol.Query => new Neo4jServerInfo(version, Neo4jProtocol.Query, transaction, query),
            _ when transaction is not null => new Neo4jServerInfo(version, Neo4jProtocol.Tx, transaction, query),
            Neo4jProtocol.Tx => throw new StoreMisconfiguredException(
                "Neo4j:Protocol is 'tx' but GET / advertises no transactional API (as on Aura); use 'auto' or 'query'."),
            _ => new Neo4jServerInfo(version, Neo4jProtocol.Query, null, query),
        };
    }

    private Uri? Advertised(Uri root, JsonElement discovery, string name) =>
        discovery.TryGetProperty(name, out var template) && template.GetString() is { } advertised
            ? Rebase(root, advertised.Replace("{databaseName}", Uri.EscapeDataString(options.Database), StringComparison.Ordinal))
            : null;

    private static string VersionOf(JsonElement element) =>
        element.TryGetProperty("neo4j_version", out var version) && version.GetString() is { } v ? v : "0";

    /// <summary>The advertised host may be a container's own name; keep the path and reach it where we reached the root.</summary>
    internal static Uri Rebase(Uri root, string advertised)
    {
        var path = Uri.TryCreate(advertised, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : advertised;
        return new Uri(root, path);
    }

    // ---- The transactional API: one request to the commit endpoint per unit of work.

    private async Task<IReadOnlyList<CypherResult>> RunOnTransactionalApi(Neo4jServerInfo info, IReadOnlyList<CypherStatement> statements, CommitState? commit, CancellationToken ct)
    {
        var uri = new Uri(info.TransactionUri!.AbsoluteUri.TrimEnd('/') + "/commit");
        // "statements" must be the first field of the body.
        var body = new Dictionary<string, object>
        {
            ["statements"] = statements.Select(s => new Dictionary<string, object?>
            {
                ["statement"] = s.Text,
                ["parameters"] = s.Parameters ?? new Dictionary<string, object?>(),
            }).ToList(),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body, options: Json) };
        var (status, root, _) = await Exchange(request, commit, ct);
        if (status == HttpStatusCode.NotFound)
        {
            throw info.QueryUri is null || options.Protocol != Neo4jProtocol.Auto
                ? new Neo4jQueryException("HTTP 404", $"POST {uri.AbsolutePath}: the transactional API is not there.")
                : new TransactionalApiMissingException();
        }
        ThrowOnErrors(root);
        if (status is not HttpStatusCode.OK and not HttpStatusCode.Created)
        {
            throw new Neo4jQueryException($"HTTP {(int)status}", $"POST {uri.AbsolutePath} failed without errors.");
        }
        return [.. root.GetProperty("results").EnumerateArray().Select(r => new CypherResult(
            [.. r.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!)],
            [.. r.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("row"))]))];
    }

    // ---- The Query API: one statement per request; several run in one explicit transaction.

    private async Task<IReadOnlyList<CypherResult>> RunOnQueryApi(Neo4jServerInfo info, IReadOnlyList<CypherStatement> statements, CommitState? commit, bool write, CancellationToken ct)
    {
        var query = info.QueryUri!.AbsoluteUri.TrimEnd('/');
        if (statements.Count == 1)
        {
            // An implicit transaction: the request commits.
            var (_, single) = await QueryRequest(HttpMethod.Post, new Uri(query), statements[0], withBookmarks: true, affinity: null, commit, ct);
            Remember(single, write);
            return [Result(single)];
        }

        var results = new List<CypherResult>(statements.Count);
        string? id = null, affinity = null;
        try
        {
            (affinity, var first) = await QueryRequest(HttpMethod.Post, new Uri(query + "/tx"), statements[0], withBookmarks: true, affinity: null, commit: null, ct);
            id = first.TryGetProperty("transaction", out var transaction) && transaction.TryGetProperty("id", out var tid) ? tid.ToString() : null;
            if (string.IsNullOrEmpty(id)) throw new Neo4jQueryException("Query API", "POST …/query/v2/tx answered without a transaction id.");
            results.Add(Result(first));
            var open = new Uri($"{query}/tx/{Uri.EscapeDataString(id)}");
            for (var i = 1; i < statements.Count - 1; i++)
            {
                results.Add(Result((await QueryRequest(HttpMethod.Post, open, statements[i], withBookmarks: false, affinity, commit: null, ct)).Body));
            }
            // The last statement travels with the commit, which saves a round trip.
            var (_, last) = await QueryRequest(HttpMethod.Post, new Uri(open.AbsoluteUri + "/commit"), statements[^1], withBookmarks: false, affinity, commit, ct);
            id = null;
            results.Add(Result(last));
            Remember(last, write);
            return results;
        }
        finally
        {
            if (id is not null) await RollBack(new Uri($"{query}/tx/{Uri.EscapeDataString(id)}"), affinity);
        }
    }

    private async Task<(string? Affinity, JsonElement Body)> QueryRequest(
        HttpMethod method, Uri uri, CypherStatement statement, bool withBookmarks, string? affinity, CommitState? commit, CancellationToken ct)
    {
        var body = new Dictionary<string, object?>
        {
            ["statement"] = statement.Text,
            ["parameters"] = statement.Parameters ?? new Dictionary<string, object?>(),
        };
        if (withBookmarks && bookmarks is { Length: > 0 } known) body["bookmarks"] = known;
        using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, options: Json) };
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        var (status, root, answeredAffinity) = await Exchange(request, commit, ct);
        ThrowOnErrors(root);
        if ((int)status >= 400)
        {
            throw new Neo4jQueryException($"HTTP {(int)status}", $"{method} {uri.AbsolutePath} failed without errors.");
        }
        return (answeredAffinity, root);
    }

    /// <summary>Query API answers: <c>{"data": {"fields": [...], "values": [[...], ...]}, "bookmarks": [...]}</c>.</summary>
    private static CypherResult Result(JsonElement body) =>
        body.TryGetProperty("data", out var data)
            ? new CypherResult(
                [.. data.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!)],
                [.. data.GetProperty("values").EnumerateArray()])
            : new CypherResult([], []);

    private void Remember(JsonElement body, bool write)
    {
        if (write && body.TryGetProperty("bookmarks", out var marks) && marks.ValueKind == JsonValueKind.Array && marks.GetArrayLength() > 0)
        {
            bookmarks = [.. marks.EnumerateArray().Select(m => m.GetString()!).Where(m => m is not null)];
        }
    }

    /// <summary>Best effort, on its own short clock: an unfinished transaction also expires on the server.</summary>
    private async Task RollBack(Uri uri, string? affinity)
    {
        try
        {
            using var cancel = new CancellationTokenSource(options.ConnectTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Delete, uri);
            if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
            using var response = await Send(request, cancel.Token);
        }
        catch (Exception e) when (e is StoreUnavailableException or StoreMisconfiguredException or OperationCanceledException)
        {
            logger.LogWarning(e, "Could not roll back Neo4j transaction {Transaction}; the server expires it", uri.AbsolutePath);
        }
    }

    // ---- Shared by both APIs.

    private async Task<JsonDocument> GetJson(Uri uri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await Send(request, ct);
        var (document, invalid) = await ReadJson(response, ct);
        try
        {
            ThrowIfRefused(response.StatusCode, document?.RootElement);
            if (!response.IsSuccessStatusCode)
            {
                throw Unavailable($"GET {uri.AbsolutePath} answered {(int)response.StatusCode}");
            }
            return document ?? throw invalid!;
        }
        catch
        {
            document?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The answer's JSON, parsed straight from its UTF-8 bytes (no string, no transcoding), or the reason it is not JSON.
    /// An empty answer reads as <c>{}</c>.
    /// </summary>
    private static async Task<(JsonDocument? Document, JsonException? Invalid)> ReadJson(HttpResponseMessage response, CancellationToken ct)
    {
        // SendAsync has buffered the content (within the client's response buffer limit): this stream is that buffer.
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        try
        {
            return (stream.CanSeek && stream.Length == 0 ? JsonDocument.Parse("{}") : await JsonDocument.ParseAsync(stream, cancellationToken: ct), null);
        }
        catch (JsonException e)
        {
            return (null, e);
        }
    }

    /// <summary>
    /// Sends a request and reads its JSON answer. While a <paramref name="commit"/> is in flight its outcome is in doubt:
    /// from the moment the request may have left until the answer has been read.
    /// </summary>
    private async Task<(HttpStatusCode Status, JsonElement Body, string? Affinity)> Exchange(HttpRequestMessage request, CommitState? commit, CancellationToken ct)
    {
        if (commit is not null) commit.InDoubt = true;
        using var response = await Send(request, ct, commit);
        var (document, invalid) = await ReadJson(response, ct);
        if (commit is not null) commit.InDoubt = false;
        using (document)
        {
            ThrowIfRefused(response.StatusCode, document?.RootElement);
            if ((int)response.StatusCode >= 500)
            {
                throw Unavailable($"{request.Method} {request.RequestUri!.AbsolutePath} answered {(int)response.StatusCode}");
            }
            if (document is null)
            {
                throw new Neo4jQueryException($"HTTP {(int)response.StatusCode}", $"not a JSON answer: {invalid!.Message}");
            }
            var affinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            // One copy the results can keep (the document's pooled buffers go back when it is disposed).
            return (response.StatusCode, document.RootElement.Clone(), affinity);
        }
    }

    /// <summary>
    /// 401/403 and <c>Neo.ClientError.Security.*</c> (3.x's <c>AuthenticationRateLimit</c> after repeated bad logins
    /// included) mean the configuration is wrong, not that the server is down: no retry helps.
    /// </summary>
    private void ThrowIfRefused(HttpStatusCode status, JsonElement? answer)
    {
        // Not JSON (null): the status decides.
        var code = answer is { } root && FirstError(root).Code is var first && first.StartsWith(SecurityErrors, StringComparison.Ordinal) ? first : null;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || code is not null)
        {
            var cause = code ?? $"HTTP {(int)status}";
            var advice = code?.EndsWith("AuthenticationRateLimit", StringComparison.Ordinal) == true
                ? "too many failed logins; the server refuses even the right password for a while. Check Neo4j:User and Neo4j:Password."
                : "the server refused the credentials or their rights. Check Neo4j:User and Neo4j:Password.";
            logger.LogError("Neo4j store misconfigured ({Cause}): {Advice}", cause, advice);
            throw new StoreMisconfiguredException($"Neo4j answered {cause}: {advice}");
        }
    }

    private static (string Code, string Message) FirstError(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
        {
            return ("", "");
        }
        var error = errors[0];
        return (error.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "", error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
    }

    /// <summary>Branches on the Neo4j status code, never on the message (both APIs carry <c>errors[].code</c>).</summary>
    private static void ThrowOnErrors(JsonElement root)
    {
        var (code, message) = FirstError(root);
        if (code.Length == 0) return;
        // EntityNotFound: a node this transaction matched was deleted by a concurrent one before it got its lock; the
        // transaction was rolled back, and running the unit again sees the store as it now is.
        if ((code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) && !code.Contains("Memory", StringComparison.Ordinal))
            || code == EntityNotFound)
        {
            throw new Neo4jTransientException(code, message);
        }
        switch (code)
        {
            case ConstraintViolation:
                throw new Neo4jConstraintException();
            case GuardFailure:
                throw new Neo4jGuardException();
            default:
                throw new Neo4jQueryException(code, message);
        }
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken ct, CommitState? commit = null)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(options.User))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
        try
        {
            return await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            // No connection means nothing was sent: the outcome of a commit is then known (nothing happened).
            if (commit is not null && e.HttpRequestError == HttpRequestError.ConnectionError) commit.InDoubt = false;
            throw Unavailable("connection failed", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            // HttpClient.Timeout, not the caller.
            throw Unavailable("timed out", e);
        }
    }

    private StoreUnavailableException Unavailable(string reason, Exception? inner = null)
    {
        server = null;
        logger.LogWarning(inner, "Neo4j unavailable: {Reason}", reason);
        return new StoreUnavailableException(inner ?? new HttpRequestException(reason));
    }

    /// <summary>Whether a commit request of the current unit of work may have reached the server without its answer reaching us.</summary>
    private sealed class CommitState
    {
        public volatile bool InDoubt;
    }

    /// <summary>The transactional API is not there (404): Auto mode moves to the Query API.</summary>
    private sealed class TransactionalApiMissingException() : Exception("The transactional API answered 404.");

    /// <summary>Writes doubles with a decimal point (810.0, not 810), so Neo4j stores them as floats, not integers.</summary>
    private sealed class FloatingPointConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            writer.WriteRawValue(text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0");
        }
    }
}

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

/// <summary>What <c>GET /</c> told us about the server.</summary>
internal sealed record Neo4jServerInfo(string Version, Uri TransactionUri)
{
    public int MajorVersion => int.TryParse(Version.Split('.')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var major) ? major : 0;

    public Uri CommitUri => new(TransactionUri.AbsoluteUri.TrimEnd('/') + "/commit");
}

/// <summary>
/// Neo4j's HTTP transactional Cypher API, the one every version from 3.x to 5.x shares. It discovers the
/// endpoint from <c>GET /</c> (and again after a connection failure), runs statements in one transaction per
/// request, retries <c>Neo.TransientError.*</c> with jittered exponential backoff within
/// <see cref="Neo4jOptions.RequestTimeout"/>, and turns every failure into one of the store's exceptions:
/// <see cref="StoreUnavailableException"/> (down, slow, 5xx, transient errors that persist),
/// <see cref="IdConflictException"/> (a uniqueness constraint) or <see cref="Neo4jQueryException"/> (our bug).
/// </summary>
internal sealed class Neo4jHttpClient : IDisposable
{
    /// <summary>The name of the <see cref="HttpClient"/> registered with <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "Neo4j";

    private const string ConstraintViolation = "Neo.ClientError.Schema.ConstraintValidationFailed";

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

    public Neo4jHttpClient(IHttpClientFactory httpClients, IOptions<Neo4jOptions> options, ILogger<Neo4jHttpClient> logger)
    {
        this.httpClients = httpClients;
        this.options = options.Value;
        this.logger = logger;
        reads = Pipeline(this.options.RequestTimeout, logger);
        writes = Pipeline(this.options.ImportTimeout, logger);
    }

    private static ResiliencePipeline Pipeline(TimeSpan timeout, ILogger logger) =>
        new ResiliencePipelineBuilder()
            // Outermost: the whole call, retries included, never takes longer than the timeout.
            .AddTimeout(timeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Neo4jTransientException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
                MaxDelay = TimeSpan.FromSeconds(1),
                MaxRetryAttempts = 8,
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Neo4j transient error; retry {Attempt} in {Delay}", args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>
    /// Runs the statements in one transaction (one request to the commit endpoint), within
    /// <see cref="Neo4jOptions.RequestTimeout"/>, or <see cref="Neo4jOptions.ImportTimeout"/> for <paramref name="write"/>s.
    /// </summary>
    public Task<IReadOnlyList<CypherResult>> Run(IReadOnlyList<CypherStatement> statements, CancellationToken ct, bool write = false) =>
        Resilient(write ? writes : reads, async token =>
        {
            var info = await Server(token);
            var (results, _) = await Post(info.CommitUri, statements, token);
            return results;
        }, ct);

    public async Task<CypherResult> Run(CypherStatement statement, CancellationToken ct, bool write = false) => (await Run([statement], ct, write))[0];

    /// <summary>
    /// Runs <paramref name="work"/> in one explicit transaction that spans several requests, so C# can decide between
    /// them; it commits when <paramref name="work"/> calls <see cref="Neo4jTransaction.Commit"/>, and rolls back when it
    /// throws. Transient errors retry the whole unit of work.
    /// </summary>
    /// <remarks>
    /// Such transactions run one at a time in this process. A transaction that holds locks between requests makes
    /// other requests for those locks wait inside Neo4j's HTTP worker threads (as many as the server has cores); with
    /// enough of them waiting, the holder's own next request finds no worker, and all of them stall until they time out.
    /// </remarks>
    public Task<T> InTransaction<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> work, CancellationToken ct) =>
        Resilient(writes, async token =>
        {
            await transactions.WaitAsync(token);
            try
            {
                var info = await Server(token);
                var transaction = new Neo4jTransaction(this, info);
                try
                {
                    return await work(transaction, token);
                }
                catch when (transaction.IsOpen)
                {
                    await transaction.Rollback();
                    throw;
                }
            }
            finally
            {
                transactions.Release();
            }
        }, ct);

    private readonly SemaphoreSlim transactions = new(1, 1);

    public void Dispose() => transactions.Dispose();

    /// <summary>The server's version and endpoint, discovered once and again after a connection failure.</summary>
    public Task<Neo4jServerInfo> Server(CancellationToken ct) =>
        server is { } known ? Task.FromResult(known) : Discover(ct);

    private async Task<Neo4jServerInfo> Discover(CancellationToken ct)
    {
        var root = options.Uri!;
        using var discovery = await GetJson(root, ct);
        Neo4jServerInfo info;
        if (discovery.RootElement.TryGetProperty("transaction", out var template) && template.GetString() is { } advertised)
        {
            // 4.x and later: ".../db/{databaseName}/tx".
            var path = advertised.Replace("{databaseName}", Uri.EscapeDataString(options.Database), StringComparison.Ordinal);
            info = new Neo4jServerInfo(VersionOf(discovery.RootElement), Rebase(root, path));
        }
        else if (discovery.RootElement.TryGetProperty("data", out var data) && data.GetString() is { } dataUri)
        {
            // 3.x: the data endpoint names the transaction endpoint and the version.
            using var service = await GetJson(Rebase(root, dataUri), ct);
            var transaction = service.RootElement.TryGetProperty("transaction", out var t) ? t.GetString() : null;
            info = new Neo4jServerInfo(VersionOf(service.RootElement), Rebase(root, transaction ?? "/db/data/transaction"));
        }
        else
        {
            throw new Neo4jQueryException("Discovery", "GET / named neither a transaction nor a data endpoint.");
        }
        logger.LogInformation("Neo4j {Version} at {Endpoint}", info.Version, info.TransactionUri);
        server = info;
        return info;
    }

    private static string VersionOf(JsonElement element) =>
        element.TryGetProperty("neo4j_version", out var version) && version.GetString() is { } v ? v : "0";

    /// <summary>The advertised host may be a container's own name; keep the path and reach it where we reached the root.</summary>
    internal static Uri Rebase(Uri root, string advertised)
    {
        var path = Uri.TryCreate(advertised, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : advertised;
        return new Uri(root, path);
    }

    private async Task<T> Resilient<T>(ResiliencePipeline pipeline, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await pipeline.ExecuteAsync(async token => await call(token), ct);
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

    private async Task<JsonDocument> GetJson(Uri uri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await Send(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw Unavailable($"GET {uri.AbsolutePath} answered {(int)response.StatusCode}");
        }
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    internal async Task<(IReadOnlyList<CypherResult> Results, JsonElement Body)> Post(Uri uri, IReadOnlyList<CypherStatement> statements, CancellationToken ct)
    {
        using var telemetry = StoreTelemetry.StartNeo4jQuery(statements);
        try
        {
            return await PostUntraced(uri, statements, ct);
        }
        catch (Exception e)
        {
            telemetry.Failed(e);
            throw;
        }
    }

    private async Task<(IReadOnlyList<CypherResult> Results, JsonElement Body)> PostUntraced(Uri uri, IReadOnlyList<CypherStatement> statements, CancellationToken ct)
    {
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
        using var response = await Send(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw Unavailable($"POST {uri.AbsolutePath} answered {(int)response.StatusCode}");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new Neo4jQueryException($"HTTP {(int)response.StatusCode}", $"not a JSON answer: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement.Clone();
            ThrowOnErrors(root);
            if (!response.IsSuccessStatusCode)
            {
                throw new Neo4jQueryException($"HTTP {(int)response.StatusCode}", $"POST {uri.AbsolutePath} failed without errors.");
            }
            var results = root.GetProperty("results").EnumerateArray()
                .Select(r => new CypherResult(
                    [.. r.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!)],
                    [.. r.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("row"))]))
                .ToList();
            return (results, root);
        }
    }

    internal async Task Delete(Uri uri)
    {
        // Best effort: an unfinished transaction also expires on the server.
        try
        {
            using var cancel = new CancellationTokenSource(options.ConnectTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Delete, uri);
            using var response = await Send(request, cancel.Token);
        }
        catch (Exception e) when (e is StoreUnavailableException or OperationCanceledException)
        {
            logger.LogWarning(e, "Could not roll back Neo4j transaction {Transaction}", uri.AbsolutePath);
        }
    }

    private static void ThrowOnErrors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.GetArrayLength() == 0) return;
        var error = errors[0];
        var code = error.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
        var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        if (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
        {
            throw new Neo4jTransientException(code, message);
        }
        if (code == ConstraintViolation)
        {
            // Neo4j's message names internal node ids; the conflict itself is what the caller needs.
            throw new IdConflictException(["An id is already used by another node."]);
        }
        throw new Neo4jQueryException(code, message);
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken ct)
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

/// <summary>An explicit transaction over several requests: the first request opens it, <see cref="Commit"/> ends it.</summary>
internal sealed class Neo4jTransaction(Neo4jHttpClient client, Neo4jServerInfo server)
{
    private Uri? location;

    public Neo4jServerInfo Server { get; } = server;

    public bool IsOpen => location is not null;

    public async Task<IReadOnlyList<CypherResult>> Run(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
    {
        var (results, body) = await client.Post(location ?? Server.TransactionUri, statements, ct);
        if (location is null && body.TryGetProperty("commit", out var commit) && commit.GetString() is { } commitUri)
        {
            var uri = Neo4jHttpClient.Rebase(Server.TransactionUri, commitUri).AbsoluteUri;
            location = new Uri(uri[..^"/commit".Length]);
        }
        return results;
    }

    public async Task<IReadOnlyList<CypherResult>> Commit(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
    {
        var target = location is null ? Server.CommitUri : new Uri(location.AbsoluteUri + "/commit");
        // Neo4j rolls the transaction back itself when a statement fails, so it is over either way.
        location = null;
        var (results, _) = await client.Post(target, statements, ct);
        return results;
    }

    public async Task Rollback()
    {
        if (location is { } open)
        {
            location = null;
            await client.Delete(open);
        }
    }
}

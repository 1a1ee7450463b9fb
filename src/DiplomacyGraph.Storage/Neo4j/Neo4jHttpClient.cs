using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Storage.Idempotency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace DiplomacyGraph.Storage.Neo4j;

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
internal sealed partial class Neo4jHttpClient
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
        reads = Neo4jRetryPolicy.For(this.options.RequestTimeout, logger);
        writes = Neo4jRetryPolicy.For(this.options.ImportTimeout, logger);
    }

    /// <summary>The bookmarks of this process's latest write (Query API only), sent with every later request.</summary>
    internal IReadOnlyList<string> Bookmarks => bookmarks;

    /// <summary>
    /// Runs the statements as one transaction, within <see cref="Neo4jOptions.RequestTimeout"/>, or
    /// <see cref="Neo4jOptions.ImportTimeout"/> for a <paramref name="write"/>. A write's results are only returned once
    /// it has committed.
    /// </summary>
    public async Task<IReadOnlyList<CypherResult>> Run(IReadOnlyList<CypherStatement> statements, CancellationToken ct, bool write = false)
    {
        // One span per call, named after its .cypher files; the HTTP requests (retries included) are its children.
        using var telemetry = StoreTelemetry.StartNeo4jQuery(statements);
        // The key guarding this write commits with it, so a crash before the answer leaves proof that it applied.
        var mark = write ? IdempotentWrite.Current : null;
        try
        {
            if (mark is null) return await RunUntraced(statements, write, ct);
            var results = await RunUntraced([.. statements, MarkStatement(mark)], write, ct);
            mark.MarkCommitted();
            return results.Take(statements.Count).ToList();
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
            logger.LogError("Neo4j write outcome unknown: the commit was sent and no answer came ({Error}); the write may have applied", e.Message);
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

    private static CypherStatement MarkStatement(IdempotentWrite mark) => new(CypherQueries.Get("MarkIdempotencyKey"),
        new Dictionary<string, object?> { ["id"] = mark.Id, ["token"] = mark.Token });

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
    /// The answer's JSON, parsed from its UTF-8 bytes as they arrive (<see cref="Send"/> asks for the headers only): no
    /// string, no transcoding, and no buffered copy of the body before the parser's own. An empty answer reads as <c>{}</c>.
    /// </summary>
    private async Task<(JsonDocument? Document, JsonException? Invalid)> ReadJson(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength == 0) return (JsonDocument.Parse("{}"), null);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return (await JsonDocument.ParseAsync(stream, cancellationToken: ct), null);
        }
        catch (JsonException e)
        {
            return (null, e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // The connection broke while the body was on its way: a commit's outcome stays in doubt (its caller knows).
            throw Unavailable("the answer was cut off", e);
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
            // Headers only: ReadJson parses the body from the connection, rather than from a buffered copy of it.
            return await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
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
        // One line when a server we spoke to goes away, not a stack trace per request: while it stays away (or before it
        // ever answered, as at start-up, where each attempt logs its own line) the details go to the debug log.
        var known = server;
        server = null;
        if (known is not null) logger.LogWarning("Neo4j unavailable: {Reason} ({Error}); requests answer 503 until it is back", reason, inner?.Message);
        else logger.LogDebug(inner, "Neo4j unavailable: {Reason}", reason);
        return new StoreUnavailableException(inner ?? new HttpRequestException(reason));
    }

    /// <summary>Whether a commit request of the current unit of work may have reached the server without its answer reaching us.</summary>
    private sealed class CommitState
    {
        public volatile bool InDoubt;
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

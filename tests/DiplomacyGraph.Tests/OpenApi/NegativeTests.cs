using System.Collections.Concurrent;
using System.Net;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DiplomacyGraph.Tests.OpenApi;

/// <summary>
/// The negative run: bad requests generated from the served OpenAPI document for every operation (see
/// <see cref="BadRequestGenerator"/>), a fixed number with a fixed seed, sent in parallel batches through the test host.
/// No answer is a 5xx; every 4xx is problem+json; every status is one the document declares for the operation; no bad
/// write succeeds; and after every batch, all of whose requests were refused, a fingerprint of the whole store (every node
/// and relationship with its evidence, read through IGraphStore) equals the one taken before the run.
/// The test host runs without Kestrel, so Kestrel's own answers (414, and 400 for a malformed request line) cannot occur
/// here; <see cref="KestrelAnswersTests"/> pins those against the real server.
/// </summary>
public abstract class NegativeContract(ITestOutputHelper output)
{
    public const string Key = "negative-run-key-0123456789abcdef";
    private const int Seed = 20_261_126;
    private const int BatchSize = 32;

    /// <summary>Settings of the test host: a key, and limits high enough that throttling never answers instead of what is under test.</summary>
    public static readonly IDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0"] = Key,
        ["Writes:PermitsPerMinute"] = "100000",
        ["Auth:MaxFailures"] = "1000000",
        // Small enough that the byte-level run's over-long line is cheap; far above any line the generator writes.
        ["Writes:Bulk:MaxDocumentBytes"] = BulkMaxLineBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private const long BulkMaxLineBytes = 1_048_576;

    protected abstract int RequestCount { get; }

    protected abstract Task<DiplomacyGraphFactory> CreateFactoryAsync();

    [Fact]
    public async Task Bad_requests_for_every_documented_operation_get_no_5xx_only_problem_json_4xx_and_leave_the_store_unchanged()
    {
        // Only guards against a hang (test setting Timeouts:NegativeRun); nothing asserts how long the run took.
        using var guard = new CancellationTokenSource(TestSettings.NegativeRun);
        var ct = guard.Token;
        using var factory = await CreateFactoryAsync();
        using var client = factory.CreateClient();
        client.Timeout = TestSettings.Http;
        using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), ct))
        {
            Assert.True(ready.StatusCode == HttpStatusCode.OK, $"The service is not ready: {await ready.Content.ReadAsStringAsync(ct)}");
        }
        var operations = DocumentedOperation.All(await DocumentedOperation.FetchAsync(client));
        var store = factory.Services.GetRequiredService<IGraphStore>();
        var before = await StoreFingerprint.OfAsync(store, ct);
        var seeded = before;
        Assert.True(before.Nodes > 0 && before.Edges > 0, "The store should hold the seed before the run.");

        var requests = new BadRequestGenerator(operations, Seed, Key).Generate(RequestCount);
        var byteLevel = ByteLevelRequests.For(operations, Key, new Dictionary<string, long>
        {
            ["ImportBulk"] = BulkMaxLineBytes,
            ["ImportFollowTheMoney"] = DiplomacyGraph.Api.Import.FtmReader.MaxLineBytes,
        });
        Assert.True(byteLevel.Count > 0, "The document should declare the NDJSON imports, each of which gets byte-level cases.");
        requests = [.. requests, .. byteLevel];
        var findings = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        int serverErrors = 0, nonProblem4xx = 0, undeclared = 0, acceptedWrites = 0, storeChanges = 0, sent = 0;
        foreach (var batch in requests.Chunk(BatchSize))
        {
            await Task.WhenAll(batch.Select(async request =>
            {
                using var message = request.ToMessage();
                using var response = await client.SendAsync(message, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                Interlocked.Increment(ref sent);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500)
                {
                    Interlocked.Increment(ref serverErrors);
                    findings.Enqueue($"{status}: {request}\n    {Truncate(body)}");
                }
                if (status is >= 400 and < 500 && mediaType != "application/problem+json")
                {
                    Interlocked.Increment(ref nonProblem4xx);
                    findings.Enqueue($"{status} as {mediaType ?? "no content type"}: {request}\n    {Truncate(body)}");
                }
                if (!request.Operation.Responses.Contains(status))
                {
                    Interlocked.Increment(ref undeclared);
                    findings.Enqueue($"{status} is not declared for {request.Operation}: {request}");
                }
                if (request.Operation.IsWrite && status < 300)
                {
                    Interlocked.Increment(ref acceptedWrites);
                    findings.Enqueue($"A bad write succeeded ({status}): {request}");
                }
            }));
            var after = await StoreFingerprint.OfAsync(store, ct);
            if (after.Digest != before.Digest)
            {
                storeChanges++;
                findings.Enqueue($"The store changed during a batch of requests that should all have been refused ({before.Nodes}→{after.Nodes} nodes, {before.Edges}→{after.Edges} edges); the batch:\n    {string.Join("\n    ", batch.Select(r => r.ToString()))}");
                before = after; // Go on, so that the run's counts are complete; the finding fails the test.
            }
        }

        output.WriteLine($"Negative run ({GetType().Name}): {sent} requests sent over {operations.Count} operations ({byteLevel.Count} of them byte-level NDJSON bodies); " +
            $"5xx: {serverErrors}; non-problem 4xx: {nonProblem4xx}; undeclared statuses: {undeclared}; bad writes accepted: {acceptedWrites}; store changes: {storeChanges}.");
        output.WriteLine("Statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        if (!findings.IsEmpty)
        {
            var report = Path.Combine(Path.GetTempPath(), $"diplomacygraph-{GetType().Name}-findings.txt");
            await File.WriteAllLinesAsync(report, findings, CancellationToken.None);
            output.WriteLine($"All {findings.Count} findings: {report}");
        }
        Assert.True(findings.IsEmpty, $"{findings.Count} findings, the first 40:\n" + string.Join("\n", findings.Take(40)));
        Assert.Equal(RequestCount + byteLevel.Count, sent);
        Assert.Equal(seeded.Digest, (await StoreFingerprint.OfAsync(store, ct)).Digest);
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";
}

/// <summary>The negative run on the embedded store: 10,000 requests.</summary>
public sealed class EmbeddedNegativeTests(ITestOutputHelper output) : NegativeContract(output)
{
    protected override int RequestCount => 10_000;

    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(Settings));
}

/// <summary>The negative run on Neo4j: a sample of 1,000 requests of the same generator.</summary>
[Collection("neo4j")]
public sealed class Neo4jNegativeTests(ITestOutputHelper output, Neo4jServer server) : NegativeContract(output)
{
    protected override int RequestCount => 1_000;

    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, Settings);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// <c>bulk --size S</c>: import throughput through <c>POST /api/import/bulk</c> on the embedded store. Starts the API
/// (Release, a temporary store, no seed), measures <c>/health/live</c> for a few seconds as the floor of the same run,
/// then streams <see cref="ScaledGraph"/>'s documents as one NDJSON request (chunked, generated as it is sent, never
/// held whole) and prints relationships per second, the answer's totals and the API's peak RSS.
/// </summary>
internal static class BulkRun
{
    private const string Key = "bulk-benchmark-key-0123456789abcdef";

    private static readonly JsonSerializerOptions Ndjson = new(KnowledgeJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false };

    public static async Task<int> Run(string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.Ordinal);
        var size = GraphSize.Parse(options.GetValueOrDefault("size", "seed"));
        var dll = options.GetValueOrDefault("api") ?? LoadRun.DefaultApiDll();
        if (!File.Exists(dll))
        {
            await Console.Error.WriteLineAsync($"{dll} does not exist. Build it first: dotnet build -c Release benchmarks/DiplomacyGraph.Benchmarks");
            return 2;
        }
        using var stop = new CancellationTokenSource(TimeSpan.FromHours(2));
        await using var api = await LoadRun.ApiProcess.Start(dll, store: null, neo4j: null, seed: false, stop.Token,
            $"--Auth:ApiKeys:0={Key}", "--Writes:Bulk:MaxTotalBytes=2000000000", "--Writes:Bulk:MaxDocuments=1000000",
            "--Logging:LogLevel:Default=Warning");
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        Console.WriteLine($"API pid {api.Id} at {api.BaseAddress}, embedded store (temporary file), Release; graph '{size.Name}' from ScaledGraph.");

        var floor = await Floor(http, TimeSpan.FromSeconds(3), concurrency: 16);
        Console.WriteLine($"/health/live, 16 loops for 3 s (the floor of this run): {floor:N0} requests/s");

        using var content = new DocumentStream(size);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import/bulk") { Content = content };
        request.Headers.Add("X-Api-Key", Key);
        request.Headers.TransferEncodingChunked = true;
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, stop.Token);
        var body = await response.Content.ReadAsStringAsync(stop.Token);
        var seconds = clock.Elapsed.TotalSeconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            await Console.Error.WriteLineAsync($"POST /api/import/bulk answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
            return 1;
        }
        var totals = JsonNode.Parse(body)!["totals"]!;
        var relationships = totals["relationships"]!;
        var written = relationships["created"]!.GetValue<int>() + relationships["updated"]!.GetValue<int>() + relationships["unchanged"]!.GetValue<int>();
        Console.WriteLine($"Sent {content.Documents} documents, {content.Relationships:N0} relationships, {content.Bytes / 1e6:F1} MB of NDJSON in one request.");
        Console.WriteLine($"Answer totals: {totals.ToJsonString()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Bulk import of {size.Name}: {seconds:F1} s = {written / seconds:N0} relationships/s ({content.Documents / seconds:F1} documents/s), validation and the answer included"));
        Console.WriteLine($"API process: {api.Memory()}");
        return written == content.Relationships ? 0 : 1;
    }

    /// <summary>Requests/s of the trivial endpoint from closed loops: the floor the numbers above stand on.</summary>
    private static async Task<double> Floor(HttpClient http, TimeSpan duration, int concurrency)
    {
        var count = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (response.IsSuccessStatusCode) Interlocked.Increment(ref count);
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The graph's documents as NDJSON, serialised as the request body is sent (no length, so chunked).</summary>
    private sealed class DocumentStream(GraphSize size) : HttpContent
    {
        private static readonly byte[] Newline = "\n"u8.ToArray();

        public int Documents { get; private set; }
        public long Relationships { get; private set; }
        public long Bytes { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            foreach (var document in ScaledGraph.Documents(size))
            {
                var line = JsonSerializer.SerializeToUtf8Bytes(document, Ndjson);
                await stream.WriteAsync(line);
                await stream.WriteAsync(Newline);
                (Documents, Relationships, Bytes) = (Documents + 1, Relationships + document.Relationships.Count, Bytes + line.Length + 1);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

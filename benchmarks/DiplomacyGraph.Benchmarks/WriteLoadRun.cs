using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// The write load mode: starts one or more API processes on the same Neo4j server and sends concurrent imports
/// (<c>POST /api/import</c>) of small overlapping documents from N closed loops, spread round-robin over the processes,
/// for a bounded time. Prints imports per second, latency percentiles and the answers that were not 200.
/// </summary>
/// <remarks>
/// Every document has its own source and event, and declares three actors from a pool of twelve shared by every loop
/// (with an alias and an evidence sentence each), so concurrent imports meet on the same nodes as real ones do.
/// It writes into the Neo4j it is given: use a scratch server.
/// </remarks>
internal static class WriteLoadRun
{
    private const string Key = "write-load-key-0123456789abcdef";
    private const int ActorPool = 12;

    private sealed record Options(Uri? Neo4j, int Processes, int Seconds, int Concurrency, int WarmupSeconds, string? ApiDll);

    private readonly record struct Sample(long Ticks, int Status);

    public static async Task<int> Run(string[] args)
    {
        var options = Parse(args);
        if (options?.Neo4j is null)
        {
            await Console.Error.WriteLineAsync(
                "Usage: write-load --neo4j http://127.0.0.1:7474 [--processes 1] [--seconds 15] [--concurrency 8] [--warmup 3] [--api path/to/DiplomacyGraph.Api.dll]");
            return 2;
        }
        var dll = options.ApiDll ?? Path.Combine(Repository.Root, "src", "DiplomacyGraph.Api", "bin",
            typeof(WriteLoadRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release", "net10.0", "DiplomacyGraph.Api.dll");
        if (!File.Exists(dll))
        {
            await Console.Error.WriteLineAsync($"{dll} does not exist. Build it first: dotnet build -c Release src/DiplomacyGraph.Api");
            return 2;
        }

        var apis = new List<Api>();
        try
        {
            for (var i = 0; i < options.Processes; i++) apis.Add(await Api.Start(dll, options.Neo4j));
            var clients = apis.Select(a => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseProxy = false })
            {
                BaseAddress = a.BaseAddress,
                Timeout = TimeSpan.FromSeconds(60),
            }).ToList();
            var run = Guid.NewGuid().ToString("N")[..8];
            Console.WriteLine($"{apis.Count} API process(es) (pids {string.Join(", ", apis.Select(a => a.Id))}) on Neo4j {options.Neo4j}, run tag {run}.");
            Console.WriteLine($"Warm-up {options.WarmupSeconds} s, then {options.Seconds} s measured, {options.Concurrency} concurrent import loops round-robin over the processes.");
            await Hammer(clients, run + "w", options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds));
            var clock = Stopwatch.StartNew();
            var samples = await Hammer(clients, run, options.Concurrency, TimeSpan.FromSeconds(options.Seconds));
            clock.Stop();
            Report(samples, clock.Elapsed);
            foreach (var client in clients) client.Dispose();
            return 0;
        }
        finally
        {
            foreach (var api in apis) await api.DisposeAsync();
        }
    }

    private static async Task<List<Sample>> Hammer(List<HttpClient> clients, string run, int concurrency, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, concurrency).Select(loop => Task.Run(async () =>
        {
            var samples = new List<Sample>(1024);
            var http = clients[loop % clients.Count];
            for (var i = 0; Stopwatch.GetTimestamp() < end; i++)
            {
                var body = Document($"{run}-{loop}-{i}", loop + i);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import", UriKind.Relative))
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("X-Api-Key", Key);
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    samples.Add(new Sample(Stopwatch.GetTimestamp() - started, (int)response.StatusCode));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    samples.Add(new Sample(Stopwatch.GetTimestamp() - started, 0));
                }
            }
            return samples;
        }));
        return [.. (await Task.WhenAll(loops)).SelectMany(s => s)];
    }

    /// <summary>A source, an event, three pool actors taking part in it; the actors overlap with other loops' documents.</summary>
    private static string Document(string tag, int offset)
    {
        var actors = Enumerable.Range(0, 3).Select(k => (offset + k * 5) % ActorPool).Distinct().ToList();
        var sentence = $"Delegates {string.Join(", ", actors)} met in session {tag}.";
        var document = new
        {
            source = new { id = $"load-source-{tag}", title = $"Load report {tag}", outlet = "load.example", published = "2026-02-11" },
            actors = actors.Select(a => new
            {
                id = $"load-actor-{a:00}", kind = "person", name = $"Delegate {a}", aliases = new[] { $"D{a}-{tag}" }, evidence = sentence,
            }).ToArray(),
            events = new[] { new { id = $"load-event-{tag}", kind = "CONSULT", title = $"Session {tag}", date = "2026-02-11", evidence = sentence } },
            relationships = actors.Select(a => new
            {
                type = RelationshipTypes.ParticipatedIn, from = $"load-actor-{a:00}", to = $"load-event-{tag}", evidence = sentence,
            }).ToArray(),
        };
        return JsonSerializer.Serialize(document);
    }

    private static void Report(List<Sample> samples, TimeSpan elapsed)
    {
        var ok = samples.Where(s => s.Status == 200).Select(s => s.Ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var seconds = elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {seconds:F1} s: {ok.Length} imports answered 200, {ok.Length / seconds:F1} imports/s; p50 {P(ok, 0.5):F0} ms, p95 {P(ok, 0.95):F0} ms, p99 {P(ok, 0.99):F0} ms, max {(ok.Length == 0 ? 0 : ok[^1]):F0} ms."));
        var others = samples.Where(s => s.Status != 200).GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count()}");
        Console.WriteLine($"Not 200: {string.Join(", ", others.DefaultIfEmpty("none"))}.");

        static double P(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static Options? Parse(string[] args)
    {
        var options = new Options(null, 1, 15, 8, 3, null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            int Number(int min) => int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= min ? n : throw new FormatException(args[i]);
            try
            {
                options = args[i] switch
                {
                    "--neo4j" => options with { Neo4j = Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new FormatException(args[i]) },
                    "--processes" => options with { Processes = Number(1) },
                    "--seconds" => options with { Seconds = Number(1) },
                    "--concurrency" => options with { Concurrency = Number(1) },
                    "--warmup" => options with { WarmupSeconds = Number(0) },
                    "--api" => options with { ApiDll = value ?? throw new FormatException(args[i]) },
                    _ => throw new FormatException(args[i]),
                };
            }
            catch (FormatException)
            {
                return null;
            }
            i++;
        }
        return options;
    }

    /// <summary>One API process on the Neo4j store, on a free loopback port; killed on dispose.</summary>
    private sealed class Api : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        private Api(Process process, Uri baseAddress)
        {
            this.process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public int Id => process.Id;

        public static async Task<Api> Start(string dll, Uri neo4j)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { dll, "--urls", baseAddress.ToString(), $"--Neo4j:Uri={neo4j}", $"--Auth:ApiKeys:0={Key}", "--Writes:PermitsPerMinute=100000", "--Logging:LogLevel:Default=Warning" })
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var api = new Api(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseAddress);
            api.process.OutputDataReceived += (_, e) => api.Keep(e.Data);
            api.process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
            api.process.BeginOutputReadLine();
            api.process.BeginErrorReadLine();
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(120) && !api.process.HasExited)
            {
                try
                {
                    using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    if (ready.StatusCode == HttpStatusCode.OK) return api;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or still seeding.
                }
                await Task.Delay(200);
            }
            string log;
            lock (api.output) log = api.output.ToString();
            await api.DisposeAsync();
            throw new InvalidOperationException($"The API did not become ready at {baseAddress}health/ready.{Environment.NewLine}{log}");
        }

        private void Keep(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }
}

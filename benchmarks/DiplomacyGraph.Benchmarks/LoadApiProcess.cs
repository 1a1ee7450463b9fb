using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DiplomacyGraph.Benchmarks;

internal static partial class LoadRun
{
    /// <summary>The API as a child process on a free loopback port and a temporary database; killed and cleaned up on dispose.</summary>
    internal sealed class ApiProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly string database;
        private bool owned;
        private readonly System.Text.StringBuilder output = new();

        public Uri BaseAddress { get; }
        public int Id => process.Id;

        private ApiProcess(Process process, string database, Uri baseAddress)
        {
            this.process = process;
            this.database = database;
            BaseAddress = baseAddress;
        }

        public static async Task<ApiProcess> Start(string dll, string? store, string? neo4j, bool seed, CancellationToken ct, params string[] settings)
        {
            var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
            var database = store ?? TempStore.NewPath();
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { dll, "--urls", baseAddress.ToString(), $"--Embedded:Path={database}" }) start.ArgumentList.Add(arg);
            // A prepared graph (a store file, or a Neo4j loaded beforehand) is used as it is, not seeded; Neo4j replaces the embedded store when given.
            if (!seed) start.ArgumentList.Add("--Seed:Enabled=false");
            if (neo4j is not null) start.ArgumentList.Add($"--Neo4j:Uri={neo4j}");
            foreach (var setting in settings) start.ArgumentList.Add(setting);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

            var api = new ApiProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), database, baseAddress) { owned = store is null };
            api.process.OutputDataReceived += (_, e) => api.Keep(e.Data);
            api.process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
            api.process.BeginOutputReadLine();
            api.process.BeginErrorReadLine();
            try
            {
                await api.WaitUntilReady(ct);
            }
            catch
            {
                await api.DisposeAsync();
                throw;
            }
            return api;
        }

        private void Keep(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
        }

        private async Task WaitUntilReady(CancellationToken ct)
        {
            using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromMinutes(10))
            {
                if (process.HasExited) break;
                try
                {
                    using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                    if (response.StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Slow to answer while seeding.
                }
                await Task.Delay(200, ct);
            }
            string log;
            lock (output) log = output.ToString();
            throw new InvalidOperationException($"The API did not become ready at {BaseAddress}health/ready.{Environment.NewLine}{log}");
        }

        /// <summary>Peak and current resident memory, from /proc (Linux only).</summary>
        public string Memory()
        {
            var status = $"/proc/{process.Id}/status";
            if (!File.Exists(status)) return "n/a (no /proc on this OS)";
            var fields = File.ReadAllLines(status).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
            return $"peak working set (VmHWM) {Megabytes(fields.GetValueOrDefault("VmHWM"))}, resident at end (VmRSS) {Megabytes(fields.GetValueOrDefault("VmRSS"))}";
        }

        private static string Megabytes(string? kilobytes) =>
            kilobytes is not null && long.TryParse(kilobytes.Split(' ')[0], CultureInfo.InvariantCulture, out var kb)
                ? string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0:F1} MB")
                : "n/a";

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
            // A store given with --store is the caller's; only a temporary one goes.
            foreach (var suffix in owned ? new[] { "", "-wal", "-shm" } : [])
            {
                File.Delete(database + suffix);
            }
        }
    }
}

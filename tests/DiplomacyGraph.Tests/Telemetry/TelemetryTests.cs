using System.Diagnostics;
using System.Net;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.Seed;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DiplomacyGraph.Tests.Telemetry;

/// <summary>
/// The traces and metrics the service gives an OpenTelemetry pipeline, read through the SDK's in-memory exporter on
/// the real service over HTTP, on a real Neo4j: one span per Neo4j request named after its <c>.cypher</c> file,
/// inside the ASP.NET Core request span, with no parameter value anywhere in it.
/// </summary>
[Collection("neo4j")]
public sealed class TelemetryTests(Neo4jServer server)
{
    // Values the requests send to Neo4j as $parameters; none may appear in a span.
    private const string ActorId = "gustavo-petro";
    private const string SearchText = "villavicencio";

    [Fact]
    public async Task Neo4j_queries_are_spans_named_after_their_cypher_files_inside_the_request_without_parameter_values()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var factory = DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password).WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        }));
        using var client = factory.CreateClient();

        // Each request carries a trace id of its own (W3C traceparent), so its spans are told apart from those of
        // other tests running at the same time in this process.
        var networkTrace = await Get(client, $"/api/actors/{ActorId}/network?depth=2");
        var searchTrace = await Get(client, $"/api/actors?q={SearchText}");
        var services = factory.Services;
        ((TracerProvider)services.GetService(typeof(TracerProvider))!).ForceFlush();
        ((MeterProvider)services.GetService(typeof(MeterProvider))!).ForceFlush();

        Activity[] recorded;
        lock (spans) recorded = [.. spans];
        var store = recorded.Where(s => s.Source.Name == StoreTelemetry.Name && (s.TraceId == networkTrace || s.TraceId == searchTrace)).ToList();
        Assert.Contains(store, s => s.TraceId == networkTrace);
        Assert.Contains(store, s => s.TraceId == searchTrace);
        // Each span is named after the query file it ran: a file of Neo4j/Queries/, e.g. Neighbours.cypher.
        var queries = Path.Combine(RepositoryFiles.Root, "src", "DiplomacyGraph.Storage", "Neo4j", "Queries");
        Assert.All(store, span =>
        {
            // A request of several statements names each of its files, in order: "SearchActorsByKey.cypher, CountActorsByKey.cypher".
            Assert.All(span.DisplayName.Split(", "), file =>
            {
                Assert.EndsWith(".cypher", file, StringComparison.Ordinal);
                Assert.True(File.Exists(Path.Combine(queries, file)), $"No query file {file} in {queries}.");
            });
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("neo4j", span.GetTagItem("db.system.name"));
            Assert.Equal(span.DisplayName, span.GetTagItem(StoreTelemetry.QueryAttribute));
        });

        // Each Neo4j span sits inside the request that caused it, and wraps the HTTP call to Neo4j.
        var request = recorded.Single(s => s.Kind == ActivityKind.Server && s.TraceId == networkTrace);
        Assert.Equal("/api/actors/gustavo-petro/network", request.GetTagItem("url.path"));
        Assert.All(store.Where(s => s.TraceId == networkTrace), query =>
        {
            Assert.Equal(request.SpanId, query.ParentSpanId);
            Assert.Contains(recorded, s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == query.SpanId);
        });

        // No parameter value in any store span: not in its name, tags, status, events or baggage.
        foreach (var span in store)
        {
            var text = string.Join("\n", new[] { span.DisplayName, span.StatusDescription ?? "" }
                .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}")))
                .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}")));
            Assert.DoesNotContain(ActorId, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(SearchText, text, StringComparison.OrdinalIgnoreCase);
        }

        // Store and request metrics: query durations by file, and ASP.NET Core's request durations.
        Metric[] exported;
        lock (metrics) exported = [.. metrics];
        var durations = exported.Where(m => m.Name == StoreTelemetry.QueryDurationMetric).ToList();
        Assert.NotEmpty(durations);
        var measured = durations.SelectMany(Points).Select(p => Tag(p, StoreTelemetry.QueryAttribute)).ToHashSet(StringComparer.Ordinal);
        Assert.All(store.Select(s => s.DisplayName), name => Assert.Contains(name, measured));
        Assert.Contains(exported, m => m.Name == "http.server.request.duration");
    }

    /// <summary>GETs <paramref name="path"/> in a new trace, expects 200, and returns the trace id.</summary>
    private static async Task<ActivityTraceId> Get(HttpClient client, string path)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return trace;
    }

    private static List<MetricPoint> Points(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints()) points.Add(point);
        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key) return tag.Value as string;
        }
        return null;
    }
}

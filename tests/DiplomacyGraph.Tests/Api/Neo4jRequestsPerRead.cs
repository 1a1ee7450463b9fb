using System.Collections.Concurrent;
using System.Net;
using DiplomacyGraph.Storage.Neo4j;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Api;

/// <summary>
/// How many HTTP requests one API read sends to Neo4j, counted by a handler on the store's own HTTP client (the real
/// server answers them): an actor's sanctions and statements (both roles and the actor's check), the whole-graph export
/// (its nodes, their count and the edges among them) and the anchored lists each take one round trip. The answer cache is
/// off, so every read reaches the store.
/// </summary>
[Collection("neo4j")]
public sealed class Neo4jRequestsPerRead(Neo4jServer server, Neo4jRequestsHost host) : IClassFixture<Neo4jRequestsHost>
{
    [Theory]
    [InlineData("/api/actors/gustavo-petro/sanctions")]
    [InlineData("/api/actors/donald-trump/statements")]
    [InlineData("/api/graph")]
    [InlineData("/api/timeline?actor=gustavo-petro")]
    [InlineData("/api/events?actor=gustavo-petro")]
    [InlineData("/api/sanctions?target=gustavo-petro")]
    public async Task An_anchored_read_sends_one_request_to_Neo4j(string url)
    {
        var client = await host.ClientAsync(server);
        host.Requests.Clear();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.NotEqual("[]", body);
        Assert.Single(host.Requests);
    }

    [Fact]
    public async Task The_graph_export_reads_the_edges_among_its_nodes_in_that_request()
    {
        var client = await host.ClientAsync(server);

        using var response = await client.GetAsync(new Uri("/api/graph", UriKind.Relative));

        using var graph = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var elements = graph.RootElement.GetProperty("elements");
        var nodes = elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()).ToHashSet();
        var edges = elements.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data")).ToList();
        // The seed's facts fit under the default limit: every node is there, and so is every relationship among them.
        Assert.False(graph.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Contains("gustavo-petro", nodes);
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.True(nodes.Contains(e.GetProperty("source").GetString()) && nodes.Contains(e.GetProperty("target").GetString())));
        Assert.Contains(edges, e => e.GetProperty("source").GetString() == "donald-trump" && e.GetProperty("type").GetString() == "IMPOSED");
    }
}

/// <summary>One seeded Neo4j-backed service per test class, its Neo4j client counting the requests it sends.</summary>
public sealed class Neo4jRequestsHost : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private DiplomacyGraphFactory? factory;
    private WebApplicationFactory<Program>? counted;
    private HttpClient? client;

    /// <summary>The paths of the requests sent to Neo4j since the last <see cref="ConcurrentQueue{T}.Clear"/>.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public async Task<HttpClient> ClientAsync(Neo4jServer server)
    {
        await gate.WaitAsync();
        try
        {
            if (client is not null) return client;
            await server.ResetAsync();
            factory = DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, new Dictionary<string, string?> { ["Caching:Lifetime"] = "00:00:00" });
            counted = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
                services.AddHttpClient(Neo4jHttpClient.HttpClientName).AddHttpMessageHandler(() => new Counting(Requests))));
            return client = counted.CreateClient();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        client?.Dispose();
        counted?.Dispose();
        factory?.Dispose();
        gate.Dispose();
    }

    private sealed class Counting(ConcurrentQueue<string> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Discovery (GET /) happens once per process, before the first statement; only statements count.
            if (request.Method == HttpMethod.Post) requests.Enqueue(request.RequestUri!.AbsolutePath);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

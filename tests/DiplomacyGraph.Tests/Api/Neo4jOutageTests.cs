using System.Net;
using System.Text.Json;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.Api;

/// <summary>While Neo4j is down the API answers 503 quickly and reports not ready; when it is back, the API recovers by itself.</summary>
[Collection("neo4j")]
public sealed class Neo4jOutageTests(Neo4jServer server)
{
    [Fact]
    public async Task Reads_answer_503_with_Retry_After_while_Neo4j_is_down_and_recover_without_a_restart_when_it_is_back()
    {
        Assert.True(server.CanControlProcess,
            "This test stops and restarts the Neo4j it runs on, so it needs the fixture's own server: unset NEO4J_URI and run scripts/test.sh.");
        await server.ResetAsync();
        using var factory = DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors/gustavo-petro")).StatusCode);

        await server.StopAsync();
        try
        {
            // A browser's Accept: the 503 is problem+json all the same.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/actors/gustavo-petro");
            request.Headers.Accept.ParseAdd("text/html");
            using var read = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
            Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
            Assert.True(read.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A 503 should say when to retry.");
            var body = await read.Content.ReadAsStringAsync();
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);

            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var health = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Equal("Unhealthy", health.RootElement.GetProperty("checks").GetProperty("store").GetString());
        }
        finally
        {
            await server.StartAsync();
        }

        // The server answers HTTP before it is fully up; the API has a while (test setting Timeouts:Recovery) to see it again.
        Assert.Equal(HttpStatusCode.OK, await Eventually.Ok(client, "/api/actors/gustavo-petro", TestSettings.Recovery));
        Assert.Equal(HttpStatusCode.OK, await Eventually.Ok(client, "/health/ready", TestSettings.Recovery));
    }
}

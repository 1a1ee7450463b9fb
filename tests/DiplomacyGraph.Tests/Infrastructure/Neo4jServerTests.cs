using System.Net;
using System.Text.Json;

namespace DiplomacyGraph.Tests.Infrastructure;

[Collection("neo4j")]
public sealed class Neo4jServerTests(Neo4jServer server)
{
    [Fact]
    public async Task A_node_created_through_RunCypher_reads_back_with_its_properties()
    {
        var id = $"smoke-{Guid.NewGuid():N}";

        (await server.RunCypherAsync("CREATE (:Smoke {id: $id, name: $name})", new { id, name = "Moreno" })).Dispose();

        Assert.Equal("Moreno", await ReadNameAsync(id));
    }

    [Fact]
    public async Task Cypher_errors_arrive_as_exceptions_naming_the_Neo4j_code()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.RunCypherAsync("MATCH (n RETURN n"));

        Assert.Contains("Neo.ClientError.Statement.SyntaxError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_killed_server_comes_back_on_the_same_address_with_its_data()
    {
        using var http = new HttpClient { Timeout = TestSettings.Http };
        Assert.True(server.CanControlProcess,
            "This test stops and restarts the Neo4j it runs on, so it needs the fixture's own server: unset NEO4J_URI and run scripts/test.sh.");
        var id = $"survivor-{Guid.NewGuid():N}";
        (await server.RunCypherAsync("CREATE (:Smoke {id: $id, name: $name})", new { id, name = "Villavicencio" })).Dispose();

        try
        {
            await server.StopAsync();
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(server.HttpUri));
        }
        finally
        {
            await server.StartAsync();
        }

        using var answer = await http.GetAsync(server.HttpUri);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Villavicencio", await ReadNameAsync(id));
    }

    private async Task<string?> ReadNameAsync(string id)
    {
        using var result = await server.RunCypherAsync("MATCH (s:Smoke {id: $id}) RETURN s.name AS name", new { id });
        var rows = result.RootElement.GetProperty("results")[0].GetProperty("data");
        Assert.Equal(1, rows.GetArrayLength());
        var name = rows[0].GetProperty("row")[0];
        return name.ValueKind == JsonValueKind.String ? name.GetString() : null;
    }
}

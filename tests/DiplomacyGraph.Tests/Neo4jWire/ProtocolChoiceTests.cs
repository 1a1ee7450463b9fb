using System.Net;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Neo4j;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Neo4jWire;

/// <summary>
/// OUR ADAPTER'S WIRE FORMAT, NOT NEO4J: which HTTP API the store chooses (<c>Neo4j:Protocol</c>), from the discovery
/// documents Neo4j's documentation gives, answered by <see cref="DocumentedNeo4jWire"/>.
/// </summary>
public sealed class ProtocolChoiceTests : IDisposable
{
    private readonly DocumentedNeo4jWire wire = new();

    public void Dispose() => wire.Dispose();

    private async Task<List<string>> PostsOfOneRead(string protocol)
    {
        var store = wire.Store("http://localhost:7474", ("Neo4j:Protocol", protocol)).GetRequiredService<Neo4jGraphStore>();
        await store.Exists(NodeLabel.Actor, "gustavo-petro", CancellationToken.None);
        return [.. wire.Requests.Where(r => r.Method == HttpMethod.Post).Select(r => r.Path)];
    }

    [Fact]
    public async Task Auto_keeps_the_transactional_API_where_discovery_offers_it_as_on_5_26()
    {
        Assert.Equal(["/db/neo4j/tx/commit"], await PostsOfOneRead("auto"));
    }

    [Fact]
    public async Task Auto_uses_the_transactional_API_of_3x_found_through_its_data_document()
    {
        wire.Root = DocumentedNeo4jWire.Neo4j3Root;
        Assert.Equal(["/db/data/transaction/commit"], await PostsOfOneRead("auto"));
    }

    [Fact]
    public async Task Auto_picks_the_Query_API_when_the_root_has_no_transaction_endpoint_as_on_Aura()
    {
        wire.Root = DocumentedNeo4jWire.AuraRoot;
        Assert.Equal(["/db/neo4j/query/v2"], await PostsOfOneRead("auto"));
    }

    [Fact]
    public async Task Auto_falls_back_to_the_Query_API_when_the_transactional_API_answers_404_and_stays_there()
    {
        wire.Answer = r => r.Path == "/db/neo4j/tx/commit" ? (HttpStatusCode.NotFound, "") : null;
        var store = wire.Store("http://localhost:7474").GetRequiredService<Neo4jGraphStore>();

        await store.Exists(NodeLabel.Actor, "gustavo-petro", CancellationToken.None);
        await store.Exists(NodeLabel.Actor, "donald-trump", CancellationToken.None);

        Assert.Equal(["/db/neo4j/tx/commit", "/db/neo4j/query/v2", "/db/neo4j/query/v2"],
            wire.Requests.Where(r => r.Method == HttpMethod.Post).Select(r => r.Path));
    }

    [Fact]
    public async Task Query_uses_the_Query_API_even_where_the_transactional_API_is_offered()
    {
        Assert.Equal(["/db/neo4j/query/v2"], await PostsOfOneRead("query"));
    }

    [Fact]
    public async Task Tx_on_a_server_without_the_transactional_API_is_a_misconfiguration_not_an_outage()
    {
        wire.Root = DocumentedNeo4jWire.AuraRoot;
        var e = await Assert.ThrowsAsync<StoreMisconfiguredException>(() => PostsOfOneRead("tx"));
        Assert.Contains("Neo4j:Protocol", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_name_is_substituted_into_the_advertised_endpoint()
    {
        var store = wire.Store("http://localhost:7474", ("Neo4j:Protocol", "query"), ("Neo4j:Database", "graph"))
            .GetRequiredService<Neo4jGraphStore>();
        await store.Exists(NodeLabel.Actor, "gustavo-petro", CancellationToken.None);
        Assert.Contains(wire.Requests, r => r.Path == "/db/graph/query/v2");
    }
}

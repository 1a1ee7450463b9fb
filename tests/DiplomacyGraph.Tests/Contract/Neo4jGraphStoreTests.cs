using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Neo4j;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>What only the Neo4j store has to get right: its schema, its error mapping and surviving a server outage.</summary>
[Collection("neo4j")]
public sealed class Neo4jGraphStoreTests(Neo4jServer server) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private ServiceProvider services = null!;

    private IGraphStore Store => services.GetRequiredService<IGraphStore>();

    public async Task InitializeAsync()
    {
        await server.ResetAsync();
        services = Stores.Neo4jServices(server);
        await Store.Initialize(None);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    private async Task<long> Count(string statement)
    {
        using var result = await server.RunCypherAsync(statement);
        return result.RootElement.GetProperty("results")[0].GetProperty("data")[0].GetProperty("row")[0].GetInt64();
    }

    [Fact]
    public async Task Seeding_twice_on_the_same_database_duplicates_nothing()
    {
        var documents = SeedDocuments();

        foreach (var document in documents) await Store.Import(document, None);
        var nodes = await Count("MATCH (n) RETURN count(n)");
        var relationships = await Count("MATCH ()-[r]->() RETURN count(r)");
        var evidence = await Count("MATCH (n) RETURN sum(size(coalesce(n.evidenceSources, [])))");
        var summaries = new List<ImportSummary>();
        foreach (var document in documents) summaries.Add(await Store.Import(document, None).Imported());

        Assert.Equal(nodes, await Count("MATCH (n) RETURN count(n)"));
        Assert.Equal(relationships, await Count("MATCH ()-[r]->() RETURN count(r)"));
        Assert.Equal(evidence, await Count("MATCH (n) RETURN sum(size(coalesce(n.evidenceSources, [])))"));
        Assert.All(summaries, s => Assert.Empty(s.NodesCreated.Concat(s.NodesUpdated).Concat(s.EdgesCreated).Concat(s.EdgesUpdated)));
        Assert.Equal(0, await Count("MATCH (n) WHERE n._lock IS NOT NULL RETURN count(n)"));
    }

    [Fact]
    public async Task Initializing_again_is_harmless()
    {
        await Store.Initialize(None);

        Assert.True(await Store.IsReady(None));
    }

    [Fact]
    public async Task Ids_are_unique_per_label_and_across_all_nodes()
    {
        foreach (var label in Enum.GetNames<NodeLabel>().Append("Node"))
        {
            (await server.RunCypherAsync($"CREATE (:{label} {{id: 'twice'}})")).Dispose();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.RunCypherAsync($"CREATE (:{label} {{id: 'twice'}})"));

            Assert.Contains("Neo.ClientError.Schema.ConstraintValidationFailed", error.Message, StringComparison.Ordinal);
            await server.ResetAsync();
        }
    }

    [Fact]
    public async Task A_constraint_violation_is_a_constraint_exception_that_writes_answer_as_an_id_conflict()
    {
        var client = services.GetRequiredService<Neo4jHttpClient>();
        var create = new CypherStatement("CREATE (:Node:Actor {id: $id})", new Dictionary<string, object?> { ["id"] = "twice" });
        await client.Run(create, None);

        await Assert.ThrowsAsync<Neo4jConstraintException>(() => client.Run(create, None));
    }

    [Fact]
    public async Task A_wrong_statement_is_a_query_exception_naming_the_code()
    {
        var client = services.GetRequiredService<Neo4jHttpClient>();

        var error = await Assert.ThrowsAsync<Neo4jQueryException>(() => client.Run(new CypherStatement("MATCH (n RETURN n"), None));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
    }

    [Fact]
    public async Task Doubles_are_stored_as_floats()
    {
        await Store.Import(Knowledge.Document("figures") with { Figures = [Knowledge.Figure("deportations", "Deportations", 810)] }, None);

        using var result = await server.RunCypherAsync("MATCH (n:Figure) RETURN n.value * 1 = 810.0 AND toString(n.value) = '810.0'");

        Assert.True(result.RootElement.GetProperty("results")[0].GetProperty("data")[0].GetProperty("row")[0].GetBoolean());
    }

    [Fact]
    public async Task An_unreachable_server_is_unavailable_and_not_ready()
    {
        using var unreachable = Stores.Neo4jServices(server, $"http://127.0.0.1:{ClosedPort()}/");
        var store = unreachable.GetRequiredService<IGraphStore>();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.SearchActors(new ActorSearch(null, null, 1, 10), None));

        Assert.True(error.RetryAfter > TimeSpan.Zero);
        Assert.DoesNotContain("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.False(await store.IsReady(None));
    }

    [Fact]
    public async Task A_stopped_server_makes_the_store_unavailable_and_the_same_store_recovers_when_it_is_back()
    {
        Assert.True(server.CanControlProcess,
            "This test stops and restarts the Neo4j it runs on, so it needs the fixture's own server: unset NEO4J_URI and run scripts/test.sh.");
        await Store.Import(Knowledge.WorldDocument(), None);
        var store = Store;

        await server.StopAsync();
        try
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetNode(NodeLabel.Actor, Knowledge.Petro, None));
            Assert.False(await store.IsReady(None));
        }
        finally
        {
            await server.StartAsync();
        }

        Assert.True(await store.IsReady(None));
        Assert.Equal("Gustavo Petro", (await store.GetNode(NodeLabel.Actor, Knowledge.Petro, None)).Found().Node.Name);
    }

    [Fact]
    public void A_bad_address_stops_the_host_at_start()
    {
        using var bad = Stores.Services(new Dictionary<string, string?> { ["Neo4j:Uri"] = "ftp://example.org", ["Neo4j:RequestTimeout"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<Neo4jOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Neo4j:Uri", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Neo4j:RequestTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_Neo4j_address_the_embedded_store_is_used()
    {
        using var folder = new TemporaryFolder();
        using var embedded = Stores.Services(new Dictionary<string, string?> { ["Embedded:Path"] = Path.Combine(folder.Path, "g.db") });

        // The application's store is the embedded one behind entity resolution.
        var store = Assert.IsType<DiplomacyGraph.Storage.Resolution.ResolvingGraphStore>(embedded.GetRequiredService<IGraphStore>());
        Assert.IsType<DiplomacyGraph.Storage.Embedded.EmbeddedGraphStore>(store.Inner);
    }

    /// <summary>The seed when there is one, else the contract's small world.</summary>
    internal static IReadOnlyList<KnowledgeDocument> SeedDocuments()
    {
        var folder = Path.Combine(Stores.RepositoryRoot(), "seed");
        return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.json").Any()
            ? [.. Seed.RepositoryFiles.LoadFolder(folder).Select(d => d.Document)]
            : [Knowledge.WorldDocument()];
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The allow-list the Cypher linter expands <c>{{type}}</c> and <c>{{label}}</c> with is the C# one.</summary>
public sealed class CypherLintAllowListTests
{
    [Fact]
    public void The_lint_allow_list_names_every_relationship_type_and_node_label()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Stores.RepositoryRoot(), "tools", "cypher-lint", "allow-list.json")));

        Assert.Equal(RelationshipTypes.All.Select(r => r.Type), json.RootElement.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(NodeKinds.All.Select(k => k.CypherLabel), json.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }
}

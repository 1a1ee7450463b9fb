using System.Net;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Neo4j;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Neo4jWire;

/// <summary>
/// OUR ADAPTER'S WIRE FORMAT, NOT NEO4J: the Neo4j store speaking the Query API (5.19+, Aura) to
/// <see cref="DocumentedNeo4jWire"/>, which answers with the shapes of Neo4j's Query API documentation. These pin the
/// requests we send and how we read answers and errors; storage behaviour is tested against the real server.
/// </summary>
public sealed class QueryApiWireTests : IDisposable
{
    private static readonly GraphNode Ortiz = new("ana-ortiz", NodeLabel.Actor,
        new Dictionary<string, object?> { ["name"] = "Ana Ortiz", ["kind"] = "person" }, [new Storage.Model.Evidence("src-1", "Ana Ortiz spoke.")]);

    private readonly DocumentedNeo4jWire wire = new();

    public void Dispose() => wire.Dispose();

    private Neo4jGraphStore Store(params (string, string)[] settings) =>
        wire.Store("http://localhost:7474", [("Neo4j:Protocol", "query"), .. settings]).GetRequiredService<Neo4jGraphStore>();

    [Fact]
    public async Task Wire_format_a_single_read_is_one_POST_to_query_v2_with_statement_and_parameters_and_its_rows_are_read_from_data_values()
    {
        wire.Answer = r => r.Statement?.Contains("RETURN n.id AS id", StringComparison.Ordinal) == true ? DocumentedNeo4jWire.Rows("id", "\"ana-ortiz\"") : null;

        var exists = await Store().Exists(NodeLabel.Actor, "ana-ortiz", CancellationToken.None);

        Assert.True(exists);
        var query = Assert.Single(wire.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal("/db/neo4j/query/v2", query.Path);
        Assert.Equal("ana-ortiz", query.Parameters().GetProperty("id").GetString());
        Assert.Null(query.Body!["statements"]); // the Query API takes one "statement", not the transactional API's list
    }

    [Fact]
    public async Task Wire_format_a_write_of_several_statements_opens_a_transaction_runs_in_it_and_commits_echoing_the_affinity_header()
    {
        await Store().CreateNode(Ortiz, CancellationToken.None);

        // First, outside the transaction, the read of the evidence's sources (their provenance ranks the claims).
        var reads = wire.Requests.Where(r => r.Method != HttpMethod.Get).TakeWhile(r => r.ToString() == "POST /db/neo4j/query/v2").ToList();
        var posts = wire.Requests.Where(r => r.Method != HttpMethod.Get).Skip(reads.Count).ToList();
        Assert.Single(reads);
        // Open, then lock, guard, create and its citation, the actor's search and topic keys (each delete, create), one
        // statement a request in the transaction, then the commit.
        Assert.Equal("POST /db/neo4j/query/v2/tx", posts[0].ToString());
        Assert.Equal("POST /db/neo4j/query/v2/tx/1/commit", posts[^1].ToString());
        Assert.True(posts.Count >= 6, string.Join(", ", posts));
        Assert.All(posts.Skip(1).SkipLast(1), p => Assert.Equal("POST /db/neo4j/query/v2/tx/1", p.ToString()));
        Assert.Null(posts[0].Affinity);
        Assert.All(posts.Skip(1), p => Assert.Equal(DocumentedNeo4jWire.Affinity, p.Affinity));
        // The guard runs inside the transaction, before the write.
        Assert.Contains("1 / CASE", posts[1].Statement, StringComparison.Ordinal);
        Assert.Contains("CREATE (n:Node:Actor", posts[2].Statement, StringComparison.Ordinal);
        Assert.DoesNotContain(wire.Requests, r => r.Method == HttpMethod.Delete);
    }

    [Fact]
    public async Task Wire_format_a_statement_error_rolls_the_open_transaction_back_with_DELETE_and_the_affinity_header()
    {
        wire.Answer = r => r.Path == "/db/neo4j/query/v2/tx/1" ? DocumentedNeo4jWire.Error(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError") : null;

        var e = await Assert.ThrowsAsync<Neo4jQueryException>(() => Store().CreateNode(Ortiz, CancellationToken.None));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", e.Code);
        var rollback = Assert.Single(wire.Requests, r => r.Method == HttpMethod.Delete);
        Assert.Equal("/db/neo4j/query/v2/tx/1", rollback.Path);
        Assert.Equal(DocumentedNeo4jWire.Affinity, rollback.Affinity);
        Assert.DoesNotContain(wire.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wire_format_a_deadlock_rolls_back_and_the_whole_unit_runs_again_in_a_new_transaction()
    {
        var failures = 0;
        wire.Answer = r => r.Path == "/db/neo4j/query/v2/tx/1" && Interlocked.Increment(ref failures) == 1
            ? DocumentedNeo4jWire.Error(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.DeadlockDetected")
            : null;

        await Store().CreateNode(Ortiz, CancellationToken.None);

        Assert.Equal(["/db/neo4j/query/v2/tx/1"], wire.Requests.Where(r => r.Method == HttpMethod.Delete).Select(r => r.Path));
        Assert.Single(wire.Requests, r => r.Path == "/db/neo4j/query/v2/tx/2/commit");
    }

    [Fact]
    public async Task Wire_format_after_a_write_the_next_read_carries_the_bookmark_the_commit_answered()
    {
        wire.Answer = r => r.Path.EndsWith("/commit", StringComparison.Ordinal)
            ? (HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"bookmarks":["FB:kcwQt8DpQx5zR0uN3Oj/OudM3QaQ"]}""")
            : null;
        var store = Store();
        await store.Exists(NodeLabel.Actor, "ana-ortiz", CancellationToken.None);
        Assert.Empty(wire.Requests.Last().Bookmarks());

        await store.CreateNode(Ortiz, CancellationToken.None);
        await store.Exists(NodeLabel.Actor, "ana-ortiz", CancellationToken.None);

        var read = wire.Requests.Last();
        Assert.Equal("/db/neo4j/query/v2", read.Path);
        Assert.Equal(["FB:kcwQt8DpQx5zR0uN3Oj/OudM3QaQ"], read.Bookmarks());
    }

    [Fact]
    public async Task Wire_format_errors_map_by_status_and_code_503_is_unavailable_a_constraint_is_a_conflict_401_is_misconfigured()
    {
        wire.Answer = _ => DocumentedNeo4jWire.Error(HttpStatusCode.ServiceUnavailable, "Neo.TransientError.General.DatabaseUnavailable");
        await Assert.ThrowsAsync<StoreUnavailableException>(() => Store().Exists(NodeLabel.Actor, "x", CancellationToken.None));

        wire.Answer = r => r.Path.EndsWith("/commit", StringComparison.Ordinal)
            ? DocumentedNeo4jWire.Error(HttpStatusCode.BadRequest, "Neo.ClientError.Schema.ConstraintValidationFailed") : null;
        var conflict = Assert.IsType<WriteOutcome.Conflict>(await Store().CreateNode(Ortiz, CancellationToken.None));
        Assert.Equal(["An id is already used by another node."], conflict.Conflicts);

        wire.Answer = _ => DocumentedNeo4jWire.Error(HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized");
        await Assert.ThrowsAsync<StoreMisconfiguredException>(() => Store().Exists(NodeLabel.Actor, "x", CancellationToken.None));
    }

    [Fact]
    public async Task Wire_format_an_https_Aura_address_with_basic_auth_reaches_port_443_with_the_credentials_on_every_request()
    {
        wire.Root = DocumentedNeo4jWire.AuraRoot;
        var store = wire.Store("https://xxxxxxxx.databases.neo4j.io", ("Neo4j:User", "neo4j"), ("Neo4j:Password", "secret-password"))
            .GetRequiredService<Neo4jGraphStore>();

        await store.CreateNode(Ortiz, CancellationToken.None);

        var expected = "Basic " + Convert.ToBase64String("neo4j:secret-password"u8.ToArray());
        Assert.All(wire.Requests.Where(r => r.Method != HttpMethod.Get), r => Assert.Equal(expected, r.Authorization));
        Assert.Contains(wire.Requests, r => r.Path == "/db/neo4j/query/v2/tx/1/commit");
    }
}

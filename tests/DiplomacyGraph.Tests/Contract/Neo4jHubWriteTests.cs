using System.Text.Json;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Neo4j;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>
/// The write path's relationship lookups on a hub (a country that takes part in every GDELT event of its own): the work
/// Neo4j does to find one relationship of the hub, counted in PROFILE's database hits (not time), must not grow with
/// the hub's degree. Planned as one path pattern, 3.1 expanded every relationship of the start node per edge (or
/// scanned the id index), which made a GDELT import slow down as the country hubs grew.
/// </summary>
[Collection("neo4j")]
public sealed class Neo4jHubWriteTests(Neo4jServer server) : IAsyncLifetime
{
    private const int SmallDegree = 10;
    private const int HubDegree = 400;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        await server.ResetAsync();
        services = Stores.Neo4jServices(server);
        // The schema (id constraints, hence the index seeks) as the store makes it.
        await services.GetRequiredService<IGraphStore>().Initialize(CancellationToken.None);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public static TheoryData<string> EdgeQueries() => new(["ImportReadEdges", "GuardEdgeRevisions", "GuardEdgeAbsent", "DeleteEdges", "DeleteEdge"]);

    [Theory]
    [MemberData(nameof(EdgeQueries))]
    public async Task Finding_a_hub_relationship_costs_no_more_as_the_hub_grows(string query)
    {
        await Hub(SmallDegree);
        var small = await Hits(query, "event-1");
        await Hub(HubDegree);
        var large = await Hits(query, "event-2");

        Assert.True(large <= 2 * small + 10,
            $"{query} made {large} database hits for one relationship of a hub with {HubDegree} relationships, {small} with {SmallDegree}: its cost follows the degree");
    }

    /// <summary>A hub actor with <paramref name="degree"/> PARTICIPATED_IN relationships to events event-1 … event-n (made up to that many).</summary>
    private async Task Hub(int degree) =>
        (await server.RunCypherAsync(
            """
            MERGE (h:Node:Actor {id: 'hub'})
            WITH h
            UNWIND range(1, $degree) AS i
            MERGE (e:Node:Event {id: 'event-' + toString(i)})
            MERGE (h)-[:PARTICIPATED_IN {role: 'actor'}]->(e)
            RETURN count(*) AS made
            """, new Dictionary<string, object> { ["degree"] = degree })).Dispose();

    /// <summary>The database hits of one run of the store's query on the hub's relationship to <paramref name="eventId"/>.</summary>
    private async Task<long> Hits(string query, string eventId)
    {
        // GuardEdgeAbsent refuses (fails the transaction) when the relationship exists: it is asked about a type the hub lacks.
        var type = query == "GuardEdgeAbsent" ? "TARGETED" : "PARTICIPATED_IN";
        var edge = new Dictionary<string, object> { ["from"] = "hub", ["type"] = type, ["to"] = eventId, ["rev"] = 0 };
        var parameters = new Dictionary<string, object>(edge) { ["edges"] = new[] { edge } };
        using var answer = await server.RunCypherAsync("PROFILE " + CypherQueries.Get(query), parameters);
        var result = answer.RootElement.GetProperty("results")[0];
        // The relationship was there to be found: a query that found nothing would be cheap for the wrong reason.
        if (query == "ImportReadEdges") Assert.Single(result.GetProperty("data").EnumerateArray());
        if (query.StartsWith("Delete", StringComparison.Ordinal)) Assert.Equal(1, result.GetProperty("data")[0].GetProperty("row")[0].GetInt64());
        return Sum(result.GetProperty("plan").GetProperty("root"));
    }

    private static long Sum(JsonElement plan) =>
        (plan.TryGetProperty("dbHits", out var hits) || plan.TryGetProperty("DbHits", out hits) ? hits.GetInt64() : 0)
        + (plan.TryGetProperty("children", out var children) ? children.EnumerateArray().Sum(Sum) : 0);
}

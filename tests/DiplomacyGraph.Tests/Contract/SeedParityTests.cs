using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>The real seed in both stores: every answer to a battery of questions serializes to the same JSON.</summary>
[Collection("neo4j")]
public sealed class SeedParityTests(Neo4jServer server) : IAsyncLifetime, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryFolder folder = new();
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        await server.ResetAsync();
        services = Stores.Neo4jServices(server);
        await services.GetRequiredService<IGraphStore>().Initialize(None);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => folder.Dispose();

    /// <summary>
    /// Serializes a link's other end as the reference every store guarantees (<see cref="Link"/>: id, label and
    /// <see cref="Link.OtherProperties"/>); the embedded store happens to hold the whole node there, the Neo4j store does not.
    /// </summary>
    private static readonly JsonSerializerOptions LinksAsReferences = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OtherAsReference } },
    };

    private static void OtherAsReference(JsonTypeInfo info)
    {
        if (info.Type != typeof(Link)) return;
        var other = info.Properties.Single(p => p.Name == nameof(Link.Other));
        other.Get = link => Reference(((Link)link).Other);
    }

    private static GraphNode Reference(GraphNode node) =>
        new(node.Id, node.Label, node.Properties.Where(p => Link.OtherProperties.Contains(p.Key)).ToDictionary(), []);

    [Fact]
    public async Task Both_stores_answer_every_question_about_the_seed_identically()
    {
        var embedded = folder.NewEmbeddedStore();
        var neo4j = services.GetRequiredService<IGraphStore>();
        foreach (var document in Neo4jGraphStoreTests.SeedDocuments())
        {
            await Same("import", s => s.Import(document, None));
        }

        var actors = (await embedded.SearchActors(new ActorSearch(null, null, 1, 10_000), None)).Items;
        var nodes = (await embedded.GetGraph(10_000, None)).Nodes;
        Assert.NotEmpty(actors);

        await Same("graph", s => s.GetGraph(10_000, None));
        await Same("graph truncated", s => s.GetGraph(7, None));
        await Same("sources", s => s.ListSources(None));
        foreach (var source in await embedded.ListSources(None))
        {
            await Same($"source {source.Id}", s => s.GetSource(source.Id, None));
        }
        foreach (var (query, kind) in new (string?, string?)[] { (null, null), ("a", null), ("PETRO", null), ("e", ActorKinds.Person), (null, ActorKinds.Country), (null, ActorKinds.Organization) })
        {
            for (var page = 1; page <= 3; page++)
            {
                await Same($"actors {query} {kind} {page}", s => s.SearchActors(new ActorSearch(query, kind, page, 5), None));
            }
        }
        foreach (var node in nodes)
        {
            await Same($"node {node.Id}", s => s.GetNode(node.Label, node.Id, None));
            await Same($"exists {node.Id}", s => s.Exists(node.Label, node.Id, None));
        }
        foreach (var actor in actors)
        {
            await Same($"relationships {actor.Id}", s => s.GetRelationships(actor.Id, null, Directions.Both, None));
            await Same($"relationships out {actor.Id}", s => s.GetRelationships(actor.Id, "PARTICIPATED_IN", Directions.Out, None));
            await Same($"relationships in {actor.Id}", s => s.GetRelationships(actor.Id, null, Directions.In, None));
            await Same($"network 1 {actor.Id}", s => s.GetNetwork(actor.Id, 1, 500, None));
            await Same($"network 2 {actor.Id}", s => s.GetNetwork(actor.Id, 2, 10, None));
            await Same($"co-participants {actor.Id}", s => s.GetCoParticipants(actor.Id, None));
            await Same($"events of {actor.Id}", s => s.FindEvents(new EventSearch(null, null, null, actor.Id, 1, 50), None));
            await Same($"sanctions by {actor.Id}", s => s.FindSanctions(new SanctionSearch(actor.Id, null, null, 1, 50), None));
            await Same($"sanctions on {actor.Id}", s => s.FindSanctions(new SanctionSearch(null, actor.Id, null, 1, 50), None));
            await Same($"statements by {actor.Id}", s => s.FindStatements(new StatementSearch(actor.Id, null, null, 1, 50), None));
            await Same($"statements about {actor.Id}", s => s.FindStatements(new StatementSearch(null, actor.Id, null, 1, 50), None));
            await Same($"timeline {actor.Id}", s => s.GetTimeline(new TimelineSearch(actor.Id, null, null, 100), None));
        }
        foreach (var kind in EventKinds.All.Append("NONE"))
        {
            await Same($"events {kind}", s => s.FindEvents(new EventSearch(kind, null, null, null, 1, 50), None));
        }
        foreach (var (from, to) in new (string?, string?)[] { (null, null), ("2025", null), (null, "2025-12-31"), ("2026-01-01", "2026-02-28"), ("2026-02-03", "2026-02-03") })
        {
            await Same($"events {from}..{to}", s => s.FindEvents(new EventSearch(null, from, to, null, 1, 50), None));
            await Same($"events page 2 {from}..{to}", s => s.FindEvents(new EventSearch(null, from, to, null, 2, 3), None));
            await Same($"timeline {from}..{to}", s => s.GetTimeline(new TimelineSearch(null, from, to, 1000), None));
            await Same($"timeline 5 {from}..{to}", s => s.GetTimeline(new TimelineSearch(null, from, to, 5), None));
        }
        foreach (var kind in SanctionKinds.All)
        {
            await Same($"sanctions {kind}", s => s.FindSanctions(new SanctionSearch(null, null, kind, 1, 50), None));
        }
        foreach (var query in new string?[] { null, "a", "drug", "TRUMP", "colombia" })
        {
            await Same($"statements {query}", s => s.FindStatements(new StatementSearch(null, null, query, 1, 50), None));
            await Same($"statements page 2 {query}", s => s.FindStatements(new StatementSearch(null, null, query, 2, 3), None));
        }
        var ends = nodes.Take(12).ToList();
        foreach (var from in ends)
        {
            foreach (var to in ends)
            {
                await Same($"path {from.Id} {to.Id}", s => s.FindShortestPath(from.Id, to.Id, 6, None));
                await Same($"path 2 {from.Id} {to.Id}", s => s.FindShortestPath(from.Id, to.Id, 2, None));
            }
        }
        // A missing end's miss, suggestions included.
        await Same("path from an unknown id", s => s.FindShortestPath("petro", ends[0].Id, 6, None));
        await Same("paths to an unknown id", s => s.FindAllShortestPaths(ends[0].Id, "trump", 6, 10, None));
        foreach (var document in Neo4jGraphStoreTests.SeedDocuments())
        {
            await Same("import again", s => s.Import(document, None));
        }

        async Task Same<T>(string question, Func<IGraphStore, Task<T>> ask)
        {
            // As the runtime type: a Lookup's answer (Found or Missing, with its suggestions) is in its subtype.
            var expected = JsonSerializer.Serialize<object?>(await ask(embedded), LinksAsReferences);
            var actual = JsonSerializer.Serialize<object?>(await ask(neo4j), LinksAsReferences);
            Assert.True(expected == actual, $"{question}:\nembedded {expected}\nneo4j    {actual}");
        }
    }
}

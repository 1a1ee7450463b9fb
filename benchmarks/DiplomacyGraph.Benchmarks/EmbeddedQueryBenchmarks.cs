using BenchmarkDotNet.Attributes;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// The embedded store's read queries on the synthetic graph (about 3,800 nodes and 8,000 edges),
/// with the arguments the API passes by default (page size 20, network depth 2 up to 500 nodes,
/// timeline limit 100, graph limit 1,000).
/// </summary>
[MemoryDiagnoser]
public class EmbeddedQueryBenchmarks
{
    private TempStore store = null!;
    private EmbeddedGraphStore Graph => store.Store;

    /// <summary>The start of the far pair, and the actor farthest from it within six hops.</summary>
    private string farFrom = SyntheticGraph.Person(0);
    private string farTo = "";
    /// <summary>The person with the most events: the heaviest ordinary actor.</summary>
    private string busyPerson = "";
    /// <summary>The country with the most relationships: a hub.</summary>
    private string hubCountry = "";

    [GlobalSetup]
    public async Task Setup()
    {
        var graph = new SyntheticGraph();
        ThrowIfInvalid(graph.Documents);
        store = await TempStore.Create(graph.Documents);

        var distance = GraphWalk.Distances(graph.Relationships, farFrom, 6);
        var actors = distance.Where(d => IsActor(d.Key)).ToList();
        var farthest = actors.Max(d => d.Value);
        farTo = actors.Where(d => d.Value == farthest).Select(d => d.Key).Order(StringComparer.Ordinal).First();
        busyPerson = graph.Relationships.Where(r => r.Type == RelationshipTypes.ParticipatedIn).GroupBy(r => r.From)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        hubCountry = graph.Relationships.SelectMany(r => new[] { r.From, r.To }).Where(id => id.StartsWith("country-", StringComparison.Ordinal))
            .GroupBy(id => id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

        var path = await Graph.FindShortestPath(farFrom, farTo, 6, CancellationToken.None) as Found<GraphPath?>;
        var hub = await Graph.GetNode(NodeLabel.Actor, hubCountry, CancellationToken.None) as Found<NodeWithLinks>;
        var network = await Graph.GetNetwork(busyPerson, 2, 500, CancellationToken.None) as Found<Subgraph>;
        Console.WriteLine($"// Synthetic graph: {graph.Documents.Sum(d => 1 + d.Actors.Count + d.Events.Count + d.Statements.Count + d.Sanctions.Count)} nodes, " +
            $"{graph.Relationships.Count} relationships; {distance.Count} nodes within 6 hops of {farFrom}.");
        Console.WriteLine($"// Far pair {farFrom} -> {farTo}: {farthest} hops, path found with {path?.Value?.Edges.Count} edges.");
        Console.WriteLine($"// Hub {hubCountry}: {hub?.Value.Links.Count} links. Busy person {busyPerson}: network depth 2 has {network?.Value.Nodes.Count} nodes.");
    }

    [GlobalCleanup]
    public void Cleanup() => store.Dispose();

    [Benchmark]
    public Task<Page<GraphNode>> SearchActors() =>
        Graph.SearchActors(new ActorSearch("nunez", null, 1, 20), CancellationToken.None);

    [Benchmark]
    public Task<Lookup<NodeWithLinks>> GetNode_Person() =>
        Graph.GetNode(NodeLabel.Actor, busyPerson, CancellationToken.None);

    [Benchmark]
    public Task<Lookup<NodeWithLinks>> GetNode_HubCountry() =>
        Graph.GetNode(NodeLabel.Actor, hubCountry, CancellationToken.None);

    [Benchmark]
    public Task<Lookup<Subgraph>> GetNetwork_Depth2() =>
        Graph.GetNetwork(busyPerson, 2, 500, CancellationToken.None);

    [Benchmark]
    public Task<Lookup<GraphPath?>> FindShortestPath_FarPair() =>
        Graph.FindShortestPath(farFrom, farTo, 6, CancellationToken.None);

    [Benchmark]
    public Task<Lookup<IReadOnlyList<CoParticipant>>> GetCoParticipants() =>
        Graph.GetCoParticipants(busyPerson, CancellationToken.None);

    [Benchmark]
    public Task<Page<NodeWithLinks>> FindEvents_ByActor() =>
        Graph.FindEvents(new EventSearch(null, null, null, busyPerson, 1, 20), CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<NodeWithLinks>> GetTimeline_ByActor() =>
        Graph.GetTimeline(new TimelineSearch(busyPerson, null, null, 100), CancellationToken.None);

    [Benchmark]
    public Task<Subgraph> GetGraph_1000() =>
        Graph.GetGraph(1000, CancellationToken.None);

    private static bool IsActor(string id) =>
        id.StartsWith("person-", StringComparison.Ordinal) || id.StartsWith("country-", StringComparison.Ordinal) || id.StartsWith("organization-", StringComparison.Ordinal);

    internal static void ThrowIfInvalid(IEnumerable<KnowledgeDocument> documents)
    {
        ValidationConventions.Apply();
        var validator = new KnowledgeDocumentValidator();
        foreach (var document in documents)
        {
            var result = validator.Validate(document);
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"The synthetic document {document.Source.Id} is invalid: {result}");
            }
        }
    }
}

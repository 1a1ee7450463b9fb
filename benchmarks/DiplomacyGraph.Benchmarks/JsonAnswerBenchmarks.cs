using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using DiplomacyGraph.Api.Actors;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Api.Graph;
using DiplomacyGraph.Api.Infrastructure;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// Writing the two largest seed answers as the API does (UTF-8 to a stream, with the API's JSON options): with the
/// generated serializers first in the chain (<see cref="ApiJson.Contexts"/>, as the API runs) and with reflection alone
/// (as before). The answers are built by the endpoints' own handlers over the seed, so their property bags hold what
/// the stores put there.
/// </summary>
[MemoryDiagnoser]
public class JsonAnswerBenchmarks
{
    private static readonly JsonSerializerOptions Generated = ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private static readonly JsonSerializerOptions Reflection = new(Generated) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private TempStore store = null!;
    private NetworkDto network = null!;
    private CytoscapeGraphDto graph = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var documents = Repository.SeedDocuments().Select(d => d.Document);
        store = await TempStore.Create(documents);
        var none = CancellationToken.None;
        network = Value<NetworkDto>((await ActorsApi.GetNetwork("gustavo-petro", new ActorsApi.NetworkQuery { Depth = 2 }, new AsOfQuery(), new NodesQuery(), store.Store, none)).Result);
        graph = Value<CytoscapeGraphDto>((await GraphApi.GetGraph(new GraphApi.GraphQuery(), new NodesQuery(), store.Store, none)).Result);
        Console.WriteLine($"// Network depth 2: {Size(network, Generated)} bytes; /api/graph: {Size(graph, Generated)} bytes; same bytes by reflection: {Size(network, Reflection) == Size(network, Generated) && Size(graph, Reflection) == Size(graph, Generated)}");
        // Whether System.Text.Json takes the generated fast path (it falls back to the generated metadata when the runtime options differ from the generation options).
        var fastPath = typeof(JsonTypeInfo).GetProperty("CanUseSerializeHandler", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);
        Console.WriteLine($"// Generated fast path for the network answer: {fastPath?.GetValue(Generated.GetTypeInfo(typeof(NetworkDto))) ?? "unknown"}; for the graph answer: {fastPath?.GetValue(Generated.GetTypeInfo(typeof(CytoscapeGraphDto))) ?? "unknown"}");
    }

    [GlobalCleanup]
    public void Cleanup() => store.Dispose();

    [Benchmark(Baseline = true)]
    public Task Network_Depth2_Reflection() => Write(network, Reflection);

    [Benchmark]
    public Task Network_Depth2_Generated() => Write(network, Generated);

    [Benchmark]
    public Task Graph_Reflection() => Write(graph, Reflection);

    [Benchmark]
    public Task Graph_Generated() => Write(graph, Generated);

    /// <summary>As minimal APIs write an answer: the declared type's contract from the options, serialized to the body stream (here a sink).</summary>
    private static Task Write<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.SerializeAsync(Stream.Null, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    private static int Size<T>(T value, JsonSerializerOptions options) => JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))).Length;

    private static T Value<T>(object result) => result is Ok<T> ok ? ok.Value! : throw new InvalidOperationException($"The handler answered {result.GetType().Name}.");
}

using BenchmarkDotNet.Attributes;
using DiplomacyGraph.Api.Import;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Benchmarks;

/// <summary>The shortest-path query on the real seed (about 65 nodes): the small-graph baseline.</summary>
[MemoryDiagnoser]
public class SeedBenchmarks
{
    private TempStore store = null!;

    /// <summary>4 is the API's default depth, 6 its maximum.</summary>
    [Params(4, 6)]
    public int MaxDepth { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var documents = Repository.SeedDocuments().Select(d => d.Document);
        store = await TempStore.Create(documents);
    }

    [GlobalCleanup]
    public void Cleanup() => store.Dispose();

    [Benchmark]
    public Task<Lookup<GraphPath?>> FindShortestPath_MorenoToVillavicencio() =>
        store.Store.FindShortestPath("bernie-moreno", "rosa-villavicencio", MaxDepth, CancellationToken.None);
}

/// <summary>The repository's folders, found from wherever the benchmark runs (BenchmarkDotNet runs it from a generated folder under bin/).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>The seed's documents, read and validated as the service's seeding reads them.</summary>
    public static IReadOnlyList<(string File, KnowledgeDocument Document)> SeedDocuments()
    {
        ValidationConventions.Apply();
        return new KnowledgeDocumentReader(new KnowledgeDocumentValidator()).LoadFolder(Path.Combine(Root, "seed"));
    }

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DiplomacyGraph.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"DiplomacyGraph.sln not found above {AppContext.BaseDirectory}.");
    }
}

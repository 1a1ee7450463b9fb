using BenchmarkDotNet.Attributes;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// Importing a 50-node document (a source, 20 events, 29 statements, about 110 relationships to existing actors)
/// into the synthetic graph: again, when it is already there, and fresh.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    /// <summary>Fresh imports per iteration; each goes into the same copy, so the graph grows by at most 500 nodes (5%).</summary>
    private const int FreshPerIteration = 10;

    private TempStore baseline = null!;
    private TempStore? copy;
    private KnowledgeDocument known = null!;
    private KnowledgeDocument[] fresh = [];
    private int iteration;

    [GlobalSetup]
    public async Task Setup()
    {
        var graph = new SyntheticGraph();
        known = SyntheticGraph.SmallDocument("known", 1);
        EmbeddedQueryBenchmarks.ThrowIfInvalid([.. graph.Documents, known]);
        baseline = await TempStore.Create([.. graph.Documents, known]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        copy?.Dispose();
        baseline.Dispose();
    }

    [IterationSetup(Target = nameof(Import_Fresh))]
    public void FreshCopy()
    {
        copy?.Dispose();
        copy = baseline.Copy();
        iteration++;
        fresh = [.. Enumerable.Range(0, FreshPerIteration).Select(i => SyntheticGraph.SmallDocument($"fresh-{iteration}-{i}", iteration * 100 + i))];
    }

    /// <summary>Every node and edge unchanged: what a repeated seed or a retried import costs.</summary>
    [Benchmark]
    public Task<IImportOutcome> Import_Again() => baseline.Store.Import(known, CancellationToken.None);

    [Benchmark(OperationsPerInvoke = FreshPerIteration)]
    public async Task Import_Fresh()
    {
        foreach (var document in fresh)
        {
            await copy!.Store.Import(document, CancellationToken.None);
        }
    }
}

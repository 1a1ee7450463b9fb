using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Benchmarks;

/// <summary>An embedded store on a fresh SQLite file in the temp folder, deleted (with its WAL files) on dispose.</summary>
public sealed class TempStore : IDisposable
{
    public string Path { get; }
    public EmbeddedGraphStore Store { get; private set; }

    private TempStore(string path)
    {
        Path = path;
        Store = new EmbeddedGraphStore(path);
    }

    public static async Task<TempStore> Create(IEnumerable<KnowledgeDocument> documents)
    {
        var store = new TempStore(NewPath());
        foreach (var document in documents)
        {
            await store.Store.Import(document, CancellationToken.None);
        }
        return store;
    }

    /// <summary>A copy of this store's file, opened as a new store: the same graph, rebuilt from disk.</summary>
    public TempStore Copy()
    {
        var path = NewPath();
        File.Copy(Path, path);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(Path + suffix)) File.Copy(Path + suffix, path + suffix);
        }
        return new TempStore(path);
    }

    public static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"diplomacygraph-bench-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}

/// <summary>Breadth-first walks over a document set's relationships, both ways, to choose benchmark arguments.</summary>
public static class GraphWalk
{
    public static Dictionary<string, int> Distances(IEnumerable<RelationshipRecord> relationships, string start, int depth)
    {
        var neighbours = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var r in relationships)
        {
            Add(r.From, r.To);
            Add(r.To, r.From);
        }
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
        var frontier = new List<string> { start };
        for (var d = 1; d <= depth && frontier.Count > 0; d++)
        {
            frontier = [.. frontier.SelectMany(id => neighbours.GetValueOrDefault(id) ?? []).Where(id => distance.TryAdd(id, d))];
        }
        return distance;

        void Add(string a, string b)
        {
            if (!neighbours.TryGetValue(a, out var list)) neighbours[a] = list = [];
            list.Add(b);
        }
    }
}

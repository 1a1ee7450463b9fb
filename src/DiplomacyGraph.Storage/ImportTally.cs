using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage;

/// <summary>Counts what an import created, updated and left unchanged.</summary>
public sealed class ImportTally
{
    private readonly List<string> nodesCreated = [], nodesUpdated = [], nodesUnchanged = [];
    private readonly List<string> edgesCreated = [], edgesUpdated = [], edgesUnchanged = [];

    /// <summary>Records a node's outcome; true when it must be written.</summary>
    public bool Node(string id, GraphNode? before, GraphNode after) =>
        Record(id, before is null, before is not null && GraphMerge.SameContent(before.Properties, before.Evidence, after.Properties, after.Evidence)
            && ClaimRules.Same(before.Claims, after.Claims),
            nodesCreated, nodesUpdated, nodesUnchanged);

    /// <summary>Records an edge's outcome; true when it must be written.</summary>
    public bool Edge(string id, GraphEdge? before, GraphEdge after) =>
        Record(id, before is null, before is not null && GraphMerge.SameContent(before.Properties, before.Evidence, after.Properties, after.Evidence)
            && ClaimRules.Same(before.Claims, after.Claims),
            edgesCreated, edgesUpdated, edgesUnchanged);

    private static bool Record(string id, bool created, bool unchanged, List<string> c, List<string> u, List<string> same)
    {
        (created ? c : unchanged ? same : u).Add(id);
        return !unchanged;
    }

    public ImportSummary ToSummary() => new(nodesCreated, nodesUpdated, nodesUnchanged, edgesCreated, edgesUpdated, edgesUnchanged);
}

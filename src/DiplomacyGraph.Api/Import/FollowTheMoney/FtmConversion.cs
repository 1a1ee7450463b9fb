using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Api.Import;

/// <summary>What a FollowTheMoney file becomes: the graph to import, or the lines at fault.</summary>
public sealed record FtmConversion(
    DocumentGraph Graph,
    IReadOnlyList<string> SourceIds,
    int Entities,
    IReadOnlyDictionary<string, int> SkippedSchemata,
    IReadOnlyDictionary<string, string> Mapped,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Nothing to import: the file's errors, by line (or dataset).</summary>
    public static FtmConversion Failed(Dictionary<string, string[]> errors) =>
        new(new DocumentGraph([], []), [], 0, new Dictionary<string, int>(), new Dictionary<string, string>(), [], errors);
}

using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// Reads knowledge documents from files with the strict JSON rules (<see cref="KnowledgeJson"/>) and checks each with
/// the given validator. A bad document throws <see cref="InvalidKnowledgeDocumentException"/>, naming the file (or
/// line), the entity and the field.
/// </summary>
internal sealed class KnowledgeDocumentReader(IValidator<KnowledgeDocument> validator)
{
    public KnowledgeDocument Load(string file) => KnowledgeJson.Load(file, validator);

    /// <summary>
    /// Reads and validates every <c>*.json</c> document of a folder, in file-name order, before any is imported:
    /// a bad seed stops start-up with nothing written.
    /// </summary>
    public IReadOnlyList<(string File, KnowledgeDocument Document)> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidKnowledgeDocumentException($"The seed folder '{folder}' does not exist.");
        }
        return [.. Files(folder).Select(file => (file, Load(file)))];
    }

    /// <summary>
    /// A folder's documents (by file name) or an NDJSON file's lines (numbered from 1, empty ones skipped), each read
    /// only when asked, so one bad document is reported by its file or line and the others still go in.
    /// </summary>
    public IEnumerable<(string Where, Func<KnowledgeDocument> Read)> Each(string path)
    {
        if (Directory.Exists(path))
        {
            foreach (var file in Files(path))
            {
                yield return (file, () => Load(file));
            }
            yield break;
        }
        using var reader = new StreamReader(path);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var where = $"{path}:{number}";
            yield return (where, () => KnowledgeJson.Parse(line, where, validator));
        }
    }

    private static IEnumerable<string> Files(string folder) => Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal);
}

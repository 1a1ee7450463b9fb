using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Tests.Seed;

/// <summary>
/// Seed files are read strictly (exact names, no duplicates, right types, every mistake named at once) and stay
/// hand-editable: comments and trailing commas are accepted, as seed/README.md promises.
/// </summary>
public sealed class StrictSeedJsonTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("diplomacygraph-strict-seed-").FullName;

    [Fact]
    public void Comments_and_trailing_commas_are_accepted_and_change_nothing()
    {
        var original = Directory.EnumerateFiles(RepositoryFiles.SeedFolder, "*.json").Single();
        var text = File.ReadAllText(original).TrimEnd();
        var edited = "// Hand-edited copy of the seed.\n" + text[..^1].TrimEnd() + ",\n  // trailing comma above\n}\n";
        var file = Write("commented.json", edited);

        var document = KnowledgeJson.Load(file, new KnowledgeDocumentValidator());

        var expected = KnowledgeJson.Load(original, new KnowledgeDocumentValidator());
        Assert.Equal(expected.Source, document.Source);
        Assert.Equal(expected.Actors.Select(a => a.Id), document.Actors.Select(a => a.Id));
        Assert.Equal(expected.Relationships.Count, document.Relationships.Count);
    }

    [Fact]
    public void A_duplicate_key_a_wrong_case_name_and_a_wrong_type_are_all_named_at_once()
    {
        var file = Write("broken.json", """
            {
              // one document, three mistakes
              "source": { "id": "strict-source", "title": "T", "outlet": "o", "published": "2026-02-04T11:20", "id": "again", "Language": "en" },
              "actors": [ { "id": "strict-actor", "kind": "person", "name": "A", "aliases": "A.", "evidence": "e", }, ],
            }
            """);

        var error = Assert.Throws<InvalidKnowledgeDocumentException>(() => KnowledgeJson.Load(file, new KnowledgeDocumentValidator()));

        Assert.Contains("broken.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.source.id: 'id' is given more than once.", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.source.Language: This property is not part of the format; names are case-sensitive: did you mean 'language'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.actors[0].aliases: Expected an array.", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

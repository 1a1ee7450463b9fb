using DiplomacyGraph.Api.Import;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Tests.Seed;

/// <summary>
/// Files of the repository the tests read without changing: the seed folder, and the article it was made
/// from, which lives in <c>shared/</c> beside the repository (also in CI, where the repo is cloned elsewhere).
/// </summary>
public static class RepositoryFiles
{
    public const string ArticleFile = "000_78bcf8b5b94587eb.txt";

    private static readonly Lazy<string> RootFolder = new(FindRoot);
    private static readonly Lazy<KnowledgeDocument> SeedDocument = new(() => LoadFolder(SeedFolder).Single().Document);

    /// <summary>The folder holding DiplomacyGraph.sln.</summary>
    public static string Root => RootFolder.Value;

    public static string SeedFolder => Path.Combine(Root, "seed");

    public static string SeedFile => Path.Combine(SeedFolder, "000_petro-trump-white-house.json");

    /// <summary>Where the article must be: <c>&lt;repo&gt;/../shared/seed/000_78bcf8b5b94587eb.txt</c>.</summary>
    public static string ArticlePath => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seed", ArticleFile));

    /// <summary>The one seed document, loaded and validated as the service loads it.</summary>
    public static KnowledgeDocument Seed => SeedDocument.Value;

    /// <summary>
    /// A folder's documents, read and validated by the reader seeding uses (<see cref="KnowledgeDocumentReader"/>), with
    /// a validator of its own where the service's comes from DI.
    /// </summary>
    public static IReadOnlyList<(string File, KnowledgeDocument Document)> LoadFolder(string folder)
    {
        ValidationConventions.Apply();
        return new KnowledgeDocumentReader(new KnowledgeDocumentValidator()).LoadFolder(folder);
    }

    /// <summary>The article's text without its final newline, as seed/README.md says evidence is checked.</summary>
    public static string ReadArticle()
    {
        Assert.True(File.Exists(ArticlePath),
            $"The seed's source article is missing: expected it at {ArticlePath} (shared/seed/ beside the repository).");
        return File.ReadAllText(ArticlePath).TrimEnd('\n', '\r');
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DiplomacyGraph.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No DiplomacyGraph.sln above {AppContext.BaseDirectory}.");
    }
}

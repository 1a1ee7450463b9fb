using System.Text.RegularExpressions;
using DiplomacyGraph.Tests.Seed;

namespace DiplomacyGraph.Tests.Architecture;

/// <summary>
/// A handler's statuses come from its <c>Results&lt;…&gt;</c> type; what every operation shares is declared once. Only the
/// group conventions below may declare problems by hand: the shared statuses (400, 500, 503), the write policy's
/// (401, 403, 413, 415, 429) and the list formats' 406.
/// </summary>
public sealed partial class ProblemDeclarationTests
{
    private static readonly string[] Conventions =
    [
        "src/DiplomacyGraph.Api/Infrastructure/SharedProblems.cs",
        "src/DiplomacyGraph.Api/Infrastructure/WriteAccess.cs",
        "src/DiplomacyGraph.Api/Common/ListAnswers.cs",
    ];

    [Fact]
    public void No_handler_declares_a_problem_by_hand()
    {
        var declaring = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Any(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal) && Declaration().IsMatch(line)))
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(Conventions.Order(StringComparer.Ordinal), declaring);
    }

    [GeneratedRegex(@"\.Produces(Validation)?Problem\(")]
    private static partial Regex Declaration();
}

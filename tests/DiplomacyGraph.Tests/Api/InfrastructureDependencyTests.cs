using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DiplomacyGraph.Tests.Seed;

namespace DiplomacyGraph.Tests.Api;

/// <summary>
/// Infrastructure knows no feature: the arrows point from the feature folders (Actors, Events, …) to
/// <c>src/DiplomacyGraph.Api/Infrastructure</c>, never back. A feature declares its caps, JSON contexts and OpenAPI
/// details beside its own types, and Infrastructure collects them by convention. This reads every Infrastructure source
/// file, comments left out, for a feature namespace or the name of any type declared in one.
/// </summary>
public sealed partial class InfrastructureDependencyTests
{
    public static readonly string[] Features =
        ["Actors", "Events", "Sanctions", "Statements", "Figures", "Programs", "Paths", "Timeline", "Graph", "Sources", "Relationships", "Import", "Explore"];

    private static string InfrastructureFolder => Path.Combine(RepositoryFiles.Root, "src", "DiplomacyGraph.Api", "Infrastructure");

    /// <summary>Every type the feature folders declare, by simple name (generic arity and nesting left out).</summary>
    private static IReadOnlyList<string> FeatureTypeNames() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => Features.Any(f => t.Namespace == $"DiplomacyGraph.Api.{f}") && !t.IsDefined(typeof(CompilerGeneratedAttribute), false))
            .Select(t => t.Name.Split('`')[0])
            .Where(n => Identifier().IsMatch(n))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>A feature namespace (<c>using DiplomacyGraph.Api.Import;</c>, <c>Import.FtmOptions</c>), and a feature type's name.</summary>
    private static (Regex Namespaces, Regex Types) References(IReadOnlyList<string> typeNames)
    {
        var features = string.Join('|', Features);
        return (new Regex($@"(?<![\w.])(?:DiplomacyGraph\.Api\.)?(?:{features})\.[A-Z]\w*|DiplomacyGraph\.Api\.(?:{features})\b"),
            new Regex($@"(?<![\w.])(?:{string.Join('|', typeNames.Select(Regex.Escape))})\b"));
    }

    /// <summary>A source file without its comments, so prose may still name a feature.</summary>
    private static string Code(string file) => Comment().Replace(File.ReadAllText(file), "");

    [Fact]
    public void No_infrastructure_file_uses_a_feature_namespace_or_a_feature_type()
    {
        var files = Directory.GetFiles(InfrastructureFolder, "*.cs", SearchOption.AllDirectories);
        var typeNames = FeatureTypeNames();
        // Guards the reading itself: a check over no files or no feature types would pass on nothing.
        Assert.True(files.Length >= 10, $"only {files.Length} files under {InfrastructureFolder}");
        Assert.Contains("ActorsApi", typeNames);
        Assert.Contains("ActorDetailDto", typeNames);

        var (namespaces, types) = References(typeNames);
        var found = files
            .SelectMany(f => Code(f).Split('\n').Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .SelectMany(l => namespaces.Matches(l.Text).Concat(types.Matches(l.Text)).Select(m => $"{l.File}:{l.Line}: {m.Value}"))
            .Distinct()
            .ToList();

        Assert.True(found.Count == 0, "Infrastructure refers to a feature; declare it in the feature and collect it by convention:\n" + string.Join("\n", found));
    }

    [Fact]
    public void No_infrastructure_file_names_a_feature_route_or_operation()
    {
        var routes = new Regex(@"""/?api/[a-z]");
        var operations = new Regex($@"""(?:Create|Replace|Delete|Get|Find|Import)(?:{string.Join('|', Features.Select(f => f.TrimEnd('s')))})\w*""");
        var found = Directory.GetFiles(InfrastructureFolder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Code(f).Split('\n').Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => routes.IsMatch(l.Text) || operations.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "Infrastructure names a feature's route or operation; declare it in the feature (e.g. its OpenApiExamples):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("using DiplomacyGraph.Api.Actors;")]
    [InlineData("services.AddOptions<Import.FtmOptions>();")]
    [InlineData("var cap = ActorsApi.MaxActorFacts;")]
    public void The_check_sees_a_feature_reference_in_code_but_not_in_comments(string line)
    {
        var typeNames = FeatureTypeNames();
        var (namespaces, types) = References(typeNames);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, $"{line}\n/// <see cref=\"Import.FtmOptions\"/> ActorsApi\n// Actors.ActorsApi\n");
            var code = Code(file);

            Assert.True(namespaces.IsMatch(code) || types.IsMatch(code), $"not seen: {line}");
            Assert.False(namespaces.IsMatch(Code(file).Replace(line, "", StringComparison.Ordinal)), "a comment was read as code");
            Assert.False(types.IsMatch(Code(file).Replace(line, "", StringComparison.Ordinal)), "a comment was read as code");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"^[A-Za-z_]\w*$")]
    private static partial Regex Identifier();

    // Line comments (//, ///) and block comments; strings holding "//" are rare enough in Infrastructure to accept.
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}

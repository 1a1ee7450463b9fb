using System.Text.RegularExpressions;
using System.Xml.Linq;
using static DiplomacyGraph.Tests.Deployment.DeploymentFiles;

namespace DiplomacyGraph.Tests.Deployment;

/// <summary>
/// What the Dockerfile and .dockerignore must say, as rules that each return the problems they find.
/// They take the parsed instructions, so the tests can also feed them a broken copy and see them object.
/// </summary>
public static partial class DockerfileRules
{
    public const string SdkImage = "mcr.microsoft.com/dotnet/sdk:10.0";
    public const string RuntimeImage = "mcr.microsoft.com/dotnet/aspnet:10.0";
    public const string ApiProject = "src/DiplomacyGraph.Api/DiplomacyGraph.Api.csproj";

    /// <summary>The API's entry assembly, as the Dockerfile must start it.</summary>
    public static string ApiDll => typeof(Program).Assembly.GetName().Name + ".dll";

    /// <summary>A build stage on the SDK image, and a separate final stage that takes only the published output.</summary>
    public static IEnumerable<string> IsMultiStage(IReadOnlyList<DockerInstruction> dockerfile)
    {
        var froms = dockerfile.Where(i => i.Keyword == "FROM").ToList();
        if (froms.Count < 2)
        {
            yield return $"The Dockerfile has {froms.Count} FROM; a multi-stage build needs a build stage and a runtime stage.";
            yield break;
        }
        if (Image(froms[0]) != SdkImage)
        {
            yield return $"The first (build) stage must be FROM {SdkImage}, not {Image(froms[0])}.";
        }
        var finalStage = froms.Count - 1;
        if (!dockerfile.Any(i => i.Stage == finalStage && i.Keyword == "COPY" && i.HasFlag("--from=")))
        {
            yield return "The final stage copies nothing from an earlier stage (COPY --from=...).";
        }
    }

    public static IEnumerable<string> FinalStageIsAspNetRuntime(IReadOnlyList<DockerInstruction> dockerfile)
    {
        var image = dockerfile.LastOrDefault(i => i.Keyword == "FROM") is { } from ? Image(from) : null;
        if (image is null || !Regex.IsMatch(image, $@"^{Regex.Escape(RuntimeImage)}(@sha256:[0-9a-f]{{64}})?$"))
        {
            yield return $"The final stage must be FROM {RuntimeImage}, not {image}.";
        }
    }

    /// <summary>The final stage switches to a user that is not root (the images' <c>app</c>, UID $APP_UID).</summary>
    public static IEnumerable<string> RunsAsNonRoot(IReadOnlyList<DockerInstruction> dockerfile)
    {
        var user = FinalStage(dockerfile).LastOrDefault(i => i.Keyword == "USER")?.Arguments.Split(':')[0].Trim();
        if (user is null)
        {
            yield return "The final stage has no USER, so the API runs as root.";
        }
        else if (user is "root" or "0" or "")
        {
            yield return $"The final stage runs as '{user}', which is root.";
        }
    }

    /// <summary>ENTRYPOINT ["dotnet", "DiplomacyGraph.Api.dll"], in exec form so the process gets SIGTERM from docker stop.</summary>
    public static IEnumerable<string> EntrypointRunsApi(IReadOnlyList<DockerInstruction> dockerfile)
    {
        var entrypoint = FinalStage(dockerfile).LastOrDefault(i => i.Keyword == "ENTRYPOINT");
        if (entrypoint is null || !entrypoint.IsExecForm || !entrypoint.Words().SequenceEqual(["dotnet", ApiDll]))
        {
            yield return $"The final stage must have ENTRYPOINT [\"dotnet\", \"{ApiDll}\"], not '{entrypoint?.Arguments}'.";
        }
    }

    /// <summary>
    /// Every .csproj the Dockerfile COPYs exists and lands at the same path; the project restored is one of them, with
    /// every project it references (transitively) copied before the restore; and the project published exists.
    /// </summary>
    public static IEnumerable<string> CopiedProjectsExist(IReadOnlyList<DockerInstruction> dockerfile)
    {
        var copied = new HashSet<string>(StringComparer.Ordinal);
        var restored = false;
        foreach (var instruction in dockerfile)
        {
            if (instruction.Keyword is "COPY" or "ADD" && !instruction.HasFlag("--from="))
            {
                var words = instruction.Words();
                if (words.Count < 2) continue;
                var destination = words[^1];
                foreach (var source in words.Take(words.Count - 1).Where(w => w.EndsWith(".csproj", StringComparison.Ordinal)))
                {
                    if (!File.Exists(Path.Combine(Root, source)))
                    {
                        yield return $"The Dockerfile copies {source}, which is not in the repository.";
                    }
                    var landsAt = destination.EndsWith('/') ? destination + Path.GetFileName(source) : destination;
                    if (landsAt != source)
                    {
                        yield return $"The Dockerfile copies {source} to {destination}, not to the same path, so its relative references break.";
                    }
                    copied.Add(source);
                }
            }
            if (instruction.Keyword == "RUN" && RestoreTarget().Match(instruction.Arguments) is { Success: true } restore)
            {
                restored = true;
                var project = restore.Groups["project"].Value;
                foreach (var needed in ProjectClosure(project))
                {
                    if (!copied.Contains(needed))
                    {
                        yield return $"dotnet restore {project} runs before {needed} (which it needs) is copied.";
                    }
                }
            }
            if (instruction.Keyword == "RUN" && PublishTarget().Match(instruction.Arguments) is { Success: true } publish
                && !File.Exists(Path.Combine(Root, publish.Groups["project"].Value)))
            {
                yield return $"dotnet publish targets {publish.Groups["project"].Value}, which is not in the repository.";
            }
        }
        if (copied.Count == 0 || !restored)
        {
            yield return "The Dockerfile must copy the .csproj files and run dotnet restore on a project before copying the rest.";
        }
    }

    /// <summary>The API project copies the seed documents into its publish output, under seed/ (the SeedOptions default).</summary>
    public static IEnumerable<string> PublishIncludesSeed(XDocument apiProject)
    {
        var seedItems = apiProject.Descendants()
            .Where(e => e.Name.LocalName is "Content" or "None")
            .Where(e => ((string?)e.Attribute("Include") ?? "").Replace('\\', '/').Contains("seed/", StringComparison.Ordinal))
            .ToList();
        var published = seedItems.Any(e =>
            ((string?)e.Attribute("CopyToPublishDirectory") ?? (string?)e.Element(e.Name.Namespace + "CopyToPublishDirectory")) is "PreserveNewest" or "Always"
            && ((string?)e.Attribute("LinkBase") ?? (string?)e.Attribute("Link") ?? "").Replace('\\', '/').TrimEnd('/').StartsWith("seed", StringComparison.Ordinal));
        if (!published)
        {
            yield return $"{ApiProject} does not copy the seed/*.json files to seed/ of the publish output.";
        }
    }

    /// <summary>
    /// The build context holds what the build needs (sources, seed, build files, .editorconfig, which sets analyzer
    /// severities) and leaves out bin/ and obj/ (a host's obj/ would overwrite the container's restore) and .env.
    /// </summary>
    public static IEnumerable<string> ContextHoldsWhatTheBuildNeeds(string dockerIgnore)
    {
        var seedFile = Directory.GetFiles(Path.Combine(Root, "seed"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).FirstOrDefault();
        var needed = new[]
        {
            "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", ApiProject,
            "src/DiplomacyGraph.Api/Program.cs", "src/DiplomacyGraph.Storage/DiplomacyGraph.Storage.csproj", $"seed/{seedFile}",
        };
        foreach (var path in needed.Where(p => IsIgnored(dockerIgnore, p)))
        {
            yield return $"{DockerIgnoreFile} leaves {path} out of the build context, but the build needs it.";
        }
        var unwanted = new[]
        {
            "src/DiplomacyGraph.Api/obj/project.assets.json", "src/DiplomacyGraph.Api/bin/Debug/net10.0/DiplomacyGraph.Api.dll",
            "src/DiplomacyGraph.Storage/obj/project.assets.json", ".env", ".git/HEAD", "data/diplomacygraph.db",
        };
        foreach (var path in unwanted.Where(p => !IsIgnored(dockerIgnore, p)))
        {
            yield return $"{DockerIgnoreFile} lets {path} into the build context.";
        }
    }

    /// <summary>
    /// Whether .dockerignore leaves a path out: the last pattern matching the path or one of its parent folders
    /// decides, a leading ! re-includes, <c>**</c> spans folders, <c>*</c> and <c>?</c> do not.
    /// </summary>
    public static bool IsIgnored(string dockerIgnore, string path)
    {
        var ignored = false;
        foreach (var raw in dockerIgnore.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var include = line.StartsWith('!');
            var pattern = (include ? line[1..] : line).Trim().Trim('/');
            if (pattern.StartsWith("./", StringComparison.Ordinal)) pattern = pattern[2..];
            var regex = "^" + Regex.Escape(pattern)
                .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
                .Replace(@"\*\*", ".*", StringComparison.Ordinal)
                .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
                .Replace(@"\?", "[^/]", StringComparison.Ordinal) + "(/.*)?$";
            if (Regex.IsMatch(path, regex)) ignored = !include;
        }
        return ignored;
    }

    private static IEnumerable<DockerInstruction> FinalStage(IReadOnlyList<DockerInstruction> dockerfile)
    {
        var last = dockerfile.Count == 0 ? -1 : dockerfile.Max(i => i.Stage);
        return dockerfile.Where(i => i.Stage == last);
    }

    private static string? Image(DockerInstruction from) => from.Words() is { Count: > 0 } words ? words[0] : null;

    /// <summary>A project and every project it references, transitively, as paths from the repository root.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next) || !File.Exists(Path.Combine(Root, next))) continue;
            var folder = Path.GetDirectoryName(Path.Combine(Root, next))!;
            foreach (var reference in XDocument.Load(Path.Combine(Root, next)).Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, ((string?)reference.Attribute("Include") ?? "").Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Root, full).Replace('\\', '/'));
            }
        }
        return found;
    }

    [GeneratedRegex(@"dotnet\s+restore\s+(?<project>\S+\.csproj)")]
    private static partial Regex RestoreTarget();

    [GeneratedRegex(@"dotnet\s+publish\s+(?<project>\S+\.csproj)")]
    private static partial Regex PublishTarget();
}

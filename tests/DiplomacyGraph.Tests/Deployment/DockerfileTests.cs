using System.Xml.Linq;
using static DiplomacyGraph.Tests.Deployment.DeploymentFiles;

namespace DiplomacyGraph.Tests.Deployment;

/// <summary>
/// The Dockerfile and .dockerignore, checked without Docker: a multi-stage build onto the ASP.NET Core 10 runtime,
/// run as a non-root user, starting the API's assembly, from project files that exist, with the seed published.
/// Each rule is also fed a broken copy, to show it objects.
/// </summary>
public sealed class DockerfileTests
{
    [Fact]
    public void Dockerfile_is_multi_stage_from_the_sdk() => Holds(DockerfileRules.IsMultiStage(LoadDockerfile()));

    [Fact]
    public void Final_stage_is_the_aspnet_10_runtime() => Holds(DockerfileRules.FinalStageIsAspNetRuntime(LoadDockerfile()));

    [Fact]
    public void Final_stage_runs_as_a_non_root_user() => Holds(DockerfileRules.RunsAsNonRoot(LoadDockerfile()));

    [Fact]
    public void Entrypoint_runs_the_api_assembly() => Holds(DockerfileRules.EntrypointRunsApi(LoadDockerfile()));

    [Fact]
    public void Copied_project_files_exist_and_are_restored_together() => Holds(DockerfileRules.CopiedProjectsExist(LoadDockerfile()));

    [Fact]
    public void Publish_output_includes_the_seed_folder() => Holds(DockerfileRules.PublishIncludesSeed(LoadApiProject()));

    [Fact]
    public void Build_context_holds_what_the_build_needs_and_no_local_state() => Holds(DockerfileRules.ContextHoldsWhatTheBuildNeeds(Read(DockerIgnoreFile)));

    public static TheoryData<string> Breakages => new(BrokenDockerfiles.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_dockerfile_is_rejected(string breakage)
    {
        var (rule, breakIt) = BrokenDockerfiles[breakage];
        var dockerfile = LoadDockerfile();
        Assert.Empty(rule(dockerfile)); // the real file passes the rule ...
        Assert.NotEmpty(rule(breakIt(dockerfile))); // ... and the broken one does not.
    }

    [Theory]
    [InlineData("seed/")]
    [InlineData("src")]
    [InlineData("*.props")]
    [InlineData(".editorconfig")]
    [InlineData("!**/obj/")]
    [InlineData("!.env")]
    public void A_dockerignore_that_drops_what_the_build_needs_or_lets_state_in_is_rejected(string addedLine)
    {
        var dockerIgnore = Read(DockerIgnoreFile);
        Assert.Empty(DockerfileRules.ContextHoldsWhatTheBuildNeeds(dockerIgnore));
        Assert.NotEmpty(DockerfileRules.ContextHoldsWhatTheBuildNeeds(dockerIgnore + "\n" + addedLine + "\n"));
    }

    [Fact]
    public void An_api_project_that_does_not_publish_the_seed_is_rejected()
    {
        var project = LoadApiProject();
        foreach (var item in project.Descendants().Where(e => e.Name.LocalName == "Content").ToList())
        {
            item.SetAttributeValue("CopyToPublishDirectory", "Never");
        }
        Assert.NotEmpty(DockerfileRules.PublishIncludesSeed(project));
    }

    private static XDocument LoadApiProject() => XDocument.Parse(Read(DockerfileRules.ApiProject));

    private static void Holds(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, string.Join(System.Environment.NewLine, list));
    }

    private static IEnumerable<string> Ports(IReadOnlyList<DockerInstruction> dockerfile) => ComposeRules.ApiPortsAgree(LoadCompose(), dockerfile);

    private static readonly Dictionary<string, (Func<IReadOnlyList<DockerInstruction>, IEnumerable<string>> Rule, Func<IReadOnlyList<DockerInstruction>, IReadOnlyList<DockerInstruction>> Break)> BrokenDockerfiles = new()
    {
        ["single stage"] = (DockerfileRules.IsMultiStage, d => d.Where(i => i.Stage == LastStage(d)).Select(i => i with { Stage = 0 }).ToList()),
        ["build stage on the runtime image"] = (DockerfileRules.IsMultiStage, d => Replace(d, i => i.Keyword == "FROM" && i.Stage == 0, "mcr.microsoft.com/dotnet/aspnet:10.0 AS build")),
        ["final stage on the sdk"] = (DockerfileRules.FinalStageIsAspNetRuntime, d => Replace(d, i => i.Keyword == "FROM" && i.Stage == LastStage(d), "mcr.microsoft.com/dotnet/sdk:10.0 AS final")),
        ["final stage on aspnet 9"] = (DockerfileRules.FinalStageIsAspNetRuntime, d => Replace(d, i => i.Keyword == "FROM" && i.Stage == LastStage(d), "mcr.microsoft.com/dotnet/aspnet:9.0")),
        ["user root"] = (DockerfileRules.RunsAsNonRoot, d => Replace(d, i => i.Keyword == "USER", "root")),
        ["user 0:0"] = (DockerfileRules.RunsAsNonRoot, d => Replace(d, i => i.Keyword == "USER", "0:0")),
        ["no user"] = (DockerfileRules.RunsAsNonRoot, d => d.Where(i => i.Keyword != "USER").ToList()),
        ["user only in the build stage"] = (DockerfileRules.RunsAsNonRoot, d => d.Select(i => i.Keyword == "USER" ? i with { Stage = 0 } : i).ToList()),
        ["entrypoint in shell form"] = (DockerfileRules.EntrypointRunsApi, d => Replace(d, i => i.Keyword == "ENTRYPOINT", "dotnet DiplomacyGraph.Api.dll")),
        ["entrypoint of another dll"] = (DockerfileRules.EntrypointRunsApi, d => Replace(d, i => i.Keyword == "ENTRYPOINT", "[\"dotnet\", \"DiplomacyGraph.dll\"]")),
        ["no entrypoint"] = (DockerfileRules.EntrypointRunsApi, d => d.Where(i => i.Keyword != "ENTRYPOINT").ToList()),
        ["copies a project that does not exist"] = (DockerfileRules.CopiedProjectsExist, d => Replace(d, IsStorageCopy, "src/DiplomacyGraph.Storage/Storage.csproj src/DiplomacyGraph.Storage/")),
        ["copies a project to another folder"] = (DockerfileRules.CopiedProjectsExist, d => Replace(d, IsStorageCopy, "src/DiplomacyGraph.Storage/DiplomacyGraph.Storage.csproj ./")),
        ["restores before the referenced project is copied"] = (DockerfileRules.CopiedProjectsExist, d => d.Where(i => !IsStorageCopy(i)).ToList()),
        ["no restore"] = (DockerfileRules.CopiedProjectsExist, d => d.Where(i => !(i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal))).ToList()),
        ["exposes another port"] = (Ports, d => Replace(d, i => i.Keyword == "EXPOSE", "80")),
        ["exposes nothing"] = (Ports, d => d.Where(i => i.Keyword != "EXPOSE").ToList()),
    };

    private static int LastStage(IReadOnlyList<DockerInstruction> dockerfile) => dockerfile.Max(i => i.Stage);

    private static bool IsStorageCopy(DockerInstruction instruction) =>
        instruction.Keyword == "COPY" && instruction.Arguments.Contains("DiplomacyGraph.Storage.csproj", StringComparison.Ordinal);

    /// <summary>The instructions with the arguments of those matching replaced; fails if none matches, so a breakage cannot silently do nothing.</summary>
    private static List<DockerInstruction> Replace(IReadOnlyList<DockerInstruction> dockerfile, Func<DockerInstruction, bool> match, string arguments)
    {
        Assert.Contains(dockerfile, i => match(i));
        return dockerfile.Select(i => match(i) ? i with { Arguments = arguments } : i).ToList();
    }
}

using YamlDotNet.RepresentationModel;
using static DiplomacyGraph.Tests.Deployment.DeploymentFiles;

namespace DiplomacyGraph.Tests.Deployment;

/// <summary>
/// docker-compose.yml, checked without Docker: it parses, Neo4j is set up as the API needs it, and every setting
/// the api service passes is one the API reads (found by reflection over its options classes, not from a list).
/// Each rule is also fed a broken copy of the file, to show it objects.
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void Compose_file_parses_as_yaml_with_both_services()
    {
        var compose = LoadCompose();
        Assert.NotNull(Service(compose, ComposeRules.Neo4jService));
        Assert.NotNull(Service(compose, ComposeRules.ApiService));
    }

    [Fact]
    public void Neo4j_uses_a_neo4j_5_image() => Holds(ComposeRules.Neo4jImage(LoadCompose()));

    [Fact]
    public void Neo4j_healthcheck_uses_wget_against_its_http_port() => Holds(ComposeRules.Neo4jHealthcheck(LoadCompose()));

    [Fact]
    public void Neo4j_data_is_on_a_declared_named_volume() => Holds(ComposeRules.Neo4jDataVolume(LoadCompose()));

    [Fact]
    public void Neo4j_password_comes_from_the_environment() => Holds(ComposeRules.Neo4jAuth(LoadCompose()));

    [Fact]
    public void Api_is_built_from_the_dockerfile() => Holds(ComposeRules.ApiBuiltFromDockerfile(LoadCompose()));

    [Fact]
    public void Api_waits_for_a_healthy_neo4j() => Holds(ComposeRules.ApiDependsOnHealthyNeo4j(LoadCompose()));

    [Fact]
    public void Api_sets_only_settings_the_api_reads() => Holds(ComposeRules.ApiEnvironmentIsRead(LoadCompose()));

    [Fact]
    public void Api_listens_on_the_published_and_exposed_port() => Holds(ComposeRules.ApiPortsAgree(LoadCompose(), LoadDockerfile()));

    [Fact]
    public void Api_reaches_neo4j_by_service_name_on_its_container_http_port() => Holds(ComposeRules.ApiReachesNeo4jService(LoadCompose()));

    [Fact]
    public void Api_logs_in_with_the_credentials_neo4j_is_given() => Holds(ComposeRules.ApiCredentialsMatchNeo4j(LoadCompose()));

    [Fact]
    public void A_second_api_replica_runs_the_first_ones_image_after_it_is_ready_without_seeding_on_another_host_port() => Holds(ComposeRules.ApiReplicaMatchesApi(LoadCompose()));

    [Fact]
    public void Api_is_healthy_when_ready() => Holds(ComposeRules.ApiHealthcheck(LoadCompose()));

    [Fact]
    public void Env_example_has_every_variable_the_compose_file_uses()
    {
        var composeText = Read(ComposeFile);
        var variables = InterpolatedVariables(composeText);
        Assert.Contains("NEO4J_PASSWORD", variables);
        Assert.Contains("API_KEY", variables);
        Holds(ComposeRules.EnvExampleHasEveryVariable(composeText, Read(EnvExampleFile)));
    }

    [Fact]
    public void The_options_classes_the_rules_rely_on_are_found()
    {
        var sections = ComposeRules.OptionsSections();
        Assert.Equal(typeof(DiplomacyGraph.Storage.Neo4j.Neo4jOptions), sections[DiplomacyGraph.Storage.Neo4j.Neo4jOptions.Section]);
        Assert.Equal(typeof(DiplomacyGraph.Api.Infrastructure.AuthOptions), sections[DiplomacyGraph.Api.Infrastructure.AuthOptions.Section]);
    }

    public static TheoryData<string> Breakages => new(BrokenComposeFiles.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_compose_file_is_rejected(string breakage)
    {
        var (rule, breakIt) = BrokenComposeFiles[breakage];
        var compose = LoadCompose();
        Assert.Empty(rule(compose)); // the real file passes the rule ...
        breakIt(compose);
        Assert.NotEmpty(rule(compose)); // ... and the broken one does not.
    }

    [Fact]
    public void An_env_example_missing_a_variable_is_rejected()
    {
        var composeText = Read(ComposeFile);
        var withoutApiKey = string.Join('\n', Read(EnvExampleFile).Split('\n').Where(l => !l.StartsWith("API_KEY=", StringComparison.Ordinal)));
        Assert.NotEmpty(ComposeRules.EnvExampleHasEveryVariable(composeText, withoutApiKey));
    }

    private static void Holds(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, string.Join(System.Environment.NewLine, list));
    }

    private static IEnumerable<string> Ports(YamlMappingNode compose) => ComposeRules.ApiPortsAgree(compose, LoadDockerfile());

    private static readonly Dictionary<string, (Func<YamlMappingNode, IEnumerable<string>> Rule, Action<YamlMappingNode> Break)> BrokenComposeFiles = new()
    {
        ["image neo4j:4.4"] = (ComposeRules.Neo4jImage, c => Neo4j(c).Children[Key("image")] = new YamlScalarNode("neo4j:4.4")),
        ["image neo4j:latest"] = (ComposeRules.Neo4jImage, c => Neo4j(c).Children[Key("image")] = new YamlScalarNode("neo4j:latest")),
        ["healthcheck with curl"] = (ComposeRules.Neo4jHealthcheck, c => Health(c).Children[Key("test")] = Sequence("CMD-SHELL", "curl -f http://localhost:7474/ || exit 1")),
        ["healthcheck on bolt port"] = (ComposeRules.Neo4jHealthcheck, c => Health(c).Children[Key("test")] = Sequence("CMD-SHELL", "wget -q --spider http://localhost:7687/ || exit 1")),
        ["healthcheck without start_period"] = (ComposeRules.Neo4jHealthcheck, c => Health(c).Children.Remove(Key("start_period"))),
        ["healthcheck without retries"] = (ComposeRules.Neo4jHealthcheck, c => Health(c).Children.Remove(Key("retries"))),
        ["no healthcheck"] = (ComposeRules.Neo4jHealthcheck, c => Neo4j(c).Children.Remove(Key("healthcheck"))),
        ["data on a bind mount"] = (ComposeRules.Neo4jDataVolume, c => Neo4j(c).Children[Key("volumes")] = Sequence("./neo4j-data:/data")),
        ["data volume not declared"] = (ComposeRules.Neo4jDataVolume, c => c.Children.Remove(Key("volumes"))),
        ["no data volume"] = (ComposeRules.Neo4jDataVolume, c => Neo4j(c).Children.Remove(Key("volumes"))),
        ["auth with a literal password"] = (ComposeRules.Neo4jAuth, c => SetEnvironment(Neo4j(c), "NEO4J_AUTH", "neo4j/secret-password")),
        ["auth with a default password"] = (ComposeRules.Neo4jAuth, c => SetEnvironment(Neo4j(c), "NEO4J_AUTH", "neo4j/${NEO4J_PASSWORD:-changeme1}")),
        ["auth turned off"] = (ComposeRules.Neo4jAuth, c => SetEnvironment(Neo4j(c), "NEO4J_AUTH", "none")),
        ["api from an image"] = (ComposeRules.ApiBuiltFromDockerfile, c => Api(c).Children.Remove(Key("build"))),
        ["api built from src"] = (ComposeRules.ApiBuiltFromDockerfile, c => Api(c).Children[Key("build")] = new YamlScalarNode("./src")),
        ["depends_on service_started"] = (ComposeRules.ApiDependsOnHealthyNeo4j, c => Api(c).Children[Key("depends_on")] =
            new YamlMappingNode(Key("neo4j"), new YamlMappingNode(Key("condition"), new YamlScalarNode("service_started")))),
        ["depends_on short form"] = (ComposeRules.ApiDependsOnHealthyNeo4j, c => Api(c).Children[Key("depends_on")] = Sequence("neo4j")),
        ["env of an unknown section"] = (ComposeRules.ApiEnvironmentIsRead, c => SetEnvironment(Api(c), "Database__Uri", "http://neo4j:7474")),
        ["env of an unknown property"] = (ComposeRules.ApiEnvironmentIsRead, c => SetEnvironment(Api(c), "Neo4j__Url", "http://neo4j:7474")),
        ["env with single underscores"] = (ComposeRules.ApiEnvironmentIsRead, c => SetEnvironment(Api(c), "NEO4J_URI", "http://neo4j:7474")),
        ["env of a list without index"] = (ComposeRules.ApiEnvironmentIsRead, c => SetEnvironment(Api(c), "Auth__ApiKeys", "key")),
        ["env of a value with an index"] = (ComposeRules.ApiEnvironmentIsRead, c => SetEnvironment(Api(c), "Neo4j__User__0", "neo4j")),
        ["env of another framework setting"] = (ComposeRules.ApiEnvironmentIsRead, c => SetEnvironment(Api(c), "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true")),
        ["listens on another port"] = (Ports, c => SetEnvironment(Api(c), "ASPNETCORE_HTTP_PORTS", "5000")),
        ["urls on another port"] = (Ports, c => SetEnvironment(Api(c), "ASPNETCORE_URLS", "http://+:5000")),
        ["publishes another container port"] = (Ports, c => Api(c).Children[Key("ports")] = Sequence("8080:5000")),
        ["publishes nothing"] = (Ports, c => Api(c).Children.Remove(Key("ports"))),
        ["uri on localhost"] = (ComposeRules.ApiReachesNeo4jService, c => SetEnvironment(Api(c), "Neo4j__Uri", "http://localhost:7474")),
        ["uri on the bolt port"] = (ComposeRules.ApiReachesNeo4jService, c => SetEnvironment(Api(c), "Neo4j__Uri", "http://neo4j:7687")),
        ["uri with the bolt scheme"] = (ComposeRules.ApiReachesNeo4jService, c => SetEnvironment(Api(c), "Neo4j__Uri", "bolt://neo4j:7474")),
        ["another user"] = (ComposeRules.ApiCredentialsMatchNeo4j, c => SetEnvironment(Api(c), "Neo4j__User", "admin")),
        ["no replica"] = (ComposeRules.ApiReplicaMatchesApi, c => Mapping(c, "services")!.Children.Remove(Key(ComposeRules.ApiReplicaService))),
        ["replica on another neo4j"] = (ComposeRules.ApiReplicaMatchesApi, c => SetEnvironment(Replica(c), "Neo4j__Uri", "http://other:7474")),
        ["replica on the same host port"] = (ComposeRules.ApiReplicaMatchesApi, c => Replica(c).Children[Key("ports")] = Sequence("8080:8080")),
        ["replica builds its own image"] = (ComposeRules.ApiReplicaMatchesApi, c => Replica(c).Children[Key("build")] = new YamlScalarNode(".")),
        ["replica on another image"] = (ComposeRules.ApiReplicaMatchesApi, c => Replica(c).Children[Key("image")] = new YamlScalarNode("diplomacygraph-api:other")),
        ["replica pulls its image"] = (ComposeRules.ApiReplicaMatchesApi, c => Replica(c).Children.Remove(Key("pull_policy"))),
        ["replica seeds too"] = (ComposeRules.ApiReplicaMatchesApi, c => ((YamlMappingNode)Replica(c).Children[Key("environment")]).Children.Remove(Key("Seed__Enabled"))),
        ["replica does not wait for api"] = (ComposeRules.ApiReplicaMatchesApi, c => ((YamlMappingNode)Replica(c).Children[Key("depends_on")]).Children.Remove(Key(ComposeRules.ApiService))),
        ["replica without healthcheck"] = (ComposeRules.ApiReplicaMatchesApi, c => Replica(c).Children.Remove(Key("healthcheck"))),
        ["api without healthcheck"] = (ComposeRules.ApiHealthcheck, c => Api(c).Children.Remove(Key("healthcheck"))),
        ["api healthcheck on /health/live"] = (ComposeRules.ApiHealthcheck, c => ApiHealth(c).Children[Key("test")] = Sequence("CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.1\\r\\n\\r\\n' >&3")),
        ["api healthcheck with curl"] = (ComposeRules.ApiHealthcheck, c => ApiHealth(c).Children[Key("test")] = Sequence("CMD-SHELL", "curl -f http://localhost:8080/health/ready")),
        ["api healthcheck on another port"] = (ComposeRules.ApiHealthcheck, c => ApiHealth(c).Children[Key("test")] = Sequence("CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/5000 && printf 'GET /health/ready HTTP/1.1\\r\\n\\r\\n' >&3")),
        ["a literal password"] = (ComposeRules.ApiCredentialsMatchNeo4j, c => SetEnvironment(Api(c), "Neo4j__Password", "hunter2hunter2")),
    };

    private static YamlScalarNode Key(string name) => new(name);

    private static YamlSequenceNode Sequence(params string[] items) => new(items.Select(i => new YamlScalarNode(i)));

    private static YamlMappingNode Neo4j(YamlMappingNode compose) => Service(compose, ComposeRules.Neo4jService)!;

    private static YamlMappingNode Api(YamlMappingNode compose) => Service(compose, ComposeRules.ApiService)!;

    private static YamlMappingNode Replica(YamlMappingNode compose) => Service(compose, ComposeRules.ApiReplicaService)!;

    private static YamlMappingNode Health(YamlMappingNode compose) => Mapping(Neo4j(compose), "healthcheck")!;

    private static YamlMappingNode ApiHealth(YamlMappingNode compose) => Mapping(Api(compose), "healthcheck")!;
}

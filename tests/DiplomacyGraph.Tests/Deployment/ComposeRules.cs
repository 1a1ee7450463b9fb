using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using DiplomacyGraph.Storage.Neo4j;
using YamlDotNet.RepresentationModel;
using static DiplomacyGraph.Tests.Deployment.DeploymentFiles;

namespace DiplomacyGraph.Tests.Deployment;

/// <summary>
/// What docker-compose.yml must say, as rules that each return the problems they find (none: the rule holds).
/// They take the parsed file, so the tests can also feed them a broken copy and see them object.
/// </summary>
public static partial class ComposeRules
{
    public const string Neo4jService = "neo4j";
    public const string ApiService = "api";

    /// <summary>The second API replica: the same image and settings as <see cref="ApiService"/>, on another host port.</summary>
    public const string ApiReplicaService = "api-2";

    /// <summary>The Neo4j container's HTTP port, which the API talks to (the image's default).</summary>
    public const int Neo4jHttpPort = 7474;

    /// <summary>The ASP.NET Core settings a container may set: where to listen, and the environment name.</summary>
    public static readonly IReadOnlySet<string> FrameworkVariables =
        new HashSet<string>(["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT"], StringComparer.Ordinal);

    /// <summary>neo4j:5, or a 5.x tag of the default (Debian, community) variant, which has wget for the healthcheck.</summary>
    public static IEnumerable<string> Neo4jImage(YamlMappingNode compose)
    {
        var image = Scalar(Service(compose, Neo4jService), "image");
        if (image is null || !Neo4jFiveImage().IsMatch(image))
        {
            yield return $"services.{Neo4jService}.image must be neo4j:5 or a 5.x tag such as neo4j:5.26, not '{image}'.";
        }
    }

    public static IEnumerable<string> Neo4jHealthcheck(YamlMappingNode compose)
    {
        var healthcheck = Mapping(Service(compose, Neo4jService), "healthcheck");
        if (healthcheck is null)
        {
            yield return $"services.{Neo4jService} has no healthcheck.";
            yield break;
        }
        var command = Child(healthcheck, "test") switch
        {
            YamlScalarNode s => s.Value ?? "",
            YamlSequenceNode list when list.Children.Count > 1 && list.Children[0] is YamlScalarNode { Value: "CMD" or "CMD-SHELL" }
                => string.Join(' ', list.Children.Skip(1).OfType<YamlScalarNode>().Select(s => s.Value)),
            _ => "",
        };
        if (!command.Contains("wget", StringComparison.Ordinal) || command.Contains("curl", StringComparison.Ordinal))
        {
            yield return $"The {Neo4jService} healthcheck must use wget (the image has no curl): '{command}'.";
        }
        if (!Regex.IsMatch(command, $@"https?://(localhost|127\.0\.0\.1):{Neo4jHttpPort}(/|\s|$)"))
        {
            yield return $"The {Neo4jService} healthcheck must probe the HTTP port inside the container, http://localhost:{Neo4jHttpPort}/: '{command}'.";
        }
        if (Scalar(healthcheck, "disable") == "true")
        {
            yield return $"The {Neo4jService} healthcheck is disabled.";
        }
        foreach (var setting in new[] { "interval", "timeout", "retries", "start_period" })
        {
            if (string.IsNullOrWhiteSpace(Scalar(healthcheck, setting)))
            {
                yield return $"The {Neo4jService} healthcheck has no {setting}.";
            }
        }
    }

    /// <summary>/data on a named volume, declared under the top-level <c>volumes</c>, so the graph outlives the container.</summary>
    public static IEnumerable<string> Neo4jDataVolume(YamlMappingNode compose)
    {
        var mounts = Child(Service(compose, Neo4jService), "volumes") as YamlSequenceNode;
        var source = mounts?.Children.Select(m => m switch
        {
            YamlScalarNode s when (s.Value ?? "").Split(':') is [var from, "/data", ..] => from,
            YamlMappingNode l when Scalar(l, "target") == "/data" && Scalar(l, "type") is null or "volume" => Scalar(l, "source"),
            _ => null,
        }).FirstOrDefault(s => s is not null);
        if (source is null)
        {
            yield return $"services.{Neo4jService} mounts nothing at /data.";
            yield break;
        }
        if (source.StartsWith('.') || source.StartsWith('/') || source.StartsWith('~') || source.Contains('/', StringComparison.Ordinal))
        {
            yield return $"/data of {Neo4jService} is a bind mount ('{source}'), not a named volume.";
        }
        else if (Mapping(compose, "volumes")?.Children.ContainsKey(new YamlScalarNode(source)) != true)
        {
            yield return $"The volume '{source}' mounted at /data is not declared under the top-level volumes.";
        }
    }

    /// <summary>NEO4J_AUTH=neo4j/${NEO4J_PASSWORD:?...}: the password comes from the environment, and compose stops without it.</summary>
    public static IEnumerable<string> Neo4jAuth(YamlMappingNode compose)
    {
        Environment(Service(compose, Neo4jService)).TryGetValue("NEO4J_AUTH", out var auth);
        var match = AuthFromPassword().Match(auth ?? "");
        if (!match.Success)
        {
            yield return $"NEO4J_AUTH of {Neo4jService} must be neo4j/${{NEO4J_PASSWORD:?message}}, not '{auth}'.";
        }
    }

    public static IEnumerable<string> ApiBuiltFromDockerfile(YamlMappingNode compose)
    {
        var api = Service(compose, ApiService);
        var (context, dockerfile) = Child(api, "build") switch
        {
            YamlScalarNode s => (s.Value, Dockerfile),
            YamlMappingNode m => (Scalar(m, "context"), Scalar(m, "dockerfile") ?? Dockerfile),
            _ => (null, null),
        };
        if (context is null || dockerfile is null)
        {
            yield return $"services.{ApiService} is not built (no build:).";
        }
        else if (Path.GetFullPath(Path.Combine(Root, context)) != Root.TrimEnd(Path.DirectorySeparatorChar)
                 || !File.Exists(Path.Combine(Root, context, dockerfile)))
        {
            yield return $"services.{ApiService} must be built from the repository root with its Dockerfile, not context '{context}', dockerfile '{dockerfile}'.";
        }
    }

    public static IEnumerable<string> ApiDependsOnHealthyNeo4j(YamlMappingNode compose)
    {
        var condition = Scalar(Mapping(Mapping(Service(compose, ApiService), "depends_on"), Neo4jService), "condition");
        if (condition != "service_healthy")
        {
            yield return $"services.{ApiService}.depends_on.{Neo4jService}.condition must be service_healthy, not '{condition}'.";
        }
    }

    /// <summary>
    /// Every variable the api service sets is a setting the API reads: <c>Section__Property</c> of an options class
    /// of the API or storage assembly that declares <c>const string Section</c> (a collection property takes an index,
    /// <c>Auth__ApiKeys__0</c>), or one of <see cref="FrameworkVariables"/>.
    /// </summary>
    public static IEnumerable<string> ApiEnvironmentIsRead(YamlMappingNode compose)
    {
        var sections = OptionsSections();
        foreach (var name in Environment(Service(compose, ApiService)).Keys)
        {
            if (name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name.StartsWith("DOTNET_", StringComparison.Ordinal))
            {
                if (!FrameworkVariables.Contains(name))
                {
                    yield return $"{name}: only {string.Join(", ", FrameworkVariables.Order(StringComparer.Ordinal))} of the framework settings may be set.";
                }
                continue;
            }
            var parts = name.Split("__");
            if (parts.Length < 2 || !sections.TryGetValue(parts[0], out var options))
            {
                yield return $"{name}: no options class has Section \"{parts[0]}\" ({string.Join(", ", sections.Keys.Order(StringComparer.Ordinal))}), so the API never reads it.";
                continue;
            }
            var property = options.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                yield return $"{name}: {options.FullName} has no public property {parts[1]}.";
                continue;
            }
            var isCollection = property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType);
            var indexed = parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _);
            if (parts.Length > 3 || (parts.Length == 3 && !(isCollection && indexed)) || (parts.Length == 2 && isCollection))
            {
                yield return $"{name}: {options.Name}.{property.Name} is {(isCollection ? "a collection, set by index (__0)" : "a single value, set without an index")}.";
            }
            else if (property.SetMethod is not { IsPublic: true } && !isCollection)
            {
                yield return $"{name}: {options.Name}.{property.Name} has no public setter, so binding ignores it.";
            }
        }
    }

    /// <summary>The port the API listens on is the container side of a published port and the Dockerfile's EXPOSE, and nothing else is.</summary>
    public static IEnumerable<string> ApiPortsAgree(YamlMappingNode compose, IReadOnlyList<DockerInstruction> dockerfile)
    {
        var api = Service(compose, ApiService);
        var environment = Environment(api);
        var listening = new HashSet<int>();
        if (environment.TryGetValue("ASPNETCORE_URLS", out var urls) && !string.IsNullOrWhiteSpace(urls))
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Uri.TryCreate(url.Replace("://+", "://any", StringComparison.Ordinal).Replace("://*", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri))
                {
                    listening.Add(uri.Port);
                }
                else
                {
                    yield return $"ASPNETCORE_URLS holds '{url}', which is not a URL.";
                }
            }
        }
        else if (environment.TryGetValue("ASPNETCORE_HTTP_PORTS", out var ports) && !string.IsNullOrWhiteSpace(ports))
        {
            foreach (var port in ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) listening.Add(number);
                else yield return $"ASPNETCORE_HTTP_PORTS holds '{port}', which is not a port.";
            }
        }
        if (listening.Count == 0)
        {
            yield return $"services.{ApiService} sets neither ASPNETCORE_HTTP_PORTS nor ASPNETCORE_URLS, so its port is implicit.";
            yield break;
        }

        var published = PublishedContainerPorts(api).ToHashSet();
        var finalStage = dockerfile.Count == 0 ? -1 : dockerfile.Max(i => i.Stage);
        var exposed = dockerfile.Where(i => i.Keyword == "EXPOSE" && i.Stage == finalStage)
            .SelectMany(i => i.Words())
            .Select(w => int.TryParse(w.Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1)
            .ToHashSet();
        var listed = string.Join(", ", listening.Order());
        if (!published.SetEquals(listening))
        {
            yield return $"services.{ApiService} listens on {listed} but publishes container port(s) {string.Join(", ", published.Order())}.";
        }
        if (!exposed.SetEquals(listening))
        {
            yield return $"services.{ApiService} listens on {listed} but the Dockerfile's final stage EXPOSEs {string.Join(", ", exposed.Order())}.";
        }
    }

    /// <summary>
    /// The second replica runs the image the first builds (one build, never pulled), starts once the first is ready,
    /// is configured like it but for seeding (only the first seeds the shared store), has the same healthcheck, and
    /// publishes the same container port on another host port.
    /// </summary>
    public static IEnumerable<string> ApiReplicaMatchesApi(YamlMappingNode compose)
    {
        var api = Service(compose, ApiService);
        var replica = Service(compose, ApiReplicaService);
        if (replica is null)
        {
            yield return $"There is no services.{ApiReplicaService}, the second API replica.";
            yield break;
        }
        var image = Scalar(api, "image");
        if (image is null) yield return $"services.{ApiService} must name the image it builds (image:), so that {ApiReplicaService} can run it.";
        if (Child(replica, "build") is not null) yield return $"services.{ApiReplicaService} builds an image of its own; it must run the one {ApiService} builds.";
        if (Scalar(replica, "image") != image) yield return $"services.{ApiReplicaService}.image must be {ApiService}'s image '{image}', not '{Scalar(replica, "image")}'.";
        if (Scalar(replica, "pull_policy") != "never") yield return $"services.{ApiReplicaService}.pull_policy must be never: its image is built here, not pulled.";
        foreach (var key in new[] { "restart", "healthcheck" })
        {
            if (Canonical(Child(api, key)) != Canonical(Child(replica, key)))
            {
                yield return $"services.{ApiReplicaService}.{key} differs from services.{ApiService}.{key}; replicas must be configured alike.";
            }
        }
        var (first, second) = (Environment(api), Environment(replica));
        var seeding = $"{SeedOptionsSection}__Enabled";
        if (!second.TryGetValue(seeding, out var seeds) || seeds != "false")
        {
            yield return $"services.{ApiReplicaService} must set {seeding}: \"false\": only {ApiService} seeds the shared store.";
        }
        if (first.TryGetValue(seeding, out var firstSeeds) && firstSeeds == "false")
        {
            yield return $"services.{ApiService} sets {seeding} to false, so no replica seeds the store.";
        }
        foreach (var name in first.Keys.Union(second.Keys).Where(n => n != seeding).Order(StringComparer.Ordinal))
        {
            if (first.GetValueOrDefault(name) != second.GetValueOrDefault(name))
            {
                yield return $"services.{ApiReplicaService} sets {name} differently from services.{ApiService}; replicas must be configured alike.";
            }
        }
        var dependsOn = Mapping(replica, "depends_on");
        foreach (var service in new[] { Neo4jService, ApiService })
        {
            if (Scalar(Mapping(dependsOn, service), "condition") != "service_healthy")
            {
                yield return $"services.{ApiReplicaService}.depends_on.{service}.condition must be service_healthy: it starts on a ready store, seeded by {ApiService}.";
            }
        }
        if (!PublishedContainerPorts(replica).SequenceEqual(PublishedContainerPorts(api)))
        {
            yield return $"services.{ApiReplicaService} must publish the same container port(s) as services.{ApiService}.";
        }
        var hostPorts = new[] { api, replica }.SelectMany(s => (Child(s, "ports") as YamlSequenceNode)?.Children ?? [])
            .Select(p => ((p as YamlScalarNode)?.Value ?? "").Split(':')[0]).ToList();
        if (hostPorts.Distinct(StringComparer.Ordinal).Count() != hostPorts.Count)
        {
            yield return $"services.{ApiReplicaService} and services.{ApiService} publish the same host port.";
        }
    }

    /// <summary>
    /// The API service is healthy when it is ready (/health/ready: the store answers, the seed is loaded), probed on the
    /// port it listens on inside the container, with every timing set.
    /// </summary>
    public static IEnumerable<string> ApiHealthcheck(YamlMappingNode compose)
    {
        var api = Service(compose, ApiService);
        var healthcheck = Mapping(api, "healthcheck");
        if (healthcheck is null || Scalar(healthcheck, "disable") == "true")
        {
            yield return $"services.{ApiService} has no healthcheck.";
            yield break;
        }
        var command = Child(healthcheck, "test") is YamlSequenceNode list && list.Children.Count > 1
            ? string.Join(' ', list.Children.Skip(1).OfType<YamlScalarNode>().Select(s => s.Value))
            : (Child(healthcheck, "test") as YamlScalarNode)?.Value ?? "";
        Environment(api).TryGetValue("ASPNETCORE_HTTP_PORTS", out var port);
        if (!command.Contains("/health/ready", StringComparison.Ordinal))
        {
            yield return $"The {ApiService} healthcheck must probe /health/ready: '{command}'.";
        }
        if (port is null || !Regex.IsMatch(command, $@"(localhost|127\.0\.0\.1)[:/]{Regex.Escape(port)}\b"))
        {
            yield return $"The {ApiService} healthcheck must probe the port the API listens on inside the container ({port}): '{command}'.";
        }
        if (Regex.IsMatch(command, @"\b(curl|wget)\b"))
        {
            yield return $"The {ApiService} healthcheck uses curl or wget, which the aspnet image does not have: '{command}'.";
        }
        foreach (var setting in new[] { "interval", "timeout", "retries", "start_period" })
        {
            if (string.IsNullOrWhiteSpace(Scalar(healthcheck, setting))) yield return $"The {ApiService} healthcheck has no {setting}.";
        }
    }

    private const string SeedOptionsSection = DiplomacyGraph.Api.Import.SeedOptions.Section;

    private static string Canonical(YamlNode? node) => node switch
    {
        null => "",
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode list => "[" + string.Join(",", list.Children.Select(Canonical)) + "]",
        YamlMappingNode map => "{" + string.Join(",", map.Children.Select(c => Canonical(c.Key) + ":" + Canonical(c.Value)).Order(StringComparer.Ordinal)) + "}",
        _ => node.ToString(),
    };

    /// <summary>Neo4j__Uri reaches the neo4j service by its name on its container HTTP port, whatever the host publishes.</summary>
    public static IEnumerable<string> ApiReachesNeo4jService(YamlMappingNode compose)
    {
        Environment(Service(compose, ApiService)).TryGetValue($"{Neo4jOptions.Section}__{nameof(Neo4jOptions.Uri)}", out var value);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
            || uri.Host != Neo4jService || uri.Port != Neo4jHttpPort || Service(compose, uri.Host) is null)
        {
            yield return $"Neo4j__Uri must be http://{Neo4jService}:{Neo4jHttpPort} (the service name and its container HTTP port), not '{value}'.";
        }
    }

    /// <summary>The API logs in as the user NEO4J_AUTH creates, with the password from the same variable.</summary>
    public static IEnumerable<string> ApiCredentialsMatchNeo4j(YamlMappingNode compose)
    {
        Environment(Service(compose, Neo4jService)).TryGetValue("NEO4J_AUTH", out var auth);
        var api = Environment(Service(compose, ApiService));
        api.TryGetValue($"{Neo4jOptions.Section}__{nameof(Neo4jOptions.User)}", out var user);
        api.TryGetValue($"{Neo4jOptions.Section}__{nameof(Neo4jOptions.Password)}", out var password);
        var match = AuthFromPassword().Match(auth ?? "");
        if (!match.Success) yield break; // Neo4jAuth reports it.
        if (user != match.Groups["user"].Value)
        {
            yield return $"Neo4j__User is '{user}' but NEO4J_AUTH creates the user '{match.Groups["user"].Value}'.";
        }
        var variable = match.Groups["variable"].Value;
        if (password is null || !Regex.IsMatch(password, $@"^\$\{{{variable}(:?\?[^}}]*)?\}}$"))
        {
            yield return $"Neo4j__Password must be ${{{variable}}}, the variable NEO4J_AUTH takes its password from, not '{password}'.";
        }
    }

    /// <summary>Every variable the compose file interpolates has a placeholder in .env.example.</summary>
    public static IEnumerable<string> EnvExampleHasEveryVariable(string composeText, string envExample)
    {
        var documented = envExample.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var variable in InterpolatedVariables(composeText).Order(StringComparer.Ordinal))
        {
            if (!documented.Contains(variable))
            {
                yield return $"{ComposeFile} uses ${{{variable}}} but {EnvExampleFile} has no {variable}= line.";
            }
        }
    }

    /// <summary>The configuration sections the API binds, by name: each class of the API or storage assembly with <c>const string Section</c>.</summary>
    public static IReadOnlyDictionary<string, Type> OptionsSections() =>
        new[] { typeof(Program).Assembly, typeof(Neo4jOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^neo4j:5(\.\d+){0,2}(-community)?$")]
    private static partial Regex Neo4jFiveImage();

    [GeneratedRegex(@"^(?<user>neo4j)/\$\{(?<variable>NEO4J_PASSWORD):\?[^}]+\}$")]
    private static partial Regex AuthFromPassword();
}

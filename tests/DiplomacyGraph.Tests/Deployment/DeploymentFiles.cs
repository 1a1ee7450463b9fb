using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DiplomacyGraph.Tests.Deployment;

/// <summary>
/// The deployment files at the repository root (docker-compose.yml, Dockerfile, .dockerignore, .env.example),
/// read and parsed without Docker: the compose file as YAML, the Dockerfile into its instructions.
/// </summary>
public static class DeploymentFiles
{
    public const string ComposeFile = "docker-compose.yml";
    public const string Dockerfile = "Dockerfile";
    public const string DockerIgnoreFile = ".dockerignore";
    public const string EnvExampleFile = ".env.example";

    private static readonly Lazy<string> RootFolder = new(FindRoot);

    /// <summary>The folder holding DiplomacyGraph.sln, found by walking up from the test output folder.</summary>
    public static string Root => RootFolder.Value;

    public static string Read(string file)
    {
        var path = Path.Combine(Root, file);
        Assert.True(File.Exists(path), $"{file} is missing from the repository root ({Root}).");
        return File.ReadAllText(path);
    }

    /// <summary>Parses a compose file; fails the test if it is not one YAML document whose root is a mapping.</summary>
    public static YamlMappingNode ParseCompose(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Assert.True(stream.Documents.Count == 1, $"{ComposeFile} must hold exactly one YAML document, not {stream.Documents.Count}.");
        return Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }

    public static YamlMappingNode LoadCompose() => ParseCompose(Read(ComposeFile));

    public static IReadOnlyList<DockerInstruction> LoadDockerfile() => ParseDockerfile(Read(Dockerfile));

    /// <summary>The child mapping at <paramref name="key"/>, or null when it is absent or not a mapping.</summary>
    public static YamlMappingNode? Mapping(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    public static YamlNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string? Scalar(YamlMappingNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    public static YamlMappingNode? Service(YamlMappingNode compose, string name) => Mapping(Mapping(compose, "services"), name);

    /// <summary>
    /// A service's <c>environment</c>, in either compose form: a mapping (<c>KEY: value</c>) or a list
    /// (<c>- KEY=value</c>). A variable without a value (passed through from the host) maps to null.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Environment(YamlMappingNode? service)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        switch (Child(service, "environment"))
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    result[((YamlScalarNode)key).Value ?? ""] = (value as YamlScalarNode)?.Value;
                }
                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children.OfType<YamlScalarNode>())
                {
                    var text = item.Value ?? "";
                    var equals = text.IndexOf('=', StringComparison.Ordinal);
                    result[equals < 0 ? text : text[..equals]] = equals < 0 ? null : text[(equals + 1)..];
                }
                break;
        }
        return result;
    }

    /// <summary>Sets (or adds) one environment variable of a service, keeping the form the file uses.</summary>
    public static void SetEnvironment(YamlMappingNode service, string key, string value)
    {
        switch (Child(service, "environment"))
        {
            case YamlMappingNode map:
                map.Children[new YamlScalarNode(key)] = new YamlScalarNode(value);
                break;
            case YamlSequenceNode list:
                var index = list.Children.ToList().FindIndex(n => n is YamlScalarNode s && (s.Value ?? "").StartsWith(key + "=", StringComparison.Ordinal));
                if (index >= 0) list.Children[index] = new YamlScalarNode($"{key}={value}");
                else list.Children.Add(new YamlScalarNode($"{key}={value}"));
                break;
            default:
                service.Children[new YamlScalarNode("environment")] = new YamlMappingNode(new YamlScalarNode(key), new YamlScalarNode(value));
                break;
        }
    }

    /// <summary>
    /// The container side of each port a service publishes, from the short syntax
    /// (<c>"8080"</c>, <c>"8080:8080"</c>, <c>"127.0.0.1:8080:8080/tcp"</c>) or the long one (<c>target:</c>).
    /// A range or an unreadable entry yields no port.
    /// </summary>
    public static IReadOnlyList<int> PublishedContainerPorts(YamlMappingNode? service)
    {
        var ports = new List<int>();
        if (Child(service, "ports") is not YamlSequenceNode list) return ports;
        foreach (var entry in list.Children)
        {
            var target = entry switch
            {
                YamlScalarNode s => (s.Value ?? "").Split('/')[0].Split(':')[^1],
                YamlMappingNode m => Scalar(m, "target"),
                _ => null,
            };
            if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var port)) ports.Add(port);
        }
        return ports;
    }

    /// <summary>
    /// A Dockerfile's instructions: comments and blank lines dropped, continuation lines joined, each
    /// instruction tagged with its build stage (0 for the first FROM, counting up).
    /// </summary>
    public static IReadOnlyList<DockerInstruction> ParseDockerfile(string text)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (pending.Length == 0 && (line.TrimStart().StartsWith('#') || string.IsNullOrWhiteSpace(line))) continue;
            if (pending.Length > 0 && line.TrimStart().StartsWith('#')) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var whole = (pending + line).Trim();
            pending = "";
            var space = whole.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? whole : whole[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : whole[(space + 1)..].Trim();
            if (keyword == "FROM") stage++;
            instructions.Add(new DockerInstruction(keyword, arguments, stage));
        }
        return instructions;
    }

    /// <summary>The <c>${NAME}</c> variables a compose file interpolates (<c>$${...}</c> is an escaped dollar, not a variable).</summary>
    public static IReadOnlySet<string> InterpolatedVariables(string composeText) =>
        Regex.Matches(composeText, @"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DiplomacyGraph.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No DiplomacyGraph.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>One Dockerfile instruction: its keyword (upper case), its arguments, and the build stage it belongs to.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, int Stage)
{
    /// <summary>
    /// The arguments as words: the JSON (exec) form's items, or the shell form split on white space,
    /// without <c>--flag</c> options (COPY --from=..., FROM --platform=...).
    /// </summary>
    public IReadOnlyList<string> Words(bool keepFlags = false)
    {
        IEnumerable<string> words;
        if (IsExecForm)
        {
            words = JsonSerializer.Deserialize<string[]>(Arguments) ?? [];
        }
        else
        {
            words = Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        }
        return keepFlags ? words.ToList() : words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
    }

    public bool IsExecForm => Arguments.StartsWith('[') && Arguments.EndsWith(']');

    public bool HasFlag(string prefix) => Words(keepFlags: true).Any(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}

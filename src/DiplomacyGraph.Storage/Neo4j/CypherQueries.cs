using System.Collections.Concurrent;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>
/// The Cypher of the Neo4j store: one embedded <c>.cypher</c> file per query (under <c>Neo4j/Queries/</c>).
/// The only text ever interpolated is a node label from <see cref="NodeLabel"/> (<c>{{label}}</c>) or a relationship
/// type from <see cref="RelationshipTypes"/> (<c>{{type}}</c>); everything else travels as <c>$parameters</c>.
/// </summary>
internal static class CypherQueries
{
    private const string Prefix = "DiplomacyGraph.Storage.Neo4j.Queries.";
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
    // Each text this class produced, to the file it came from: telemetry names a request after its files. Bounded by
    // the files times the labels and relationship types of the allow-lists.
    private static readonly ConcurrentDictionary<string, string> FileNames = new(StringComparer.Ordinal);

    /// <summary>The text of <c>Queries/{name}.cypher</c>; <paramref name="name"/> may include a folder, e.g. <c>Schema3x/NodeIdConstraint</c>.</summary>
    public static string Get(string name) => Cache.GetOrAdd(name, static name =>
    {
        var resource = Prefix + name.Replace('\\', '/') + ".cypher";
        using var stream = typeof(CypherQueries).Assembly.GetManifestResourceStream(resource)
            ?? FindIgnoringFolderSeparator(resource)
            ?? throw new InvalidOperationException($"The Cypher query '{name}' is not embedded ({resource}).");
        using var reader = new StreamReader(stream);
        return Named(reader.ReadToEnd(), name);
    });

    public static string WithLabel(string name, NodeLabel label) =>
        Named(Get(name).Replace("{{label}}", NodeKinds.Of(label).CypherLabel, StringComparison.Ordinal), name);

    public static string WithType(string name, string type) =>
        RelationshipTypes.IsKnown(type)
            ? Named(Get(name).Replace("{{type}}", RelationshipTypes.ByType[type].Type, StringComparison.Ordinal), name)
            : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a relationship type of the allow-list.");

    /// <summary>The file a statement's text came from, e.g. <c>Neighbours.cypher</c>; "cypher" for text from elsewhere.</summary>
    public static string NameOf(string text) => FileNames.TryGetValue(text, out var name) ? name : "cypher";

    private static string Named(string text, string name)
    {
        FileNames.TryAdd(text, name + ".cypher");
        return text;
    }

    // %(RecursiveDir) puts the OS folder separator into the logical name ("Schema/…" here, "Schema\\…" on Windows).
    private static Stream? FindIgnoringFolderSeparator(string resource)
    {
        var assembly = typeof(CypherQueries).Assembly;
        var match = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.Replace('\\', '/').Equals(resource, StringComparison.Ordinal));
        return match is null ? null : assembly.GetManifestResourceStream(match);
    }
}

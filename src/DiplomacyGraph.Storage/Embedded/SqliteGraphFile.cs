using System.Text.Json;
using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;
using Microsoft.Data.Sqlite;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// The durable half of the embedded store: nodes and edges as JSON rows in a SQLite database
/// (WAL journal, synchronous FULL), so a write that returned has reached the disk.
/// </summary>
internal sealed class SqliteGraphFile
{
    private readonly string connectionString;

    public SqliteGraphFile(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var connection = Open();
        Execute(connection, null, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, body TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS edges (id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, body TEXT NOT NULL);
            """);
    }

    public (List<GraphNode> Nodes, List<GraphEdge> Edges) ReadAll()
    {
        using var connection = Open();
        var nodes = new List<GraphNode>();
        using (var command = new SqliteCommand("SELECT id, label, body FROM nodes", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var (properties, evidence) = ReadBody(reader.GetString(2));
                nodes.Add(new GraphNode(reader.GetString(0), Enum.Parse<NodeLabel>(reader.GetString(1)), properties, evidence));
            }
        }
        var edges = new List<GraphEdge>();
        using (var command = new SqliteCommand("SELECT type, source, target, body FROM edges", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var (properties, evidence) = ReadBody(reader.GetString(3));
                edges.Add(new GraphEdge(reader.GetString(0), reader.GetString(1), reader.GetString(2), properties, evidence));
            }
        }
        return (nodes, edges);
    }

    /// <summary>Upserts nodes and edges, and deletes ids, in one transaction.</summary>
    public void Write(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges, IEnumerable<string>? deletedNodes = null, IEnumerable<string>? deletedEdges = null)
    {
        using var telemetry = StoreTelemetry.StartQuery("sqlite", "write");
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var node in nodes)
        {
            Execute(connection, transaction, "INSERT INTO nodes (id, label, body) VALUES ($a, $b, $c) ON CONFLICT(id) DO UPDATE SET label = $b, body = $c",
                node.Id, node.Label.ToString(), WriteBody(node.Properties, node.Evidence));
        }
        foreach (var edge in edges)
        {
            Execute(connection, transaction, "INSERT INTO edges (id, type, source, target, body) VALUES ($a, $b, $c, $d, $e) ON CONFLICT(id) DO UPDATE SET body = $e",
                edge.Id, edge.Type, edge.From, edge.To, WriteBody(edge.Properties, edge.Evidence));
        }
        foreach (var id in deletedEdges ?? [])
        {
            Execute(connection, transaction, "DELETE FROM edges WHERE id = $a", id);
        }
        foreach (var id in deletedNodes ?? [])
        {
            Execute(connection, transaction, "DELETE FROM nodes WHERE id = $a", id);
        }
        transaction.Commit();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA synchronous = FULL;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object[] values)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        var names = new[] { "$a", "$b", "$c", "$d", "$e" };
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue(names[i], values[i]);
        }
        command.ExecuteNonQuery();
    }

    private sealed record Body(IReadOnlyDictionary<string, object?> Properties, IReadOnlyList<Evidence> Evidence);

    private static string WriteBody(IReadOnlyDictionary<string, object?> properties, IReadOnlyList<Evidence> evidence) =>
        JsonSerializer.Serialize(new Body(properties, evidence));

    private static (IReadOnlyDictionary<string, object?>, IReadOnlyList<Evidence>) ReadBody(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var evidence = root.GetProperty("Evidence").EnumerateArray()
            .Select(e => new Evidence(e.GetProperty("SourceId").GetString()!, e.GetProperty("Text").GetString()!)).ToArray();
        return (PropertyValues.FromJsonObject(root.GetProperty("Properties")), evidence);
    }
}

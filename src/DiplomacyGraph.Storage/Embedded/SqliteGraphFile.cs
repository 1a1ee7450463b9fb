using System.Buffers;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Storage.Idempotency;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Storage.Vocabulary;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// The durable half of the embedded store: nodes and edges as JSON rows in a SQLite database
/// (WAL journal, synchronous FULL), so a write that returned has reached the disk.
/// </summary>
internal sealed partial class SqliteGraphFile
{
    private readonly string connectionString;

    /// <summary>Opens (or creates) the file and brings its schema to this build's version (<see cref="EmbeddedMigrations"/>);
    /// a file newer than this build throws <see cref="StoreMisconfiguredException"/>, untouched.</summary>
    public SqliteGraphFile(string path, ILogger logger)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var connection = Open();
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        EmbeddedMigrations.Run(connection, path, logger);
    }

    /// <summary>Streams every node, then every edge, to the callbacks, without holding the whole file's rows in memory.</summary>
    public void ReadAll(Action<GraphNode> node, Action<GraphEdge> edge)
    {
        using var connection = Open();
        using (var command = new SqliteCommand("SELECT id, label, body FROM nodes", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var (properties, evidence, claims) = ReadBody(reader.GetString(2));
                node(new GraphNode(reader.GetString(0), Enum.Parse<NodeLabel>(reader.GetString(1)), properties, evidence) { Claims = claims });
            }
        }
        using (var command = new SqliteCommand("SELECT type, source, target, body FROM edges", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var (properties, evidence, claims) = ReadBody(reader.GetString(3));
                edge(new GraphEdge(reader.GetString(0), reader.GetString(1), reader.GetString(2), properties, evidence) { Claims = claims });
            }
        }
    }

    /// <summary>Every entity-resolution judgement.</summary>
    public IReadOnlyList<Judgement> ReadJudgements()
    {
        using var connection = Open();
        using var command = new SqliteCommand("SELECT body FROM judgements", connection);
        using var reader = command.ExecuteReader();
        var judgements = new List<Judgement>();
        while (reader.Read()) judgements.Add(JsonSerializer.Deserialize<Judgement>(reader.GetString(0))!);
        return judgements;
    }

    /// <summary>Upserts nodes and edges, and deletes ids, in one transaction; each statement is prepared once and reused for every row.
    /// A merge or its undo writes its judgement in the same transaction.</summary>
    public void Write(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges, IEnumerable<string>? deletedNodes = null, IEnumerable<string>? deletedEdges = null,
        IEnumerable<Judgement>? judgements = null, IEnumerable<string>? deletedJudgements = null)
    {
        using var telemetry = StoreTelemetry.StartQuery("sqlite", "write");
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using (var upsert = Prepare(connection, transaction, "INSERT INTO nodes (id, label, body) VALUES ($a, $b, $c) ON CONFLICT(id) DO UPDATE SET label = $b, body = $c", 3))
        {
            foreach (var node in nodes) Run(upsert, node.Id, node.Label.ToString(), WriteBody(node.Properties, node.Evidence, node.Claims));
        }
        using (var upsert = Prepare(connection, transaction, "INSERT INTO edges (id, type, source, target, body) VALUES ($a, $b, $c, $d, $e) ON CONFLICT(id) DO UPDATE SET body = $e", 5))
        {
            foreach (var edge in edges) Run(upsert, edge.Id, edge.Type, edge.From, edge.To, WriteBody(edge.Properties, edge.Evidence, edge.Claims));
        }
        using (var delete = Prepare(connection, transaction, "DELETE FROM edges WHERE id = $a", 1))
        {
            foreach (var id in deletedEdges ?? []) Run(delete, id);
        }
        using (var delete = Prepare(connection, transaction, "DELETE FROM nodes WHERE id = $a", 1))
        {
            foreach (var id in deletedNodes ?? []) Run(delete, id);
        }
        using (var upsert = Prepare(connection, transaction, "INSERT INTO judgements (pair, body) VALUES ($a, $b) ON CONFLICT(pair) DO UPDATE SET body = $b", 2))
        {
            foreach (var judgement in judgements ?? []) Run(upsert, judgement.Pair, JsonSerializer.Serialize(judgement));
        }
        using (var delete = Prepare(connection, transaction, "DELETE FROM judgements WHERE pair = $a", 1))
        {
            foreach (var pair in deletedJudgements ?? []) Run(delete, pair);
        }
        // The key guarding this write commits with it, so a crash before the answer leaves proof that it applied.
        var mark = IdempotentWrite.Current;
        if (mark is not null) MarkKey(connection, transaction, mark);
        transaction.Commit();
        mark?.MarkCommitted();
    }

    private static readonly string[] ParameterNames = ["$a", "$b", "$c", "$d", "$e"];

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter(ParameterNames[i], SqliteType.Text));
        return command;
    }

    private static void Run(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
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

    // Claims ride in the row of their fact: one row write keeps a fact, its evidence and its claims together.

    /// <summary>
    /// A row's body: <c>{"Properties":{…},"Evidence":[{"SourceId","Text","Origin"?}],"Claims":[{"SourceId","Values","Origin"?}]}</c>,
    /// as <see cref="JsonSerializer"/> wrote it from a record, written by hand because an import writes it for every node and
    /// relationship (reflection over <c>object</c> values cost about a third of the file's write time).
    /// </summary>
    internal static string WriteBody(IReadOnlyDictionary<string, object?> properties, IReadOnlyList<Evidence> evidence, IReadOnlyList<SourceClaims> claims)
    {
        var buffer = bodyBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("Properties");
            PropertyValues.Write(writer, properties);
            writer.WriteStartArray("Evidence");
            foreach (var item in evidence)
            {
                writer.WriteStartObject();
                writer.WriteString("SourceId", item.SourceId);
                writer.WriteString("Text", item.Text);
                if (item.Origin is { } origin) writer.WriteString("Origin", origin);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("Claims");
            foreach (var claim in claims)
            {
                writer.WriteStartObject();
                writer.WriteString("SourceId", claim.SourceId);
                writer.WritePropertyName("Values");
                PropertyValues.Write(writer, claim.Values);
                if (claim.Origin is { } origin) writer.WriteString("Origin", origin);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? bodyBuffer;

    internal static (IReadOnlyDictionary<string, object?>, IReadOnlyList<Evidence>, IReadOnlyList<SourceClaims>) ReadBody(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var evidence = root.GetProperty("Evidence").EnumerateArray()
            .Select(e => new Evidence(e.GetProperty("SourceId").GetString()!, e.GetProperty("Text").GetString()!) { Origin = OriginOf(e) }).ToArray();
        // A file written before claims existed has none: its facts' values stand as they are.
        SourceClaims[] claims = root.TryGetProperty("Claims", out var list)
            ? [.. list.EnumerateArray().Select(c => new SourceClaims(c.GetProperty("SourceId").GetString()!, PropertyValues.FromJsonObject(c.GetProperty("Values"))) { Origin = OriginOf(c) })]
            : [];
        return (PropertyValues.FromJsonObject(root.GetProperty("Properties")), evidence, claims);
    }

    /// <summary>The origin of merged evidence or claims (entity resolution); absent for a fact's own.</summary>
    private static string? OriginOf(JsonElement element) => element.TryGetProperty("Origin", out var origin) ? origin.GetString() : null;
}

using System.Globalization;
using System.Text.Json;
using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Storage.Neo4j;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.Seed;
using DiplomacyGraph.Tests.Writes;
using Microsoft.Data.Sqlite;

namespace DiplomacyGraph.Tests.Migrations;

/// <summary>The embedded store: a file written by release 2f8156e (Data/migrations/release-2f8156e.db), copied per test.</summary>
public sealed class EmbeddedStoreMigrationTests : StoreMigrationContract, IDisposable
{
    private readonly TemporaryFolder folder = new();

    private string DatabasePath => Path.Combine(folder.Path, "graph.db");

    protected override int CurrentVersion => EmbeddedMigrations.Current;

    protected override int RecodePage => EmbeddedMigrations.RewritePage;

    protected override DiplomacyGraphFactory Api(IDictionary<string, string?> extra) =>
        DiplomacyGraphFactory.Embedded(new Dictionary<string, string?>(extra) { ["Embedded:Path"] = DatabasePath });

    /// <summary>As the fixture's README says: one merge and one refusal, through the release's API.</summary>
    protected override IReadOnlyList<(string A, string B, JudgementKind Kind)> JudgementsOfTheFixture =>
    [
        ("colombian-ministry-of-justice", "colombian-government", JudgementKind.Same),
        ("marco-rubio", "bernie-moreno", JudgementKind.NotSame),
    ];

    protected override Task PlaceOldStoreCore()
    {
        Empty();
        File.Copy(MigrationFixtures.File("release-2f8156e.db"), DatabasePath);
        return Task.CompletedTask;
    }

    protected override Task PlaceEmptyStoreCore()
    {
        Empty();
        return Task.CompletedTask;
    }

    /// <summary>No database file (nor its WAL and lock files) in the test's folder.</summary>
    private void Empty()
    {
        Directory.CreateDirectory(folder.Path);
        foreach (var file in Directory.GetFiles(folder.Path)) File.Delete(file);
    }

    protected override Dictionary<string, string?> Settings() => new() { ["Embedded:Path"] = DatabasePath };

    protected override Task<int?> RecordedVersion()
    {
        using var connection = Open();
        using var command = new SqliteCommand("PRAGMA user_version", connection);
        var version = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        // SQLite's header field reads 0 until a version is recorded.
        return Task.FromResult<int?>(version == 0 ? null : version);
    }

    protected override Task RecordVersion(int version)
    {
        using var connection = Open();
        using var command = new SqliteCommand($"PRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)}", connection);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task On_a_store_newer_than_the_build_the_service_and_the_import_command_exit_2_with_one_line()
    {
        await PlaceOldStore();
        await RecordVersion(CurrentVersion + 1);
        var refusal = $"schema version {CurrentVersion + 1}, newer than this build knows ({CurrentVersion})";

        var service = await ApiProcess.RunAsync($"--Embedded:Path={DatabasePath}", $"--Seed:Folder={RepositoryFiles.SeedFolder}");
        var import = await ApiProcess.ImportAsync(RepositoryFiles.SeedFile, DatabasePath);

        Assert.Equal(2, service.ExitCode);
        Assert.Contains(refusal, Assert.Single(service.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(2, import.ExitCode);
        Assert.Contains(refusal, Assert.Single(import.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(CurrentVersion + 1, await RecordedVersion());
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose() => folder.Dispose();
}

/// <summary>
/// The Neo4j store: a database as the release before claims wrote it (no Citation nodes, no versions), built by the
/// committed script Data/migrations/pre-claims-neo4j.cypher.
/// </summary>
[Collection("neo4j")]
public sealed class Neo4jStoreMigrationTests(Neo4jServer server) : StoreMigrationContract
{
    protected override int CurrentVersion => Neo4jGraphStore.SchemaVersion;

    protected override int RecodePage => Neo4jGraphStore.RecodePage;

    protected override DiplomacyGraphFactory Api(IDictionary<string, string?> extra) => DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, extra);

    protected override async Task PlaceOldStoreCore()
    {
        await server.ResetAsync();
        foreach (var statement in MigrationFixtures.CypherStatements("pre-claims-neo4j.cypher"))
        {
            (await server.RunCypherAsync(statement)).Dispose();
        }
    }

    protected override Task PlaceEmptyStoreCore() => server.ResetAsync();

    protected override Dictionary<string, string?> Settings() => new()
    {
        ["Neo4j:Uri"] = server.HttpUri.ToString(),
        ["Neo4j:User"] = server.User,
        ["Neo4j:Password"] = server.Password,
        ["Neo4j:RequestTimeout"] = TestSettings.AsSetting(TestSettings.Neo4jRequest),
        ["Neo4j:ImportTimeout"] = TestSettings.AsSetting(TestSettings.Neo4jImport),
        ["Neo4j:Protocol"] = Neo4jServer.Protocol ?? "auto",
    };

    protected override async Task<int?> RecordedVersion()
    {
        using var answer = await server.RunCypherAsync("MATCH (v:SchemaVersion) RETURN count(v) AS nodes, max(v.version) AS version");
        var row = answer.RootElement.GetProperty("results")[0].GetProperty("data")[0].GetProperty("row");
        // One version node at most, whoever wrote it.
        Assert.InRange(row[0].GetInt32(), 0, 1);
        return row[1].ValueKind == JsonValueKind.Number ? row[1].GetInt32() : null;
    }

    protected override async Task RecordVersion(int version) =>
        (await server.RunCypherAsync("MATCH (v:SchemaVersion) SET v.version = $version", new { version })).Dispose();
}

/// <summary>The committed stores of earlier releases (Data/migrations/README.md).</summary>
internal static class MigrationFixtures
{
    public static string File(string name) => Path.Combine(Stores.RepositoryRoot(), "tests", "DiplomacyGraph.Tests", "Data", "migrations", name);

    /// <summary>A script's statements: each ends with a semicolon at the end of a line; comment lines are skipped.</summary>
    public static IEnumerable<string> CypherStatements(string name) =>
        System.IO.File.ReadAllText(File(name)).Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => string.Join('\n', s.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0);
}

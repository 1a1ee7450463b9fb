using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Seed;
using static DiplomacyGraph.Tests.Writes.Articles;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// The embedded store keeps every acknowledged write across <c>kill -9</c>: the service runs as a child process,
/// is killed right after a 2xx, and is started again on the same database file.
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const string Key = "child-process-key-0123456789abcdef";
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("diplomacygraph-crash-");

    private string DatabasePath => Path.Combine(folder.FullName, "graph.db");

    public void Dispose()
    {
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Actors_created_with_201_are_still_there_after_kill_9_and_a_restart()
    {
        var ids = Enumerable.Range(0, 5).Select(i => Unique($"survivor-{i}")).ToList();
        await using (var api = await ApiProcess.StartAsync(DatabasePath, Key))
        {
            foreach (var id in ids)
            {
                using var created = await Send(api, HttpMethod.Post, "/api/actors", new
                {
                    id, kind = "person", name = "Ana Lucía Ortiz", evidence = SeedOpeningSentence, sourceId = SeedSource,
                });
                Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{api.Output}");
            }

            await api.KillAsync();
        }

        await using var restarted = await ApiProcess.StartAsync(DatabasePath, Key);
        foreach (var id in ids)
        {
            var actor = await GetJson<ActorView>(restarted, $"/api/actors/{id}");
            Assert.Equal("Ana Lucía Ortiz", actor.Name);
            Assert.Equal([new EvidenceView(SeedSource, SeedOpeningSentence)], actor.Evidence);
        }
    }

    [Fact]
    public async Task An_import_answered_with_200_is_still_there_after_kill_9_and_a_restart()
    {
        var article = FollowUpMeeting();
        await using (var api = await ApiProcess.StartAsync(DatabasePath, Key))
        {
            using var imported = await Send(api, HttpMethod.Post, "/api/import", article.Document);
            Assert.True(imported.StatusCode == HttpStatusCode.OK, $"{(int)imported.StatusCode}: {await imported.Content.ReadAsStringAsync()}\n{api.Output}");
            await api.KillAsync();
        }

        await using var restarted = await ApiProcess.StartAsync(DatabasePath, Key);
        var meeting = await GetJson<EventView>(restarted, $"/api/events/{article.MeetingId}");
        Assert.Equal([new EvidenceView(article.SourceId, MeetingSentence)], meeting.Evidence);
        var office = await GetJson<EdgeView>(restarted, "/api/relationships/marco-rubio/HOLDS_OFFICE/united-states");
        Assert.Contains(new EvidenceView(article.SourceId, MeetingSentence), office.Evidence);
        var source = await GetJson<SourceDetailView>(restarted, $"/api/sources/{article.SourceId}");
        Assert.Equal(article.Document.Relationships.Count, source.Edges.Count);
    }

    private static async Task<HttpResponseMessage> Send(ApiProcess api, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", Key);
        return await api.Client.SendAsync(request);
    }

    private static async Task<T> GetJson<T>(ApiProcess api, string url)
    {
        using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} after the restart → {(int)response.StatusCode}: {body}\n{api.Output}");
        return JsonSerializer.Deserialize<T>(body, Wire)!;
    }
}

/// <summary><c>DiplomacyGraph.Api import &lt;file&gt;</c>: the same validation and merge as the endpoint, from a shell.</summary>
public sealed partial class ImportCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("diplomacygraph-cli-");

    private string DatabasePath => Path.Combine(folder.FullName, "graph.db");

    public void Dispose()
    {
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_valid_document_imports_with_exit_0_and_a_summary_and_the_next_run_finds_it_unchanged()
    {
        var seedNodes = SeedNodeCount();

        var first = await ApiProcess.ImportAsync(RepositoryFiles.SeedFile, DatabasePath);
        var second = await ApiProcess.ImportAsync(RepositoryFiles.SeedFile, DatabasePath);
        var article = FollowUpMeeting();
        var third = await ApiProcess.ImportAsync(Write("follow-up.json", article.Document), DatabasePath);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains(SeedSource, first.Out, StringComparison.Ordinal);
        Assert.Equal((seedNodes, 0, 0), NodeSummary(first.Out));
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal((0, 0, seedNodes), NodeSummary(second.Out));
        Assert.Equal((0, 0, RepositoryFiles.Seed.Relationships.Count), RelationshipSummary(second.Out));
        Assert.True(third.ExitCode == 0, third.Error);
        Assert.Equal((article.NewNodeIds.Count, FollowUp.SeedActorIds.Count, 0), NodeSummary(third.Out));
    }

    [Theory]
    [InlineData("bulk.ndjson")]
    [InlineData("one.json")]
    public async Task An_import_into_a_Neo4j_that_does_not_answer_exits_1_saying_so_without_a_stack_trace(string name)
    {
        var file = Path.Combine(folder.FullName, name);
        File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryFiles.SeedFile)).RootElement));
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exitCode, output, error) = await ApiProcess.RunAsync("import", file, $"--Neo4j:Uri=http://127.0.0.1:{closed}/");

        Assert.True(exitCode == 1, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains($"{name}", error, StringComparison.Ordinal);
        Assert.Contains("the store is unavailable; nothing was imported", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_NDJSON_file_imports_document_by_document_reporting_each_line_and_a_bad_line_keeps_only_itself_out()
    {
        var article = FollowUpMeeting();
        var seed = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryFiles.SeedFile)).RootElement);
        var followUp = System.Text.Json.JsonSerializer.Serialize(article.Document, DiplomacyGraph.Format.KnowledgeJson.Options);
        var file = Path.Combine(folder.FullName, "bulk.ndjson");
        File.WriteAllLines(file, [seed, """{"source": {"id": "Not A Slug"}}""", followUp]);

        var (exitCode, output, error) = await ApiProcess.ImportAsync(file, DatabasePath);

        Assert.Equal(1, exitCode);
        Assert.Contains($"bulk.ndjson:1 (source {SeedSource})", output, StringComparison.Ordinal);
        Assert.Contains("bulk.ndjson:2: nothing was imported", error, StringComparison.Ordinal);
        Assert.Contains($"bulk.ndjson:3 (source {article.Document.Source.Id}): nodes {article.NewNodeIds.Count} created", output, StringComparison.Ordinal);
        Assert.Contains("2 documents imported, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_document_exits_2_naming_the_file_the_entity_and_the_field_and_imports_nothing()
    {
        var article = FollowUpMeeting();
        var document = article.Document with { Actors = [article.Document.Actors[0], article.Document.Actors[1] with { Kind = "Person" }] };
        var file = Write("invalid.json", document);

        var (exitCode, _, error) = await ApiProcess.ImportAsync(file, DatabasePath);

        Assert.Equal(2, exitCode);
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains("actors[1]", error, StringComparison.Ordinal);
        Assert.Contains("marco-rubio", error, StringComparison.Ordinal);
        Assert.Contains("'kind'", error, StringComparison.Ordinal);
        var seed = await ApiProcess.ImportAsync(RepositoryFiles.SeedFile, DatabasePath);
        Assert.Equal((SeedNodeCount(), 0, 0), NodeSummary(seed.Out));
    }

    [Fact]
    public async Task A_document_referring_to_unknown_ids_exits_1_naming_them_and_imports_nothing()
    {
        // On an empty database the briefing's link to gustavo-petro, which it does not declare, cannot resolve.
        var (actor, meeting) = (Unique("camila-restrepo"), Unique("extradition-session"));
        var file = Write("briefing.json", Briefing(Unique("briefing"), actor, meeting, "Camila Restrepo attended the working session."));

        var (exitCode, _, error) = await ApiProcess.ImportAsync(file, DatabasePath);

        Assert.Equal(1, exitCode);
        Assert.Contains("gustavo-petro", error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", error, StringComparison.Ordinal);
        await ApiProcess.ImportAsync(RepositoryFiles.SeedFile, DatabasePath);
        var retry = await ApiProcess.ImportAsync(file, DatabasePath);
        Assert.True(retry.ExitCode == 0, retry.Error);
        Assert.Equal((3, 0, 0), NodeSummary(retry.Out)); // its source, actor and meeting: none was left by the refused run
    }

    private string Write(string name, KnowledgeDocument document)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, Serialize(document));
        return path;
    }

    private static int SeedNodeCount()
    {
        var d = RepositoryFiles.Seed;
        return 1 + d.Actors.Count + d.Places.Count + d.Events.Count + d.Sanctions.Count + d.Statements.Count + d.Figures.Count + d.Programs.Count;
    }

    private static (int Created, int Updated, int Unchanged) NodeSummary(string output) => Summary(NodesLine(), output);

    private static (int Created, int Updated, int Unchanged) RelationshipSummary(string output) => Summary(RelationshipsLine(), output);

    private static (int, int, int) Summary(Regex line, string output)
    {
        var match = line.Match(output);
        Assert.True(match.Success, $"No summary line in:\n{output}");
        int Number(string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return (Number("created"), Number("updated"), Number("unchanged"));
    }

    [GeneratedRegex(@"nodes: (?<created>\d+) created, (?<updated>\d+) updated, (?<unchanged>\d+) unchanged", RegexOptions.ExplicitCapture)]
    private static partial Regex NodesLine();

    [GeneratedRegex(@"relationships: (?<created>\d+) created, (?<updated>\d+) updated, (?<unchanged>\d+) unchanged", RegexOptions.ExplicitCapture)]
    private static partial Regex RelationshipsLine();
}

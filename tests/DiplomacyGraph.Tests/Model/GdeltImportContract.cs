using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// GDELT 2.0 Events import over real HTTP, on every store, with the synthetic fixture of Data/gdelt (generate.py writes
/// the rows and, independently of the importer, what each row must become: fixture.expected.json). The expectations
/// about single rows are read from the fixture's own columns here, not from the importer's mapping.
/// </summary>
public abstract class GdeltImportContract : ServedContract
{
    // The fixture's countries (generate.py) → our country actors (FollowTheMoney territory names; the seed's United States).
    private static readonly Dictionary<string, string> Countries = new(StringComparer.Ordinal)
    {
        ["USA"] = "united-states", ["CHN"] = "china", ["RUS"] = "russia", ["COL"] = "colombia", ["VEN"] = "venezuela", ["FRA"] = "france",
        ["GBR"] = "united-kingdom", ["DEU"] = "germany", ["IRN"] = "iran", ["UKR"] = "ukraine", ["BRA"] = "brazil", ["MEX"] = "mexico",
        ["IND"] = "india", ["JPN"] = "japan", ["ZAF"] = "south-africa",
    };

    public static string DataFile(string name) => Path.Combine(Stores.RepositoryRoot(), "tests", "DiplomacyGraph.Tests", "Data", "gdelt", name);

    private static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(DataFile("fixture.expected.json"))).RootElement;

    private static string[][] FixtureRows => [.. File.ReadAllLines(DataFile("fixture.export.CSV")).Select(l => l.Split('\t'))];

    [Fact]
    public async Task The_fixture_imports_with_its_dropped_and_bad_rows_counted_and_reported_and_a_second_import_changes_nothing()
    {
        var first = await ImportOk(File.ReadAllBytes(DataFile("fixture.export.CSV")), "text/tab-separated-values");

        Assert.Equal(Expected.GetProperty("rows").GetInt32(), first.Rows);
        Assert.Equal(Expected.GetProperty("events").GetInt32(), first.Events);
        Assert.Equal(Expected.GetProperty("dropped").Deserialize<Dictionary<string, int>>(), first.Dropped);
        Assert.Equal(Expected.GetProperty("skipped").Deserialize<Dictionary<string, int>>(), first.Skipped.Reasons);
        var badLines = Expected.GetProperty("badLines").Deserialize<Dictionary<string, string>>()!;
        Assert.Equal(badLines.OrderBy(b => int.Parse(b.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(b => (int.Parse(b.Key, System.Globalization.CultureInfo.InvariantCulture), b.Value)),
            first.Skipped.Records.Select(r => (r.Line, r.Reason)).OrderBy(r => r.Item1));
        Assert.All(first.Skipped.Records, r => Assert.False(string.IsNullOrWhiteSpace(r.Detail)));
        Assert.True(first.Nodes.Counts.Created >= first.Events, $"Each event is a node: {first.Nodes.Counts.Created} created for {first.Events} events.");

        var second = await ImportOk(File.ReadAllBytes(DataFile("fixture.export.CSV")), "text/tab-separated-values");

        Assert.Equal((0, 0), (second.Nodes.Counts.Created, second.Nodes.Counts.Updated));
        Assert.Equal((0, 0), (second.Relationships.Counts.Created, second.Relationships.Counts.Updated));
        // The events, sources and places again; actors the first import created are found in the store now, so not written twice.
        Assert.Equal(first.Events, second.Events);
        Assert.True(second.Nodes.Counts.Unchanged >= first.Events, $"{second.Nodes.Counts.Unchanged} nodes unchanged for {first.Events} events.");
    }

    [Fact]
    public async Task The_zipped_file_as_GDELT_publishes_it_is_the_same_import_sniffed_or_declared()
    {
        var zipped = Zip(("20240603120000.export.CSV", File.ReadAllBytes(DataFile("fixture.export.CSV"))));

        var declared = await ImportOk(zipped, "application/zip");
        Assert.Equal(Expected.GetProperty("events").GetInt32(), declared.Events);

        // The same bytes sent as octet-stream are recognized by the zip signature; the plain file after them changes nothing.
        var sniffed = await ImportOk(zipped, "application/octet-stream");
        var plain = await ImportOk(File.ReadAllBytes(DataFile("fixture.export.CSV")), "text/tab-separated-values");
        Assert.Equal((0, 0, Expected.GetProperty("events").GetInt32()), (sniffed.Nodes.Counts.Created, plain.Nodes.Counts.Updated, plain.Events));
    }

    [Fact]
    public async Task Sampled_rows_read_back_with_type_actors_sectors_place_source_and_machine_coding()
    {
        await ImportOk(File.ReadAllBytes(DataFile("fixture.export.CSV")), "text/tab-separated-values");
        var store = Factory.Services.GetRequiredService<IGraphStore>();
        var eventIds = Expected.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        var rows = FixtureRows.Where(r => eventIds.Contains(r[0])).ToList();
        // Every tenth imported row, plus every row with a named actor or one side missing.
        var sample = rows.Where((r, i) => i % 10 == 0 || r[7].Length == 0 || r[17].Length == 0).ToList();
        Assert.True(sample.Count >= 20, $"{sample.Count} rows sampled.");

        foreach (var row in sample)
        {
            var id = $"gdelt-{row[0]}";
            var view = await Get<EventView>($"/api/events/{id}");
            Assert.True(Plover.IsType(view.Kind), $"{id}: {view.Kind} is not a PLOVER type.");
            Assert.Equal($"{row[1][..4]}-{row[1][4..6]}-{row[1][6..]}", view.Date);
            var evidence = Assert.Single(view.Evidence);
            Assert.Equal($"Machine-coded GDELT 2.0 record: event {row[0]}, CAMEO {row[26]}", evidence.Text[..evidence.Text.IndexOf(" (", StringComparison.Ordinal)]);
            Assert.EndsWith($"from {row[60]}", evidence.Text, StringComparison.Ordinal);

            var participant = view.Sides.SelectMany(s => s.Participants).SingleOrDefault();
            var target = view.Targets.SingleOrDefault();
            Assert.Equal(Side(row, 5), participant?.Actor.Id);
            Assert.Equal(Side(row, 15), target?.Actor.Id);
            Assert.Equal(row[5].Length > 0 ? "actor" : null, participant?.Role);
            Assert.Equal(row[15].Length > 0 ? "recipient" : null, target?.Role);
            if (participant is not null) AssertSector(await store.GetEdge(participant.Actor.Id, "PARTICIPATED_IN", id, CancellationToken.None), row[12]);
            if (target is not null) AssertSector(await store.GetEdge(id, "TARGETED", target.Actor.Id, CancellationToken.None), row[22]);
            Assert.Equal(row[58].Length > 0 ? [($"gdelt-geo-{row[58].ToLowerInvariant()}", row[52])] : new List<(string, string)>(),
                view.Places.Select(p => (p.Id, p.Name)).ToList());

            var node = Assert.IsType<Found<GraphNode>>(await store.FindNode(id, CancellationToken.None)).Value;
            Assert.Equal((row[26], double.Parse(row[31], System.Globalization.CultureInfo.InvariantCulture), double.Parse(row[30], System.Globalization.CultureInfo.InvariantCulture)),
                (node.Properties["cameoCode"], node.Properties["numMentions"], node.Properties["goldsteinScale"]));
            Assert.Equal(double.Parse(row[29], System.Globalization.CultureInfo.InvariantCulture), node.Properties["cameoQuadClass"]);

            var source = (await Get<SourceDetailView>($"/api/sources/{evidence.SourceId}")).Source;
            Assert.Equal((row[60], "2024-06-03T12:00:00"), (source.Url, source.Published));
            var sourceNode = Assert.IsType<Found<GraphNode>>(await store.FindNode(evidence.SourceId, CancellationToken.None)).Value;
            Assert.Equal("coded", sourceNode.Properties["provenance"]);
        }
        // A named actor without a country (an IGO) is an actor of its own, under a GDELT-scoped id.
        Assert.Contains(sample, r => r[6] == "UNITED NATIONS");
        Assert.Equal("United Nations", (await Get<ActorView>("/api/actors/gdelt-united-nations")).Name);
    }

    [Fact]
    public async Task A_table_mode_the_manual_lacks_is_kept_as_the_original_and_the_table_context_as_coded()
    {
        await ImportOk(File.ReadAllBytes(DataFile("fixture.export.CSV")), "text/tab-separated-values");
        var store = Factory.Services.GetRequiredService<IGraphStore>();
        // CAMEO2PLOVER-2021: "1322: THREATEN, ban, pro_autocracy" and "175: ASSAULT, pro_autocracy, military"; neither mode is in the manual.
        var expected = new Dictionary<string, (string Kind, string OriginalMode, string Context)>(StringComparer.Ordinal)
        {
            ["1322"] = ("THREATEN", "ban", "pro_autocracy"),
            ["175"] = ("ASSAULT", "pro_autocracy", "military"),
        };
        foreach (var row in FixtureRows.Where(r => r.Length == 61 && expected.ContainsKey(r[26]) && r[5].Length + r[15].Length > 0))
        {
            var node = Assert.IsType<Found<GraphNode>>(await store.FindNode($"gdelt-{row[0]}", CancellationToken.None)).Value;
            var (kind, originalMode, context) = expected[row[26]];
            Assert.Equal(kind, node.Kind);
            Assert.False(node.Properties.ContainsKey("mode"));
            Assert.Equal(originalMode, node.Properties["originalMode"]);
            Assert.Equal([context], Assert.IsType<string[]>(node.Properties["contexts"]));
        }
    }

    [Fact]
    public async Task A_later_files_row_for_the_same_event_updates_it()
    {
        await ImportOk(File.ReadAllBytes(DataFile("fixture.export.CSV")), "text/tab-separated-values");
        var updates = Expected.GetProperty("updated").Deserialize<Dictionary<string, int>>()!;

        var later = await ImportOk(File.ReadAllBytes(DataFile("fixture-update.export.CSV")), "text/tab-separated-values");

        Assert.Equal(updates.Count, later.Events);
        Assert.Equal(updates.Keys.Select(k => $"gdelt-{k}").Order(StringComparer.Ordinal),
            later.Nodes.Updated.Where(id => id.StartsWith("gdelt-1", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var store = Factory.Services.GetRequiredService<IGraphStore>();
        foreach (var (id, mentions) in updates)
        {
            var node = Assert.IsType<Found<GraphNode>>(await store.FindNode($"gdelt-{id}", CancellationToken.None)).Value;
            Assert.Equal((double)mentions, node.Properties["numMentions"]);
        }
    }

    [Fact]
    public async Task Bad_input_answers_400_or_415_and_never_writes_half()
    {
        var before = (await Get<PageView>("/api/events?pageSize=1")).Total;

        using (var empty = await Post([], "text/tab-separated-values")) Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using (var notZip = await Post(Encoding.UTF8.GetBytes("just text\n"), "application/zip")) Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        using (var json = await Post(Encoding.UTF8.GetBytes("{}"), "application/json")) Assert.True(json.StatusCode == HttpStatusCode.UnsupportedMediaType, await json.Content.ReadAsStringAsync());
        var twoFiles = Zip(("a.export.CSV", File.ReadAllBytes(DataFile("fixture.export.CSV"))), ("b.export.CSV", File.ReadAllBytes(DataFile("fixture-update.export.CSV"))));
        using (var two = await Post(twoFiles, "application/zip")) Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
        using (var corrupt = await Post([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "application/zip")) Assert.Equal(HttpStatusCode.BadRequest, corrupt.StatusCode);
        // Only bad rows: 400, each named by line and reason.
        var bad = string.Join("\n", FixtureRows.Where(r => r.Length != 61).Select(r => string.Join('\t', r)));
        using (var allBad = await Post(Encoding.UTF8.GetBytes(bad), "text/tab-separated-values"))
        {
            var text = await allBad.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, allBad.StatusCode);
            var imported = JsonDocument.Parse(text).RootElement.GetProperty("imported").Deserialize<ResultView>(Json)!;
            Assert.Equal(bad.Split('\n').Length, imported.Skipped.Count);
            Assert.All(imported.Skipped.Records, r => Assert.Equal("malformed", r.Reason));
        }
        using (var noKey = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/gdelt", UriKind.Relative)) { Content = new ByteArrayContent([]) })
        {
            using var reply = await Client.SendAsync(noKey);
            Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        }

        Assert.Equal(before, (await Get<PageView>("/api/events?pageSize=1")).Total);
    }

    private static string? Side(string[] row, int at)
    {
        if (row[at].Length == 0) return null;
        if (Countries.TryGetValue(row[at + 2], out var country)) return country;
        return "gdelt-" + row[at + 1].ToLowerInvariant().Replace(' ', '-');
    }

    private static void AssertSector(GraphEdge? edge, string type1Code)
    {
        Assert.NotNull(edge);
        var plover = new[] { "GOV", "MIL", "REB", "COP", "CVL", "BUS", "MED", "LEG", "JUD", "OPP", "ELI" };
        var (sector, original) = type1Code.Length == 0 ? (null, null) : plover.Contains(type1Code) ? (type1Code, (string?)null) : (null, type1Code);
        Assert.Equal(sector, edge.Properties.GetValueOrDefault("sector"));
        Assert.Equal(original, edge.Properties.GetValueOrDefault("originalSector"));
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] files)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }
        return memory.ToArray();
    }

    private async Task<ResultView> ImportOk(byte[] body, string contentType)
    {
        using var reply = await Post(body, contentType);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, text);
        return JsonSerializer.Deserialize<ResultView>(text, Json)!;
    }

    private async Task<HttpResponseMessage> Post(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/gdelt", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Api-Key", Key);
        return await Client.SendAsync(request);
    }

    public sealed record EvidenceView(string SourceId, string Text);
    public sealed record RefView(string Id, string Name);
    public sealed record ParticipantView(RefView Actor, string? Role);
    public sealed record SideView(string Side, List<ParticipantView> Participants);
    public sealed record EventView(string Id, string Kind, string? Date, List<RefView> Places, List<SideView> Sides, List<ParticipantView> Targets, List<EvidenceView> Evidence);
    public sealed record SourceView(string Id, string? Url, string? Published);
    public sealed record SourceDetailView(SourceView Source);
    public sealed record ActorView(string Id, string Name);
    public sealed record PageView(int Total);
    public sealed record CountsView(int Created, int Updated, int Unchanged);
    public sealed record ChangesView(List<string> Created, List<string> Updated, List<string> Unchanged, CountsView Counts);
    public sealed record SkippedRecordView(string Id, int Line, string Reason, string Detail);
    public sealed record SkippedView(int Count, Dictionary<string, int> Reasons, List<SkippedRecordView> Records);
    public sealed record ResultView(int Rows, int Events, Dictionary<string, int> Dropped, int Batches, bool Truncated, ChangesView Nodes, ChangesView Relationships, SkippedView Skipped);
}

public sealed class EmbeddedGdeltImportTests : GdeltImportContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(WriteSettings));
}

[Collection("neo4j")]
public sealed class Neo4jGdeltImportTests(Neo4jServer server) : GdeltImportContract
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, WriteSettings);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;
using static DiplomacyGraph.Tests.Model.FtmImportContract;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// The FollowTheMoney import pipeline on real OpenSanctions lines (Data/yente), over real HTTP, on every store: batches
/// (a batch size of 5 lines, so every file here crosses batches), delta records, leniency, versioned dataset sources,
/// the published option, and idempotence. Each test starts a service of its own.
/// </summary>
public abstract class FtmStreamContract : ServedContract
{

    protected static Dictionary<string, string?> Settings => new(WriteSettings)
    {
        ["FollowTheMoney:BatchSize"] = "5",
    };

    private static string YenteFile(string name) => Path.Combine(Stores.RepositoryRoot(), "tests", "DiplomacyGraph.Tests", "Data", "yente", name);

    private static readonly string[] Delta = File.ReadAllLines(YenteFile("entities.delta.json"));
    private static readonly string[] Zala = File.ReadAllLines(YenteFile("zala.entities.ftm.json"));

    /// <summary>A line of the real delta file, by its number (from 1).</summary>
    private static string DeltaLine(int number) => Delta[number - 1];

    /// <summary>A real delta line changed: <paramref name="change"/> edits its entity.</summary>
    private static string Changed(int number, Action<JsonObject> change)
    {
        var record = JsonNode.Parse(DeltaLine(number))!.AsObject();
        change(record["entity"]!.AsObject());
        return record.ToJsonString();
    }

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    // ---------------------------------------------------------------- delta records

    [Fact]
    public async Task A_DEL_withdraws_only_that_datasets_claims_and_the_entity_goes_when_none_is_left()
    {
        // Dini Ramadhani: listed in us_ofac_sdn, us_trade_csl and id_dttot.
        const string Dini = "ftm-nk-ld5sygnpr7mmysnh4czcxj";
        await ImportOk(Lines(DeltaLine(60)));
        Assert.Equal(["ftm-id-dttot-v20240530t0653", "ftm-us-ofac-sdn-v20240530t0653", "ftm-us-trade-csl-v20240530t0653"],
            (await Get<ActorEvidenceView>($"/api/actors/{Dini}")).Evidence.Select(e => e.SourceId).Distinct().Order(StringComparer.Ordinal));

        var del = Lines("""{"op":"DEL","entity":{"id":"NK-Ld5SyGNpr7mmysNh4czCXJ"}}""");
        var dttot = await ImportOk(del, "?dataset=id_dttot");

        Assert.Equal([Dini], dttot.Withdrawn.NodesUpdated.Ids);
        Assert.Equal(0, dttot.Withdrawn.NodesDeleted.Count);
        Assert.Equal(["ftm-us-ofac-sdn-v20240530t0653", "ftm-us-trade-csl-v20240530t0653"],
            (await Get<ActorEvidenceView>($"/api/actors/{Dini}")).Evidence.Select(e => e.SourceId).Distinct().Order(StringComparer.Ordinal));

        await ImportOk(del, "?dataset=us_ofac_sdn");
        var last = await ImportOk(del, "?dataset=us_trade_csl");

        Assert.Equal([Dini], last.Withdrawn.NodesDeleted.Ids);
        using var gone = await Client.GetAsync(new Uri($"/api/actors/{Dini}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_DEL_of_a_sanction_deletes_it_with_its_relationships_and_a_DEL_without_a_dataset_is_skipped()
    {
        // Adrian Bird (line 148) and the Iranian sanction on him (line 143), both ADDs of ir_sanctions.
        const string Sanction = "ftm-ir-san-5b01b62f27035905e94e5d23108999d17176b089";
        await ImportOk(Lines(DeltaLine(143), DeltaLine(148)));
        Assert.Equal([Sanction], (await Get<CappedView<SanctionView>>("/api/actors/ftm-ir-san-67e2b072bb4b08d7376d14337f291ec72a9a0ff6/sanctions?role=target")).Items.Select(s => s.Id));

        var del = Lines("""{"op":"DEL","entity":{"id":"ir-san-5b01b62f27035905e94e5d23108999d17176b089"}}""");
        var nameless = await ImportOk(del);
        Assert.Equal(new Dictionary<string, int> { ["no-dataset"] = 1 }, nameless.Skipped.Reasons);
        Assert.Equal(("ir-san-5b01b62f27035905e94e5d23108999d17176b089", 1), (nameless.Skipped.Records[0].Id, nameless.Skipped.Records[0].Line));

        var withdrawn = await ImportOk(del, "?dataset=ir_sanctions");

        Assert.Equal([Sanction], withdrawn.Withdrawn.NodesDeleted.Ids);
        Assert.Contains($"{Sanction}:TARGETS:ftm-ir-san-67e2b072bb4b08d7376d14337f291ec72a9a0ff6", withdrawn.Withdrawn.RelationshipsDeleted.Ids);
        Assert.Empty((await Get<CappedView<SanctionView>>("/api/actors/ftm-ir-san-67e2b072bb4b08d7376d14337f291ec72a9a0ff6/sanctions?role=target")).Items);
        var again = await ImportOk(del, "?dataset=ir_sanctions");
        Assert.Equal(new Dictionary<string, int> { ["not-found"] = 1 }, again.Skipped.Reasons);
    }

    [Fact]
    public async Task A_MOD_from_a_newer_export_wins_and_an_older_export_imported_after_it_never_outranks_it()
    {
        // Sharon Nesmith (line 112, ir_sanctions, last_change 2024-05-30T05:07).
        const string Nesmith = "ftm-ir-san-03bd4be30f7d1abc222e3f7f979f232f31cf4783";
        var newer = Changed(112, e =>
        {
            e["caption"] = "Sharon Nesmith-Jones";
            e["properties"]!["name"] = new JsonArray("Sharon Nesmith-Jones");
            e["last_change"] = "2024-06-02T09:00:00";
            e["last_seen"] = "2024-06-02T09:00:00";
        }).Replace("\"op\":\"ADD\"", "\"op\":\"MOD\"", StringComparison.Ordinal);

        var modified = await ImportOk(Lines(newer));
        var older = await ImportOk(Lines(DeltaLine(112)));

        Assert.Equal(["ftm-ir-sanctions-v20240602t0900"], modified.SourceIds);
        Assert.Equal(["ftm-ir-sanctions-v20240530t0619"], older.SourceIds);
        Assert.Equal("Sharon Nesmith-Jones", (await Get<ActorEvidenceView>($"/api/actors/{Nesmith}")).Name);
        // The same older export once more: nothing changes.
        var repeat = await ImportOk(Lines(DeltaLine(112)));
        Assert.Equal((0, 0), (repeat.Nodes.Counts.Created, repeat.Nodes.Counts.Updated));
    }

    // ---------------------------------------------------------------- leniency

    [Fact]
    public async Task Records_with_a_dangling_reference_or_no_name_are_skipped_by_FtM_id_and_line_and_the_rest_imported()
    {
        // Line 128: a sanction on NK-mz7Dgcw5RGh4VRpKjKcnXB, which this body does not hold (nor the store).
        var noName = Changed(113, e =>
        {
            e["id"] = "ir-san-nameless";
            e.Remove("caption");
            e["properties"]!.AsObject().Remove("name");
        });
        var body = Lines(DeltaLine(127), DeltaLine(128), DeltaLine(119), noName);

        var result = await ImportOk(body);

        Assert.Equal(new Dictionary<string, int> { ["dangling-reference"] = 1, ["no-name"] = 1 }, result.Skipped.Reasons);
        Assert.Equal(2, result.Skipped.Count);
        var dangling = result.Skipped.Records.Single(r => r.Reason == "dangling-reference");
        Assert.Equal(("ir-san-3305a54cf5222c18fc920461e67b7ed508fa21d2", 2), (dangling.Id, dangling.Line));
        Assert.Contains("'NK-mz7Dgcw5RGh4VRpKjKcnXB'", dangling.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("ftm-nk-mz7dgcw5rgh4vrpkjkcnxb", dangling.Detail, StringComparison.Ordinal);
        var nameless = result.Skipped.Records.Single(r => r.Reason == "no-name");
        Assert.Equal(("ir-san-nameless", 4), (nameless.Id, nameless.Line));
        // The rest went in: the sanction at line 127 targets Andrea Gacki (line 119).
        Assert.Equal(["ftm-ir-san-31dbfd6e92c0bdbed44c8a57a1b197f66437aaa9"],
            (await Get<CappedView<SanctionView>>("/api/actors/ftm-ir-san-157ab77a3a863f57c01f79c8b385f1312c90ca20/sanctions?role=target")).Items.Select(s => s.Id));
        using var skipped = await Client.GetAsync(new Uri("/api/sanctions/ftm-ir-san-3305a54cf5222c18fc920461e67b7ed508fa21d2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, skipped.StatusCode);
    }

    [Fact]
    public async Task The_real_delta_file_imports_and_its_DELs_of_entities_the_store_never_held_are_reported_not_found()
    {
        var result = await ImportOk(string.Join("\n", Delta));

        Assert.Equal(40, result.Skipped.Reasons["not-found"]);
        var dels = result.Skipped.Records.Where(r => r.Reason == "not-found").ToList();
        Assert.Equal(Delta.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("{\"op\":\"DEL\"", StringComparison.Ordinal)).Select(l => l.i + 1), dels.Select(r => r.Line));
        Assert.Equal(("NK-3MDjERC9RyRHv3wEq9xWe4", 5), (dels[0].Id, dels[0].Line));
        Assert.Equal(result.Skipped.Reasons.Values.Sum(), result.Skipped.Count);
        Assert.True(result.Batches > 176 / 5, $"{result.Batches} batches");
        // Every sanction of the file whose target the file holds is in, whatever batch either came in.
        var sanction = await Get<SanctionView>("/api/sanctions/ftm-ir-san-31dbfd6e92c0bdbed44c8a57a1b197f66437aaa9");
        Assert.Equal("ftm-ir-san-31dbfd6e92c0bdbed44c8a57a1b197f66437aaa9", sanction.Id);
    }

    // ---------------------------------------------------------------- dates and batches

    [Fact]
    public async Task A_file_without_dates_needs_published_and_takes_it_from_the_query()
    {
        var undated = Lines(Changed(112, e =>
        {
            e.Remove("first_seen");
            e.Remove("last_seen");
            e.Remove("last_change");
        }));

        using var refused = await Post(undated);
        using var bad = await Post(undated, "?published=yesterday");
        var dated = await ImportOk(undated, "?published=2024-06-01");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("datasets.ir_sanctions", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"published\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["ftm-ir-sanctions-v20240601"], dated.SourceIds);
        Assert.Contains("ftm-ir-sanctions-v20240601", dated.Nodes.Created);
        Assert.Contains("ftm-ir-san-03bd4be30f7d1abc222e3f7f979f232f31cf4783", dated.Nodes.Created);
    }

    [Fact]
    public async Task References_resolve_across_batches_whatever_the_order_of_the_file()
    {
        // zala backwards: every sanction now comes before the person or company it targets, five lines a batch.
        var first = await ImportOk(string.Join("\n", Zala.Reverse()));

        // 17 parties in 4 batches, then 41 sanctions, 4 families, 14 ownerships, 3 directorships and 1 passport in 13
        // (the 11 addresses are only counted).
        Assert.Equal(17, first.Batches);
        Assert.False(first.Skipped.Reasons.ContainsKey("dangling-reference"), string.Join("; ", first.Skipped.Records.Select(r => $"{r.Line} {r.Id}: {r.Detail}")));
        Assert.Equal(13, (await Get<CappedView<SanctionView>>("/api/actors/ftm-nk-au5ybkbrfjucf8ymwsjvdw/sanctions?role=target")).Items.Count);
    }

    [Fact]
    public async Task A_reimport_in_batches_changes_nothing()
    {
        // The delta file's ir_sanctions records (persons, organizations and their sanctions), backwards.
        var iran = string.Join("\n", Delta.Where(l => l.Contains("\"datasets\":[\"ir_sanctions\"]", StringComparison.Ordinal)).Reverse());

        var first = await ImportOk(iran);
        var again = await ImportOk(iran);

        Assert.True(first.Nodes.Counts.Created > 100, $"{first.Nodes.Counts.Created} created");
        Assert.True(again.Nodes.Counts is { Created: 0, Updated: 0 }, string.Join(", ", again.Nodes.Updated));
        Assert.Equal((0, 0), (again.Relationships.Counts.Created, again.Relationships.Counts.Updated));
        Assert.Equal(first.Relationships.Counts.Created, again.Relationships.Counts.Unchanged);
        Assert.Equal(first.SourceIds, again.SourceIds);
    }

    private async Task<FtmResultView> ImportOk(string body, string query = "")
    {
        using var reply = await Post(body, query);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, text);
        return JsonSerializer.Deserialize<FtmResultView>(text, Json)!;
    }

    private async Task<HttpResponseMessage> Post(string body, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/ftm" + query, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson")),
        };
        request.Headers.Add("X-Api-Key", Key);
        return await Client.SendAsync(request);
    }

    public sealed record ActorEvidenceView(string Id, string Name, List<EvidenceView> Evidence);
}

public sealed class EmbeddedFtmStreamTests : FtmStreamContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(Settings));
}

[Collection("neo4j")]
public sealed class Neo4jFtmStreamTests(Neo4jServer server) : FtmStreamContract
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, Settings);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.Model;

namespace DiplomacyGraph.Tests.Provenance;

/// <summary>
/// Machine-coded facts told apart (issue 19, item 3), over real HTTP on every store: a coded document (as GDELT's import
/// writes one) and a curated one about the same event. A fact is curated when at least one curated source cites it,
/// coded when only coded sources do; lists take <c>provenance=</c>; a curated source's value outranks a coded one's
/// whatever their dates; retracting the curated source leaves the fact coded. The seed (curated) is there too.
/// </summary>
public abstract class ProvenanceContract : ServedContract
{
    private const string Coded = "prov-test-gdelt-1", Curated = "prov-test-article-1";
    private const string Both = "prov-test-both-event", CodedOnly = "prov-test-coded-event", CodedStatement = "prov-test-coded-statement";
    private const string Actor = "prov-test-actor", SeedMeeting = "white-house-meeting-2026-02-03", SeedSource = "vermelho-2026-02-04-petro-trump";

    protected static Dictionary<string, string?> Settings => WriteSettings;

    /// <summary>A coded source published after the curated one, so that ranking by date alone would pick its values.</summary>
    private static JsonObject CodedDocument() => new()
    {
        ["source"] = new JsonObject
        {
            ["id"] = Coded, ["title"] = "A machine-coded export", ["outlet"] = "gdelt.example", ["published"] = "2026-03-01T00:00",
            ["provenance"] = "coded",
        },
        ["actors"] = new JsonArray(new JsonObject
        {
            ["id"] = Actor, ["kind"] = "organization", ["name"] = "Provenance Test Organization", ["evidence"] = "Machine-coded record 1.",
        }),
        ["events"] = new JsonArray(
            new JsonObject { ["id"] = Both, ["kind"] = "CONSULT", ["title"] = "Coded title", ["date"] = "2026-02-10", ["evidence"] = "Machine-coded record 1." },
            new JsonObject { ["id"] = CodedOnly, ["kind"] = "CONSULT", ["title"] = "Only coded", ["date"] = "2026-02-11", ["evidence"] = "Machine-coded record 2." }),
        ["statements"] = new JsonArray(new JsonObject
        {
            ["id"] = CodedStatement, ["text"] = "A machine-coded statement.", ["medium"] = "reported", ["date"] = "2026-02-12",
            ["evidence"] = "Machine-coded record 3.",
        }),
        ["relationships"] = new JsonArray(
            new JsonObject { ["type"] = "PARTICIPATED_IN", ["from"] = Actor, ["to"] = Both, ["properties"] = new JsonObject { ["role"] = "actor" }, ["evidence"] = "Machine-coded record 1." },
            new JsonObject { ["type"] = "PARTICIPATED_IN", ["from"] = Actor, ["to"] = CodedOnly, ["properties"] = new JsonObject { ["role"] = "actor" }, ["evidence"] = "Machine-coded record 2." },
            new JsonObject { ["type"] = "SAID", ["from"] = Actor, ["to"] = CodedStatement, ["evidence"] = "Machine-coded record 3." }),
    };

    /// <summary>A curated source (no provenance given: curated) published before the coded one, about the same event.</summary>
    private static JsonObject CuratedDocument() => new()
    {
        ["source"] = new JsonObject { ["id"] = Curated, ["title"] = "A read article", ["outlet"] = "example.org", ["published"] = "2026-02-11T09:00" },
        ["events"] = new JsonArray(
            new JsonObject { ["id"] = Both, ["kind"] = "CONSULT", ["title"] = "Curated title", ["date"] = "2026-02-10", ["evidence"] = "The two met on 10 February." }),
    };

    [Fact]
    public async Task Lists_keep_coded_facts_out_of_a_curated_view_and_a_fact_a_curated_source_also_cites_is_curated()
    {
        await Import(CodedDocument());
        await Import(CuratedDocument());

        var all = await Ids("/api/events?pageSize=100");
        Assert.Contains(Both, all);
        Assert.Contains(CodedOnly, all);
        Assert.Contains(SeedMeeting, all);
        var curated = await Ids("/api/events?provenance=curated&pageSize=100");
        Assert.Equal([CodedOnly], await Ids("/api/events?provenance=coded&pageSize=100"));
        Assert.Equal(all.Where(id => id != CodedOnly), curated);
        Assert.Equal(all.Count - 1, (await Get<PageView>("/api/events?provenance=curated&pageSize=1")).Total);
        // The filter applies after every anchor: an actor, a kind, a date range.
        Assert.Equal([Both], await Ids($"/api/events?actor={Actor}&provenance=curated"));
        Assert.Equal([CodedOnly], await Ids($"/api/events?actor={Actor}&provenance=coded"));
        Assert.Equal([CodedOnly], await Ids("/api/events?kind=CONSULT&provenance=coded"));
        Assert.DoesNotContain(CodedOnly, await Ids("/api/events?kind=CONSULT&provenance=curated"));
        Assert.Equal([CodedOnly], await Ids("/api/events?from=2026-02-01&to=2026-02-28&provenance=coded"));
        var curatedInRange = await Ids("/api/events?from=2026-02-10&to=2026-02-11&provenance=curated");
        Assert.Contains(Both, curatedInRange);
        Assert.DoesNotContain(CodedOnly, curatedInRange);

        Assert.Equal([CodedStatement], await Ids("/api/statements?provenance=coded"));
        Assert.DoesNotContain(CodedStatement, await Ids("/api/statements?provenance=curated&pageSize=100"));
        Assert.Contains(CodedStatement, await Ids("/api/statements?pageSize=100"));
        Assert.Empty(await Ids($"/api/statements?speaker={Actor}&provenance=curated"));
        Assert.Equal([CodedStatement], await Ids($"/api/statements?speaker={Actor}&provenance=coded"));
        // The seed's sanctions are curated; none is coded.
        Assert.Empty(await Ids("/api/sanctions?provenance=coded"));
        Assert.Equal(await Ids("/api/sanctions?pageSize=100"), await Ids("/api/sanctions?provenance=curated&pageSize=100"));

        var codedTimeline = await TimelineIds("/api/timeline?provenance=coded&limit=500");
        Assert.Equal([CodedOnly, CodedStatement], codedTimeline);
        var curatedTimeline = await TimelineIds("/api/timeline?provenance=curated&limit=500");
        Assert.Contains(Both, curatedTimeline);
        Assert.Contains(SeedMeeting, curatedTimeline);
        Assert.DoesNotContain(CodedOnly, curatedTimeline);
        Assert.Equal([CodedOnly, CodedStatement], await TimelineIds($"/api/timeline?actor={Actor}&provenance=coded"));
        Assert.Equal([Both], await TimelineIds($"/api/timeline?actor={Actor}&provenance=curated"));
    }

    [Fact]
    public async Task Sources_show_their_provenance_in_JSON_and_CSV_and_a_bad_provenance_is_a_400()
    {
        await Import(CodedDocument());

        var sources = (await Get<JsonObject>("/api/sources"))["items"]!.AsArray();
        Assert.Equal("coded", sources.Single(s => (string?)s!["id"] == Coded)!["provenance"]!.GetValue<string>());
        Assert.Equal("curated", sources.Single(s => (string?)s!["id"] == SeedSource)!["provenance"]!.GetValue<string>());
        using var csv = await Client.GetAsync(new Uri("/api/sources?format=csv", UriKind.Relative));
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimEnd('\r').Split(',');
        var column = Array.IndexOf(header, "provenance");
        Assert.True(column >= 0, lines[0]);
        Assert.Equal("coded", lines.Single(l => l.StartsWith(Coded + ",", StringComparison.Ordinal)).TrimEnd('\r').Split(',')[column]);

        foreach (var list in new[] { "events", "statements", "sanctions", "timeline" })
        {
            using var bad = await Client.GetAsync(new Uri($"/api/{list}?provenance=machine", UriKind.Relative));
            var body = await bad.Content.ReadAsStringAsync();
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, $"{list}: {(int)bad.StatusCode} {body}");
            Assert.Contains("provenance", JsonNode.Parse(body)!["errors"]!.AsObject().Select(e => e.Key), StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_curated_value_outranks_a_later_coded_one_and_retracting_the_curated_source_leaves_the_fact_coded()
    {
        // Curated first this time: the ranking does not depend on the order of the imports.
        await Import(CuratedDocument());
        await Import(CodedDocument());

        var both = await Get<JsonObject>($"/api/events/{Both}?claims=all");
        Assert.Equal("Curated title", both["title"]!.GetValue<string>());
        var titles = both["claims"]!.AsArray().Where(c => (string?)c!["field"] == "title")
            .Select(c => ((string)c!["sourceId"]!, (string)c["value"]!, (bool)c["shown"]!)).OrderBy(c => c.Item1, StringComparer.Ordinal);
        Assert.Equal([(Curated, "Curated title", true), (Coded, "Coded title", false)], titles);
        Assert.Contains(Both, await Ids("/api/events?provenance=curated&pageSize=100"));

        using (var request = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/sources/{Curated}?cascade=true", UriKind.Relative)))
        {
            request.Headers.Add("X-Api-Key", Key);
            using var reply = await Client.SendAsync(request);
            Assert.True(reply.IsSuccessStatusCode, $"{(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
        }

        Assert.Equal("Coded title", (await Get<JsonObject>($"/api/events/{Both}"))["title"]!.GetValue<string>());
        Assert.Equal([Both, CodedOnly], await Ids("/api/events?provenance=coded&pageSize=100"));
        Assert.DoesNotContain(Both, await Ids("/api/events?provenance=curated&pageSize=100"));
        Assert.Equal([Both], await Ids($"/api/events?actor={Actor}&provenance=coded&to=2026-02-10"));
    }

    private async Task Import(JsonObject document)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import", UriKind.Relative))
        {
            Content = new StringContent(document.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Api-Key", Key);
        using var reply = await Client.SendAsync(request);
        Assert.True(reply.IsSuccessStatusCode, $"{(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
    }

    private async Task<List<string>> Ids(string url) => [.. (await Get<PageView>(url)).Items.Select(i => i.Id)];

    private async Task<List<string>> TimelineIds(string url) => [.. (await Get<PageView>(url)).Items.Select(i => i.Id)];

    private sealed record ItemView(string Id);

    private sealed record PageView(List<ItemView> Items, int Total);
}

public sealed class EmbeddedProvenanceTests : ProvenanceContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(Settings));
}

[Collection("neo4j")]
public sealed class Neo4jProvenanceTests(Neo4jServer server) : ProvenanceContract
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, Settings);
    }
}

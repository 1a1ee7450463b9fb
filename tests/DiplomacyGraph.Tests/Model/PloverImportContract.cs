using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Api.Import;
using DiplomacyGraph.Api.Import.EventData;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.Model;

/// <summary>
/// PLOVER record import over real HTTP, on every store: the gold-standard file (Data/plover, 323 records, CC BY-SA 4.0),
/// read back event by event, a record in the current manual's field set written by hand from its Data Fields chapter,
/// and bad input. Each test starts a seeded service of its own.
/// </summary>
public abstract class PloverImportContract : ServedContract
{
    private static readonly string GoldStandard = Path.Combine(Stores.RepositoryRoot(), "tests", "DiplomacyGraph.Tests", "Data", "plover", "PLOVER_GSR_CAMEO.txt");

    /// <summary>The older drafts' types the gold standard uses, as the manual's CAMEO table maps them (written here, not read from plover-legacy.json).</summary>
    private static readonly Dictionary<string, string> CurrentType = new(StringComparer.Ordinal)
    {
        ["DEMAND"] = "REQUEST", ["DISAPPROVE"] = "ACCUSE", ["INVESTIGATE"] = "ACCUSE", ["FIGHT"] = "ASSAULT",
    };

    private const string Source = "plover-source-oeda-team-from-cameo-1-1b3-manual-2000-01-01";

    [Fact]
    public async Task The_whole_gold_standard_file_imports_and_every_record_left_out_is_reported_with_its_reason_and_a_reimport_changes_nothing()
    {
        var body = await File.ReadAllTextAsync(GoldStandard);

        var first = await ImportOk(body, "application/json");

        Assert.Equal(323, first.Records);
        Assert.True(first.Imported >= 0.95 * 323, $"{first.Imported} of 323 imported");
        Assert.Equal(first.Records, first.Imported + first.Skipped.Count);
        Assert.Equal(first.Skipped.Count, first.Skipped.Records.Count);
        Assert.Equal(
            [("PLOVER-GSR01-ASSAULT-0009", "no-actor"), ("PLOVER-GSR01-COERCE-0004", "duplicate-id"), ("PLOVER-GSR01-DOCUMENT-0001", "unmappable-type")],
            first.Skipped.Records.Select(s => (s.Id, s.Reason)).OrderBy(s => s.Id, StringComparer.Ordinal));
        Assert.All(first.Skipped.Records, s => Assert.True(s.Status == 422 && s.Line > 1 && s.Detail.Length > 20, $"{s.Id}: {s.Status} line {s.Line} {s.Detail}"));
        Assert.Equal([Source], first.SourceIds);
        Assert.True(first.Nodes.Counts.Created > 320 && first.Relationships.Counts.Created > 320);

        var again = await ImportOk(body, "application/json");

        Assert.Equal((0, 0, 0, 0), (again.Nodes.Counts.Created, again.Nodes.Counts.Updated, again.Relationships.Counts.Created, again.Relationships.Counts.Updated));
        Assert.Equal(first.Relationships.Counts.Created, again.Relationships.Counts.Unchanged);
        Assert.Equal(first.Imported, again.Imported);
    }

    [Fact]
    public async Task A_sample_of_gold_standard_records_reads_back_with_its_type_actors_recipients_and_sentence()
    {
        var body = await File.ReadAllTextAsync(GoldStandard);
        var imported = await ImportOk(body, "application/json");
        var skipped = imported.Skipped.Records.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        using var file = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true });
        var records = file.RootElement.EnumerateArray().Where(r => !skipped.Contains(r.GetProperty("id").GetString()!)).ToList();

        var sampled = 0;
        for (var i = 0; i < records.Count; i += 9)
        {
            var record = records[i];
            var id = record.GetProperty("id").GetString()!;
            var kind = record.GetProperty("event").GetString()!;
            var view = await Get<EventView>($"/api/events/{id.ToLowerInvariant()}");

            Assert.Equal(CurrentType.GetValueOrDefault(kind, kind), view.Kind);
            Assert.Contains(new EvidenceView(Source, record.GetProperty("text").GetString()!), view.Evidence);
            Assert.Equal(Expected(record, "source"), view.Sides.SelectMany(s => s.Participants).Select(p => p.Actor.Id).Order(StringComparer.Ordinal));
            Assert.Equal(Expected(record, "target"), view.Targets.Select(t => t.Actor.Id).Order(StringComparer.Ordinal));
            Assert.All(view.Sides.SelectMany(s => s.Participants), p => Assert.Equal("actor", p.Role));
            Assert.All(view.Targets, t => Assert.Equal("recipient", t.Role));
            sampled++;
        }
        Assert.True(sampled >= 35, $"{sampled} records sampled");
    }

    [Fact]
    public async Task Older_drafts_values_are_recoded_with_the_originals_kept_and_sectors_keep_their_secondary_code()
    {
        await ImportOk(await File.ReadAllTextAsync(GoldStandard), "application/json");

        // "Senior Hungarian and Romanian officials agreed …": a compound actor, two government sectors, context refugees → migration.
        var agree = await Get<EventView>("/api/events/plover-gsr01-agree-0001?claims=all");
        Assert.Equal(["hungary", "romania"], agree.Sides.SelectMany(s => s.Participants).Select(p => p.Actor.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["migration"], Claim(agree, "contexts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["refugees"], Claim(agree, "originalContexts").EnumerateArray().Select(c => c.GetString()));
        var hungary = (await Get<CappedView<RelationshipView>>("/api/actors/hungary/relationships?type=PARTICIPATED_IN")).Items.Single(r => r.Other.Id == "plover-gsr01-agree-0001");
        Assert.Equal(("GOV", "actor"), (hungary.Properties["sector"].GetString(), hungary.Properties["role"].GetString()));

        // DEMAND → REQUEST; "Ethnic Albanians in south Serbia" (SRB, CVLalb) → Serbia as civilians; the U.N. (IGO) a named actor of its own.
        var demand = await Get<EventView>("/api/events/plover-gsr01-demand-0014?claims=all");
        Assert.Equal(("REQUEST", "DEMAND"), (demand.Kind, Claim(demand, "originalKind").GetString()));
        var serbia = (await Get<CappedView<RelationshipView>>("/api/actors/serbia/relationships?type=PARTICIPATED_IN")).Items.Single(r => r.Other.Id == "plover-gsr01-demand-0014");
        Assert.Equal(("CVL", "CVLalb"), (serbia.Properties["sector"].GetString(), serbia.Properties["originalSector"].GetString()));
        var un = Assert.Single(demand.Targets).Actor;
        Assert.Equal(("plover-u-n", "U.N.", "organization"), (un.Id, un.Name, un.Kind));

        // v0.5b1's mode strike-hun is the manual's PROTEST mode hunger.
        var strike = await Get<EventView>("/api/events/plover-gsr01-protest-0007?claims=all");
        Assert.Equal(("PROTEST", "hunger", "strike-hun"), (strike.Kind, strike.Mode, Claim(strike, "originalMode").GetString()));

        // eventLoc {name: Geneva, country code: CH} is the place the consultation happened.
        var talks = await Get<EventView>("/api/events/plover-gsr01-consult-0007");
        Assert.Equal(("CONSULT", "third-party"), (talks.Kind, talks.Mode));
        Assert.Equal(("plover-place-geneva-ch", "Geneva"), (Assert.Single(talks.Places).Id, talks.Places[0].Name));
    }

    [Fact]
    public async Task A_record_in_the_current_manuals_field_set_imports_with_its_location_magnitudes_and_citation()
    {
        // Written by hand from the manual's Data Fields chapter (PLOVER JSON, entity, location and citation objects).
        const string record = """
            {"id": "dg-test-2024-0001", "date": "2024-03-05", "enddate": "2024-03-06", "event": ["ACCUSE"], "mode": ["disapprove"], "context": ["diplomatic", "military"],
             "actor": [{"code": "COL", "sector": "GOV", "entity_text": "Colombia's foreign ministry"}],
             "recipient": [{"code": "", "sector": "MIL", "entity_text": "Frente Fronterizo Armado"}],
             "event_loc": {"extracted_place": "Cucuta", "resolved_place": "Cúcuta", "geonameid": 3685533, "lat": 7.89391, "lon": -72.50782, "country_code": "COL"},
             "event_text": ["condemned"], "dead": 2, "injured": "3", "size": 40,
             "text": "Colombia's foreign ministry condemned the border attack by the Frente Fronterizo Armado, in which two soldiers died.",
             "cite_info": {"publication": "Example Wire", "url": "https://example.org/news/1", "title": "Bogota condemns border attack", "language": "en"},
             "coder": "hand", "comment": "Written for the test."}
            """;

        var result = await ImportOk(record.ReplaceLineEndings(" ") + "\n", "application/x-ndjson");

        Assert.Equal((1, 1), (result.Records, result.Imported));
        Assert.Equal(["plover-source-example-wire-2024-03-05"], result.SourceIds);
        var view = await Get<EventView>("/api/events/plover-dg-test-2024-0001?claims=all");
        Assert.Equal(("ACCUSE", "disapprove", "2024-03-05"), (view.Kind, view.Mode, view.Date));
        Assert.Equal(["colombia"], view.Sides.SelectMany(s => s.Participants).Select(p => p.Actor.Id));
        Assert.Equal(("plover-frente-fronterizo-armado", "organization"), (Assert.Single(view.Targets).Actor.Id, view.Targets[0].Actor.Kind));
        Assert.Equal(("plover-place-geonames-3685533", "Cúcuta"), (Assert.Single(view.Places).Id, view.Places[0].Name));
        Assert.Equal([new EvidenceView("plover-source-example-wire-2024-03-05", "Colombia's foreign ministry condemned the border attack by the Frente Fronterizo Armado, in which two soldiers died.")], view.Evidence);
        Assert.Equal((2.0, 3.0, 40.0), (Claim(view, "dead").GetDouble(), Claim(view, "injured").GetDouble(), Claim(view, "size").GetDouble()));
        Assert.Equal("2024-03-06", Claim(view, "endDate").GetString());
        Assert.Equal(["diplomatic", "military"], Claim(view, "contexts").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain(view.Claims!, c => c.Field.StartsWith("original", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_an_existing_actor_has_links_to_it_and_another_name_becomes_a_plover_actor_that_resolution_offers_as_a_candidate()
    {
        // The seed's organization colombian-ministry-of-justice has the alias "Ministry of Justice"; the second name is only like its name.
        // (Without a country code PLOVER says nothing of an entity's kind: a new one is an organization, and resolution pairs only like kinds.)
        const string record = """{"id": "named-1", "date": "2024-05-01", "event": "CONSULT", "actor": [{"entity_text": "ministry of justice", "sector": "GOV"}], "recipient": [{"entity_text": "Colombian Ministry of Justice and Law"}], "text": "The Ministry of Justice met the Colombian Ministry of Justice and Law."}""";

        var result = await ImportOk(record + "\n", "application/x-ndjson");

        Assert.Equal(1, result.Imported);
        var view = await Get<EventView>("/api/events/plover-named-1");
        Assert.Equal("colombian-ministry-of-justice", Assert.Single(view.Sides.SelectMany(s => s.Participants)).Actor.Id);
        Assert.Equal("plover-colombian-ministry-of-justice-and-law", Assert.Single(view.Targets).Actor.Id);
        var candidates = await Get<CandidatesView>("/api/resolution/candidates?label=actor&minScore=0.3&pageSize=100");
        Assert.Contains(candidates.Items, c => new[] { c.A.Id, c.B.Id }.Order(StringComparer.Ordinal).SequenceEqual(["colombian-ministry-of-justice", "plover-colombian-ministry-of-justice-and-law"]));
    }

    [Fact]
    public async Task Bad_input_is_refused_per_record_or_as_a_whole_never_with_a_500()
    {
        using var text = await Post("{}", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);

        using var broken = await Post("""[{"id": "a", "event": "AGREE"}, {"id": """, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("\"body\"", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unreadable = await Post("not json\n[1, 2]\n", "application/x-ndjson");
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);

        using var document = await Post("""{"id": "PLOVER-X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "about this file"}""", "application/x-ndjson");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, document.StatusCode);
        Assert.Contains("unmappable-type", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var good = """{"id": "mixed-1", "date": "2024-01-02", "event": "CONSULT", "actor": [{"code": "FRA"}], "text": "France held talks."}""";
        using var corrupt = await Post(good + "\n{oops\n[1]\n", "application/x-ndjson");
        Assert.Equal(HttpStatusCode.BadRequest, corrupt.StatusCode);
        var problem = await corrupt.Content.ReadAsStringAsync();
        Assert.Contains("line 2", problem, StringComparison.Ordinal);
        Assert.Contains("line 3", problem, StringComparison.Ordinal);
        using (var none = await Client.GetAsync(new Uri("/api/events/plover-mixed-1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        var lines = string.Join("\n", good,
            """{"id": "mixed-3", "date": "2024-01-02", "event": "AGREE", "text": "Someone agreed."}""",
            """{"id": "mixed-4", "event": "AGREE", "actor": [{"code": "FRA"}], "text": "France agreed, some day."}""",
            """{"id": "mixed-5", "date": "2024-01-02", "event": "SANCTION", "mode": "expel", "actor": [{"code": "FRA"}], "text": "France expelled a diplomat.", "size": -3, "dead": "many"}""");
        var mixed = await ImportOk(lines, "application/x-ndjson");
        Assert.Equal((4, 2), (mixed.Records, mixed.Imported));
        Assert.Equal([(2, 422, "no-actor"), (3, 422, "no-date")], mixed.Skipped.Records.Select(s => (s.Line, s.Status, s.Reason)));
        Assert.Equal(2, mixed.Notes.Count(n => n.StartsWith("line 4 ('mixed-5')", StringComparison.Ordinal)));

        using var tooMany = await Post(string.Concat(Enumerable.Repeat("{}\n", PloverImport.MaxRecords + 1)), "application/x-ndjson");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
    }

    /// <summary>The actor ids a record's list should become: a country for a country code, else the named actor (as a fresh store holds none of these names).</summary>
    private static List<string> Expected(JsonElement record, string field) =>
        !record.TryGetProperty(field, out var list) || list.ValueKind != JsonValueKind.Array ? [] :
        [.. list.EnumerateArray().Select(a => CountryCodes.Actor(a.TryGetProperty("code", out var c) ? c.GetString() : null)?.Id
                ?? new NamedActors(null!, "plover").NewId(a.GetProperty("actorText").GetString()!))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static JsonElement Claim(EventView view, string field) => Assert.Single(view.Claims!, c => c.Field == field).Value;

    private async Task<ResultView> ImportOk(string body, string contentType)
    {
        using var reply = await Post(body, contentType);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, text);
        return JsonSerializer.Deserialize<ResultView>(text, Json)!;
    }

    private async Task<HttpResponseMessage> Post(string body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import/plover", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        request.Headers.Add("X-Api-Key", Key);
        return await Client.SendAsync(request);
    }

    public sealed record EvidenceView(string SourceId, string Text);
    public sealed record ActorRef(string Id, string Name, string? Kind);
    public sealed record CappedView<T>(List<T> Items);
    public sealed record RelationshipView(string Type, ActorRef Other, Dictionary<string, JsonElement> Properties);
    public sealed record ParticipantView(ActorRef Actor, string? Role);
    public sealed record SideView(string Side, List<ParticipantView> Participants);
    public sealed record ClaimView(string Field, JsonElement Value, string SourceId, bool Shown);
    public sealed record EventView(string Id, string Kind, string? Mode, string? Date, List<ActorRef> Places, List<SideView> Sides, List<ParticipantView> Targets,
        List<EvidenceView> Evidence, List<ClaimView>? Claims);
    public sealed record CandidateView(ActorRef A, ActorRef B, double Score);
    public sealed record CandidatesView(List<CandidateView> Items);
    public sealed record CountsView(int Created, int Updated, int Unchanged);
    public sealed record ChangesView(CountsView Counts);
    public sealed record SkippedRecordView(string Id, int Line, int Status, string Reason, string Detail);
    public sealed record SkippedView(int Count, Dictionary<string, int> Reasons, List<SkippedRecordView> Records);
    public sealed record ResultView(List<string> SourceIds, int Records, int Imported, ChangesView Nodes, ChangesView Relationships, SkippedView Skipped, List<string> Notes);
}

public sealed class EmbeddedPloverImportTests : PloverImportContract
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync() => Task.FromResult(DiplomacyGraphFactory.Embedded(WriteSettings));
}

[Collection("neo4j")]
public sealed class Neo4jPloverImportTests(Neo4jServer server) : PloverImportContract
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync()
    {
        await server.ResetAsync();
        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, WriteSettings);
    }
}

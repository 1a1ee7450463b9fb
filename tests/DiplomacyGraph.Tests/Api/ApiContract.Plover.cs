using System.Text.Json.Nodes;

namespace DiplomacyGraph.Tests.Api;

/// <summary>The seed's PLOVER coding, as both stores answer it (seed/README.md, "Re-coded to the current PLOVER manual").</summary>
public abstract partial class ApiContract
{
    [Fact]
    public async Task The_White_House_meeting_is_a_CONSULT_visit_of_quad_class_1_at_the_White_House_keeping_its_old_mode()
    {
        var meeting = await GetJson<JsonNode>($"/api/events/{Meeting}");

        Assert.Equal(("CONSULT", "visit", "meeting", 1), ((string?)meeting["kind"], (string?)meeting["mode"], (string?)meeting["originalMode"], (int?)meeting["quadClass"]));
        Assert.Equal(["diplomatic", "illegal_drugs"], meeting["contexts"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("white-house", (string?)meeting["location"]?["id"]);
        var sectors = meeting["sides"]!.AsArray().SelectMany(s => s!["participants"]!.AsArray())
            .ToDictionary(p => (string)p!["actor"]!["id"]!, p => (string?)p!["sector"]);
        Assert.Equal(("LEG", "GOV", "GOV"), (sectors["bernie-moreno"], sectors["gustavo-petro"], sectors["pedro-sanchez"]));
    }

    [Fact]
    public async Task The_certification_denial_is_a_SANCTION_discontinue_of_quad_class_4_against_Colombias_government()
    {
        var denial = await GetJson<JsonNode>("/api/events/us-decertification-of-colombia");

        Assert.Equal(("SANCTION", "discontinue", "decertification", 4), ((string?)denial["kind"], (string?)denial["mode"], (string?)denial["originalMode"], (int?)denial["quadClass"]));
        var target = Assert.Single(denial["targets"]!.AsArray());
        Assert.Equal(("colombia", "GOV"), ((string?)target!["actor"]!["id"], (string?)target["sector"]));
    }

    [Fact]
    public async Task The_trip_is_TRAVEL_without_mode_or_quad_class()
    {
        var trip = await GetJson<JsonNode>("/api/events/petro-trip-to-white-house");

        Assert.Equal(("TRAVEL", null, "visit", null), ((string?)trip["kind"], (string?)trip["mode"], (string?)trip["originalMode"], (int?)trip["quadClass"]));
    }

    [Theory]
    [InlineData("petro-calls-operation-kidnapping", "ACCUSE", "disapprove", "DISAPPROVE")]
    [InlineData("moreno-warns-relationship-depends-on-coca-eradication", "REQUEST", "change", "DEMAND")]
    [InlineData("trump-insinuates-colombia-could-be-target", "THREATEN", "violence", null)]
    public async Task Re_coded_statements_answer_with_the_manuals_kind_and_mode_and_keep_the_old_kind(string id, string kind, string mode, string? original)
    {
        var statement = await GetJson<JsonNode>($"/api/statements/{id}");

        Assert.Equal((kind, mode, original), ((string?)statement["kind"], (string?)statement["mode"], (string?)statement["originalKind"]));
    }

    [Theory]
    [InlineData("mode=visit", "white-house-meeting-2026-02-03")]
    [InlineData("kind=PROTEST&mode=demo", "plaza-bolivar-demonstration-2026-02-03")]
    [InlineData("context=illegal_drugs", "white-house-meeting-2026-02-03,us-decertification-of-colombia")]
    [InlineData("context=military", "us-military-operation-venezuela")]
    [InlineData("context=negation", "")]
    [InlineData("sector=LEG", "white-house-meeting-2026-02-03")]
    [InlineData("sector=MIL", "us-military-operation-venezuela")]
    [InlineData("sector=GOV", "white-house-meeting-2026-02-03,us-decertification-of-colombia,petro-trip-to-white-house")]
    [InlineData("sector=GOV&actor=colombia", "us-decertification-of-colombia")]
    [InlineData("sector=GOV&from=2026-02-01&to=2026-02-28", "white-house-meeting-2026-02-03")]
    [InlineData("quadClass=1", "white-house-meeting-2026-02-03")]
    [InlineData("quadClass=4", "plaza-bolivar-demonstration-2026-02-03,us-decertification-of-colombia,us-military-operation-venezuela")]
    [InlineData("quadClass=4&context=illegal_drugs&kind=SANCTION", "us-decertification-of-colombia")]
    [InlineData("quadClass=3", "")]
    public async Task Events_filter_by_PLOVER_mode_context_sector_and_quad_class(string query, string expected)
    {
        var page = await GetJson<JsonNode>($"/api/events?{query}&pageSize=100");

        var ids = page["items"]!.AsArray().Select(e => (string)e!["id"]!).ToList();
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, (int?)page["total"]);
    }

    [Theory]
    [InlineData("mode=meeting", "mode")]
    [InlineData("kind=CONSULT&mode=demo", "mode")]
    [InlineData("kind=TRAVEL&mode=visit", "mode")]
    [InlineData("context=refugee", "context")]
    [InlineData("sector=gov", "sector")]
    [InlineData("quadClass=5", "quadClass")]
    [InlineData("kind=DISAPPROVE", "kind")]
    public async Task A_PLOVER_filter_outside_the_manual_is_a_400_naming_it(string query, string field)
    {
        var (response, body) = await Send($"/api/events?{query}");
        using (response)
        {
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
            Assert.True(JsonNode.Parse(body)!["errors"]!.AsObject().ContainsKey(field), body);
        }
    }
}

using System.Net;
using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Tests.Writes.Articles;

namespace DiplomacyGraph.Tests.Writes;

// Claims per source and source retraction, over real HTTP on every store.
public abstract partial class WriteApiContract
{
    private const string Older = "2025-11-03T09:00";
    private const string Newer = "2026-02-20T18:30";

    /// <summary>Two sources on one sanction and its target: their ids, and the documents each gives.</summary>
    private sealed record Dispute(string OlderSource, string NewerSource, string SanctionId, string TargetId, KnowledgeDocument OlderDocument, KnowledgeDocument NewerDocument)
    {
        public string TargetsId => $"{SanctionId}:TARGETS:{TargetId}";

        /// <summary>A claim with the sources named by role, so that disputes with other ids compare.</summary>
        /// <summary>Claims are listed by field, then by source id: the newer source's id ("gazette-…") sorts first here.</summary>
        public string Show(ClaimView c) => $"{c.Field}={c.Value} from {(c.SourceId == OlderSource ? "older" : c.SourceId == NewerSource ? "newer" : c.SourceId)}{(c.Shown ? " (shown)" : "")}";
    }

    private static Dispute NewDispute()
    {
        var (older, newer) = (Unique("ledger-2025-11-03-sanctions"), Unique("gazette-2026-02-20-sanctions"));
        var (sanction, target) = (Unique("financial-sanctions-on-an-adviser"), Unique("adviser"));
        var olderDocument = new KnowledgeDocument
        {
            Source = new SourceRecord { Id = older, Title = "Sanctions announced", Outlet = "ledger.example", Published = Older },
            Actors = [new ActorRecord { Id = target, Kind = "person", Name = "Adviser Uno", Evidence = "An adviser was sanctioned." }],
            Sanctions =
            [
                new SanctionRecord
                {
                    Id = sanction, Kind = "financial", Date = "2025-11-01",
                    Description = "Sanctions were imposed on the adviser; the article does not say what they consist of.", Evidence = "An adviser was sanctioned.",
                },
            ],
            Relationships = [Link("TARGETS", sanction, target, "An adviser was sanctioned.", ("scope", "the adviser"))],
        };
        var newerDocument = new KnowledgeDocument
        {
            Source = new SourceRecord { Id = newer, Title = "What the sanctions are", Outlet = "gazette.example", Published = Newer },
            Actors = [new ActorRecord { Id = target, Kind = "person", Name = "Adviser Uno", Evidence = "The adviser's assets were blocked." }],
            Sanctions =
            [
                new SanctionRecord
                {
                    Id = sanction, Kind = "financial", Program = "ADVISERS-2025",
                    Description = "The adviser's assets in the United States were blocked.", Evidence = "The adviser's assets were blocked.",
                },
            ],
            Relationships = [Link("TARGETS", sanction, target, "The adviser's assets were blocked.", ("scope", "the adviser and his companies"))],
        };
        return new Dispute(older, newer, sanction, target, olderDocument, newerDocument);
    }

    [Fact]
    public async Task Where_two_sources_disagree_the_latest_published_shows_whichever_imports_first_and_the_answer_lists_both()
    {
        var (first, second) = (NewDispute(), NewDispute());
        await Post("/api/import", first.OlderDocument, expect: HttpStatusCode.OK);
        await Post("/api/import", first.NewerDocument, expect: HttpStatusCode.OK);
        await Post("/api/import", second.NewerDocument, expect: HttpStatusCode.OK);
        await Post("/api/import", second.OlderDocument, expect: HttpStatusCode.OK);

        var answers = new List<(ClaimedSanctionView Sanction, ClaimedEdgeView Targets)>();
        foreach (var dispute in new[] { first, second })
        {
            var sanction = await GetJson<ClaimedSanctionView>($"/api/sanctions/{dispute.SanctionId}");
            Assert.Equal("The adviser's assets in the United States were blocked.", sanction.Description);
            // Fields only one source gives stand whatever its rank; the one field they disagree on is listed with both values.
            Assert.Equal(("2025-11-01", "ADVISERS-2025"), (sanction.Date, sanction.Program));
            Assert.Equal(
            [
                "description=The adviser's assets in the United States were blocked. from newer (shown)",
                "description=Sanctions were imposed on the adviser; the article does not say what they consist of. from older",
            ], sanction.Claims!.Select(dispute.Show));
            Assert.Equal([dispute.NewerSource, dispute.OlderSource], sanction.Evidence.Select(e => e.SourceId).Order(StringComparer.Ordinal));
            var targets = await GetJson<ClaimedEdgeView>($"/api/relationships/{dispute.SanctionId}/TARGETS/{dispute.TargetId}");
            Assert.Equal("the adviser and his companies", targets.Properties["scope"].GetString());
            Assert.Equal(["scope=the adviser and his companies from newer (shown)", "scope=the adviser from older"], targets.Claims!.Select(dispute.Show));
            answers.Add((sanction, targets));
        }
        // Both orders of import give the same answers, ids aside.
        Assert.Equal(answers[0].Sanction.Claims!.Select(first.Show), answers[1].Sanction.Claims!.Select(second.Show));
        Assert.Equal(answers[0].Targets.Claims!.Select(first.Show), answers[1].Targets.Claims!.Select(second.Show));

        var all = await GetJson<ClaimedSanctionView>($"/api/sanctions/{first.SanctionId}?claims=all");
        Assert.Equal(
        [
            "date=2025-11-01 from older (shown)",
            "description=The adviser's assets in the United States were blocked. from newer (shown)",
            "description=Sanctions were imposed on the adviser; the article does not say what they consist of. from older",
            "kind=financial from newer (shown)",
            "kind=financial from older (shown)",
            "program=ADVISERS-2025 from newer (shown)",
        ], all.Claims!.Select(first.Show));
        var second2 = await GetJson<ClaimedSanctionView>($"/api/sanctions/{second.SanctionId}?claims=all");
        Assert.Equal(all.Claims!.Select(first.Show), second2.Claims!.Select(second.Show));
    }

    [Fact]
    public async Task A_fact_only_one_source_gives_has_an_empty_claims_list_and_an_unknown_claims_value_answers_400()
    {
        var dispute = NewDispute();
        await Post("/api/import", dispute.OlderDocument, expect: HttpStatusCode.OK);

        Assert.Empty((await GetJson<ClaimedSanctionView>($"/api/sanctions/{dispute.SanctionId}")).Claims!);
        Assert.Equal(["kind=person", "name=Adviser Uno"],
            (await GetJson<ClaimedActorView>($"/api/actors/{dispute.TargetId}?claims=all")).Claims!.Select(c => $"{c.Field}={c.Value}"));
        AssertProblem(await Get($"/api/sanctions/{dispute.SanctionId}?claims=some"), HttpStatusCode.BadRequest, "claims");
    }

    [Fact]
    public async Task Reimporting_either_of_two_disagreeing_documents_reports_everything_unchanged()
    {
        var dispute = NewDispute();
        await Post("/api/import", dispute.OlderDocument, expect: HttpStatusCode.OK);
        await Post("/api/import", dispute.NewerDocument, expect: HttpStatusCode.OK);
        var before = await Get($"/api/sanctions/{dispute.SanctionId}?claims=all", HttpStatusCode.OK);

        foreach (var document in new[] { dispute.OlderDocument, dispute.NewerDocument })
        {
            var again = Read<ImportView>(await Post("/api/import", document), HttpStatusCode.OK);
            Assert.Empty(again.Nodes.Created.Concat(again.Nodes.Updated));
            Assert.Empty(again.Relationships.Created.Concat(again.Relationships.Updated));
            Assert.Contains(dispute.SanctionId, again.Nodes.Unchanged);
            Assert.Equal([dispute.TargetsId], again.Relationships.Unchanged);
        }
        Assert.Equal(before.Body, (await Get($"/api/sanctions/{dispute.SanctionId}?claims=all", HttpStatusCode.OK)).Body);
    }

    [Fact]
    public async Task A_put_replaces_the_claims_of_its_source_only_and_the_latest_published_source_still_shows()
    {
        var dispute = NewDispute();
        await Post("/api/import", dispute.OlderDocument, expect: HttpStatusCode.OK);
        await Post("/api/import", dispute.NewerDocument, expect: HttpStatusCode.OK);

        var put = await Put($"/api/sanctions/{dispute.SanctionId}",
            new SanctionRecordBody(dispute.SanctionId, "financial", "Corrected: sanctions of an unstated kind.", "A correction.", dispute.OlderSource));

        Assert.Equal(HttpStatusCode.OK, put.Status);
        var sanction = await GetJson<ClaimedSanctionView>($"/api/sanctions/{dispute.SanctionId}");
        Assert.Equal("The adviser's assets in the United States were blocked.", sanction.Description);
        Assert.Equal(
        [
            "description=The adviser's assets in the United States were blocked. from newer (shown)",
            "description=Corrected: sanctions of an unstated kind. from older",
        ], sanction.Claims!.Select(dispute.Show));
        // The body is the older source's whole say: the date it gave before is no longer claimed.
        Assert.Null(sanction.Date);
        Assert.Contains(new EvidenceView(dispute.OlderSource, "A correction."), sanction.Evidence);

        await Put($"/api/sanctions/{dispute.SanctionId}",
            new SanctionRecordBody(dispute.SanctionId, "financial", "Blocked assets, and a travel ban.", "A second correction.", dispute.NewerSource));
        Assert.Equal("Blocked assets, and a travel ban.", (await GetJson<ClaimedSanctionView>($"/api/sanctions/{dispute.SanctionId}")).Description);
    }

    [Fact]
    public async Task Retracting_a_source_shows_the_other_sources_values_deletes_what_only_it_supported_and_lists_what_went()
    {
        var dispute = NewDispute();
        var (bystander, critic) = (Unique("bystander"), Unique("commentary-2026-01-05"));
        var newer = dispute.NewerDocument with
        {
            Actors = [new ActorRecord { Id = bystander, Kind = "person", Name = "Bystander Dos", Evidence = "A bystander was named." }],
            Relationships = [.. dispute.NewerDocument.Relationships, Link("TARGETS", dispute.SanctionId, bystander, "A bystander was named.")],
        };
        var commentary = new KnowledgeDocument
        {
            Source = new SourceRecord { Id = critic, Title = "Commentary", Outlet = "opinion.example", Published = "2026-01-05" },
            Relationships = [Link("CRITIC_OF", dispute.TargetId, "gustavo-petro", "The adviser criticised Petro.")],
        };
        await Post("/api/import", dispute.OlderDocument, expect: HttpStatusCode.OK);
        await Post("/api/import", newer, expect: HttpStatusCode.OK);
        await Post("/api/import", commentary, expect: HttpStatusCode.OK);
        var seed = await SeedFingerprint();

        var retracted = Read<RetractionView>(await Delete($"/api/sources/{dispute.NewerSource}?cascade=true"), HttpStatusCode.OK);

        Assert.Equal(dispute.NewerSource, retracted.SourceId);
        Assert.Equal([bystander], retracted.NodesDeleted);
        Assert.Equal([dispute.SanctionId], retracted.NodesUpdated);
        Assert.Equal([$"{dispute.SanctionId}:TARGETS:{bystander}"], retracted.RelationshipsDeleted);
        Assert.Equal([dispute.TargetsId], retracted.RelationshipsUpdated);
        await Get($"/api/sources/{dispute.NewerSource}", HttpStatusCode.NotFound);
        await Get($"/api/actors/{bystander}", HttpStatusCode.NotFound);
        await Get($"/api/relationships/{dispute.SanctionId}/TARGETS/{bystander}", HttpStatusCode.NotFound);
        var sanction = await GetJson<ClaimedSanctionView>($"/api/sanctions/{dispute.SanctionId}?claims=all");
        Assert.Equal("Sanctions were imposed on the adviser; the article does not say what they consist of.", sanction.Description);
        Assert.Null(sanction.Program);
        Assert.All(sanction.Claims!, c => Assert.Equal(dispute.OlderSource, c.SourceId));
        Assert.Equal([dispute.OlderSource], sanction.Evidence.Select(e => e.SourceId));
        var targets = await GetJson<ClaimedEdgeView>($"/api/relationships/{dispute.SanctionId}/TARGETS/{dispute.TargetId}");
        Assert.Equal("the adviser", targets.Properties["scope"].GetString());
        Assert.Empty(targets.Claims!);

        // The older source alone supported the sanction and the adviser: they go, and so does the commentary's tie of the adviser.
        var last = Read<RetractionView>(await Delete($"/api/sources/{dispute.OlderSource}?cascade=true"), HttpStatusCode.OK);

        Assert.Equal(new[] { dispute.TargetId, dispute.SanctionId }.Order(StringComparer.Ordinal), last.NodesDeleted);
        Assert.Empty(last.NodesUpdated);
        Assert.Equal(new[] { $"{dispute.TargetId}:CRITIC_OF:gustavo-petro", dispute.TargetsId }.Order(StringComparer.Ordinal), last.RelationshipsDeleted);
        Assert.Empty(last.RelationshipsUpdated);
        await Get($"/api/sanctions/{dispute.SanctionId}", HttpStatusCode.NotFound);
        await Get($"/api/actors/{dispute.TargetId}", HttpStatusCode.NotFound);
        Assert.Empty((await GetJson<SourceDetailView>($"/api/sources/{critic}")).Edges);
        Assert.Equal(seed, await SeedFingerprint());
        // A source no fact cites any more deletes without cascade.
        Assert.Equal(HttpStatusCode.NoContent, (await Delete($"/api/sources/{critic}")).Status);
    }

    [Fact]
    public async Task A_retraction_that_fails_changes_nothing()
    {
        var dispute = NewDispute();
        await Post("/api/import", dispute.OlderDocument, expect: HttpStatusCode.OK);
        var seed = await SeedFingerprint();
        var before = await Get($"/api/sources/{dispute.OlderSource}", HttpStatusCode.OK);

        AssertProblem(await Delete($"/api/sources/{Unique("no-such-source")}?cascade=true"), HttpStatusCode.NotFound);
        AssertProblem(await Delete($"/api/sources/{dispute.OlderSource}"), HttpStatusCode.Conflict);
        AssertProblem(await Delete($"/api/sources/{dispute.SanctionId}?cascade=true"), HttpStatusCode.NotFound);
        var unauthorised = await Send(HttpMethod.Delete, $"/api/sources/{dispute.OlderSource}?cascade=true", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.Status);

        Assert.Equal(before.Body, (await Get($"/api/sources/{dispute.OlderSource}", HttpStatusCode.OK)).Body);
        Assert.Equal(seed, await SeedFingerprint());
    }
}

#pragma warning disable CA1812 // Instantiated by System.Text.Json.
internal sealed record ClaimView(string Field, JsonElement Value, string SourceId, bool Shown);
internal sealed record ClaimedSanctionView(string Id, string Description, string? Date, string? Program, List<EvidenceView> Evidence, List<ClaimView>? Claims);
internal sealed record ClaimedActorView(string Id, string Name, List<ClaimView>? Claims);
internal sealed record ClaimedEdgeView(string Id, Dictionary<string, JsonElement> Properties, List<EvidenceView> Evidence, List<ClaimView>? Claims);
internal sealed record RetractionView(string SourceId, List<string> NodesDeleted, List<string> NodesUpdated, List<string> RelationshipsDeleted, List<string> RelationshipsUpdated);
#pragma warning restore CA1812

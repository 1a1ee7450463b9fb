using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Tests.Writes.Articles;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// <c>POST /api/import/bulk</c> on every store: an NDJSON stream, each document applied atomically, its outcome reported
/// by line. Each test checks through GETs what reached the graph and what did not.
/// </summary>
public abstract partial class WriteApiContract
{
    private const string Ndjson = "application/x-ndjson";

    [Fact]
    public async Task A_bulk_stream_applies_its_good_documents_and_writes_nothing_of_each_bad_line_reported_by_number()
    {
        var (first, second) = (SmallBriefing(), SmallBriefing());
        var invalid = SmallBriefing();
        var invalidKind = Tree(invalid.Document);
        invalidKind["actors"]![0]!["kind"] = "organisation";
        var unknown = SmallBriefing();
        var nobody = Unique("nobody");
        var unknownRef = unknown.Document with { Relationships = [.. unknown.Document.Relationships, Link("PARTICIPATED_IN", nobody, SeedMeeting, "Nobody was there.")] };
        var conflicting = SmallBriefing();
        // The seed holds colombian-government as an actor; declaring it as a place is a conflict.
        var conflict = conflicting.Document with { Places = [new PlaceRecord { Id = "colombian-government", Name = "Colombian government", Evidence = "A sentence." }] };
        var actorsBefore = await ActorCount();
        var stream = Lines(
            Serialize(first.Document),
            "",
            "{\"source\": {\"id\": ",
            invalidKind.ToJsonString(),
            Serialize(second.Document),
            Serialize(unknownRef),
            Serialize(conflict));

        var result = Read<BulkView>(await PostNdjson("/api/import/bulk", stream), HttpStatusCode.OK);

        Assert.True(result.Errors);
        Assert.Equal([1, 3, 4, 5, 6, 7], result.Items.Select(i => i.Line));
        Assert.Equal([200, 400, 400, 200, 422, 409], result.Items.Select(i => i.Status));
        Assert.Equal(["changed", "failed", "failed", "changed", "failed", "failed"], result.Items.Select(i => i.Result));
        Assert.Equal([first.SourceId, null, invalid.SourceId, second.SourceId, unknown.SourceId, conflicting.SourceId], result.Items.Select(i => i.SourceId));
        Assert.Equal(["body"], result.Items[1].Error!.Errors!.Keys);
        Assert.Equal(["actors[0].kind"], result.Items[2].Error!.Errors!.Keys);
        Assert.Equal([nobody], result.Items[4].Error!.UnknownIds);
        Assert.Contains(result.Items[5].Error!.Conflicts!, c => c.Contains("colombian-government", StringComparison.Ordinal));
        Assert.All(result.Items.Where(i => i.Result == "failed"), i => Assert.Null(i.Nodes));
        Assert.Equal(new CountsView(3, 0, 0), result.Items[0].Nodes);
        Assert.Equal(new CountsView(2, 0, 0), result.Items[0].Relationships);
        Assert.Equal(new TotalsView(6, 2, 0, 4, new CountsView(6, 0, 0), new CountsView(4, 0, 0)), result.Totals);

        foreach (var good in new[] { first, second })
        {
            Assert.Equal(good.ActorId, (await GetJson<ActorView>($"/api/actors/{good.ActorId}")).Id);
            await Get($"/api/sources/{good.SourceId}", HttpStatusCode.OK);
        }
        foreach (var bad in new[] { invalid, unknown, conflicting })
        {
            await Get($"/api/sources/{bad.SourceId}", HttpStatusCode.NotFound);
            await Get($"/api/actors/{bad.ActorId}", HttpStatusCode.NotFound);
            await Get($"/api/events/{bad.EventId}", HttpStatusCode.NotFound);
        }
        Assert.Equal(actorsBefore + 2, await ActorCount());
        Assert.Equal("organization", (await GetJson<ActorView>("/api/actors/colombian-government")).Kind);
    }

    [Fact]
    public async Task Sending_the_same_bulk_stream_again_changes_nothing_and_says_so_line_by_line()
    {
        var briefings = Enumerable.Range(0, 3).Select(_ => SmallBriefing()).ToList();
        var stream = Lines([.. briefings.Select(b => Serialize(b.Document))]);
        var first = Read<BulkView>(await PostNdjson("/api/import/bulk", stream), HttpStatusCode.OK);
        Assert.All(first.Items, i => Assert.Equal("changed", i.Result));
        var actorsBefore = await ActorCount();
        var petroBefore = await GetJson<ActorView>("/api/actors/gustavo-petro");

        var again = Read<BulkView>(await PostNdjson("/api/import/bulk", stream), HttpStatusCode.OK);

        Assert.False(again.Errors);
        Assert.All(again.Items, i => Assert.Equal(("unchanged", 200), (i.Result, i.Status)));
        Assert.Equal(new TotalsView(3, 0, 3, 0, new CountsView(0, 0, 9), new CountsView(0, 0, 6)), again.Totals);
        Assert.Equal(first.Totals.Nodes.Created + first.Totals.Nodes.Updated, again.Totals.Nodes.Unchanged);
        Assert.Equal(actorsBefore, await ActorCount());
        Assert.Equal(petroBefore.Evidence, (await GetJson<ActorView>("/api/actors/gustavo-petro")).Evidence);
    }

    [Fact]
    public async Task A_bulk_import_lists_each_documents_ids_only_when_asked()
    {
        var (plain, withIds) = (SmallBriefing(), SmallBriefing());

        var counted = Read<BulkView>(await PostNdjson("/api/import/bulk", Lines(Serialize(plain.Document))), HttpStatusCode.OK);
        var listed = Read<BulkView>(await PostNdjson("/api/import/bulk?ids=true", Lines(Serialize(withIds.Document))), HttpStatusCode.OK);

        Assert.Null(Assert.Single(counted.Items).Ids);
        var ids = Assert.Single(listed.Items).Ids!;
        Assert.Equal(new[] { withIds.SourceId, withIds.ActorId, withIds.EventId }.Order(StringComparer.Ordinal), ids.Nodes.Created.Order(StringComparer.Ordinal));
        Assert.Empty(ids.Nodes.Updated);
        Assert.Equal(withIds.Document.Relationships.Select(EdgeId).Order(StringComparer.Ordinal), ids.Relationships.Created.Order(StringComparer.Ordinal));
        // The single import still lists its ids, as before.
        var single = Read<ImportView>(await Post("/api/import", SmallBriefing().Document), HttpStatusCode.OK);
        Assert.Equal(3, single.Nodes.Created.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_line_over_the_document_limit_is_that_lines_413_and_the_lines_after_it_are_still_applied(bool declaresLength)
    {
        var bulk = await Service(WriteService.Bulk);
        var (before, large, after) = (SmallBriefing(), SmallBriefing(), SmallBriefing());
        var padded = large.Document with { Events = [large.Document.Events[0] with { Description = new string('x', 4000) }] };
        Assert.True(Encoding.UTF8.GetByteCount(Serialize(padded)) > WriteHost.BulkMaxDocumentBytes);

        var result = Read<BulkView>(await PostNdjson("/api/import/bulk", Lines(Serialize(before.Document), Serialize(padded), Serialize(after.Document)), bulk, declaresLength), HttpStatusCode.OK);

        Assert.Equal([(1, 200), (2, 413), (3, 200)], result.Items.Select(i => (i.Line, i.Status)));
        Assert.Null(result.Items[1].SourceId);
        Assert.Contains($"{WriteHost.BulkMaxDocumentBytes}", result.Items[1].Error!.Detail, StringComparison.Ordinal);
        await Send(HttpMethod.Get, $"/api/sources/{large.SourceId}", key: null, via: bulk, expect: HttpStatusCode.NotFound);
        await Send(HttpMethod.Get, $"/api/sources/{after.SourceId}", key: null, via: bulk, expect: HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_streamed_body_over_the_total_limit_answers_413_listing_the_documents_applied_before_it()
    {
        var bulk = await Service(WriteService.Bulk);
        var briefings = new List<Briefed>();
        var lines = new List<string>();
        while (Encoding.UTF8.GetByteCount(string.Concat(lines.Select(l => l + "\n"))) <= WriteHost.BulkMaxTotalBytes)
        {
            var briefing = SmallBriefing();
            briefings.Add(briefing);
            lines.Add(Serialize(briefing.Document with { Events = [briefing.Document.Events[0] with { Description = new string('d', 2500) }] }));
        }
        Assert.True(lines.Count <= WriteHost.BulkMaxDocuments, "The stream must reach the byte limit before the document limit.");
        // The documents whose lines end within the limit.
        var within = Enumerable.Range(1, lines.Count).Count(n => Encoding.UTF8.GetByteCount(string.Concat(lines.Take(n).Select(l => l + "\n"))) <= WriteHost.BulkMaxTotalBytes);

        var problem = AssertProblem(await PostNdjson("/api/import/bulk", Lines([.. lines]), bulk, declaresLength: false), HttpStatusCode.RequestEntityTooLarge);

        var items = problem.GetProperty("items").Deserialize<List<OutcomeView>>(BulkWire)!;
        Assert.True(items.Count == within, $"expected {within} outcomes: {problem.GetProperty("detail").GetString()}");
        Assert.Equal(Enumerable.Range(1, within), items.Select(i => i.Line));
        Assert.All(items, i => Assert.Equal("changed", i.Result));
        Assert.Equal(within, problem.GetProperty("totals").GetProperty("changed").GetInt32());
        foreach (var (briefing, index) in briefings.Select((b, i) => (b, i)))
        {
            await Send(HttpMethod.Get, $"/api/sources/{briefing.SourceId}", key: null, via: bulk,
                expect: index < within ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_body_declaring_a_length_over_the_total_limit_answers_413_before_anything_is_applied()
    {
        var bulk = await Service(WriteService.Bulk);
        var first = SmallBriefing();
        var stream = Lines(Serialize(first.Document)) + new string(' ', WriteHost.BulkMaxTotalBytes);

        var problem = AssertProblem(await PostNdjson("/api/import/bulk", stream, bulk), HttpStatusCode.RequestEntityTooLarge);

        Assert.Empty(problem.GetProperty("items").EnumerateArray());
        await Send(HttpMethod.Get, $"/api/sources/{first.SourceId}", key: null, via: bulk, expect: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stream_with_more_documents_than_allowed_answers_413_after_applying_the_allowed_number()
    {
        var bulk = await Service(WriteService.Bulk);
        var sources = Enumerable.Range(0, WriteHost.BulkMaxDocuments + 2).Select(_ => Unique("bulk-note")).ToList();
        var stream = Lines([.. sources.Select(id => Serialize(new KnowledgeDocument { Source = new SourceRecord { Id = id, Title = "A note", Outlet = "notes.example", Published = "2026-02-12" } }))]);

        var problem = AssertProblem(await PostNdjson("/api/import/bulk", stream, bulk), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(WriteHost.BulkMaxDocuments, problem.GetProperty("items").GetArrayLength());
        Assert.Contains($"line {WriteHost.BulkMaxDocuments + 1}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            await Send(HttpMethod.Get, $"/api/sources/{sources[i]}", key: null, via: bulk,
                expect: i < WriteHost.BulkMaxDocuments ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_bulk_stream_whose_every_document_fails_answers_400_by_line_and_writes_nothing()
    {
        var briefing = SmallBriefing();
        var tree = Tree(briefing.Document);
        tree["actors"]![0]!["alias"] = "Restrepo";
        var actorsBefore = await ActorCount();

        var problem = AssertProblem(await PostNdjson("/api/import/bulk", Lines("not json", "", tree.ToJsonString())), HttpStatusCode.BadRequest,
            "line 1: body", "line 3: actors[0].alias");

        Assert.Equal(2, problem.GetProperty("totals").GetProperty("failed").GetInt32());
        Assert.Equal([1, 3], problem.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("line").GetInt32()));
        await Get($"/api/sources/{briefing.SourceId}", HttpStatusCode.NotFound);
        Assert.Equal(actorsBefore, await ActorCount());
        AssertProblem(await PostNdjson("/api/import/bulk", "\n \n"), HttpStatusCode.BadRequest, "body");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/x-ndjson; charset=latin1")]
    public async Task A_bulk_body_of_another_media_type_answers_415_and_writes_nothing(string mediaType)
    {
        var briefing = SmallBriefing();
        using var content = new StringContent(Lines(Serialize(briefing.Document)), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);

        var problem = AssertProblem(await Send(HttpMethod.Post, "/api/import/bulk", content), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains(Ndjson, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Get($"/api/sources/{briefing.SourceId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bulk_import_without_an_api_key_answers_401_and_writes_nothing()
    {
        var briefing = SmallBriefing();
        using var content = new StringContent(Lines(Serialize(briefing.Document)), Encoding.UTF8, Ndjson);

        var reply = await Send(HttpMethod.Post, "/api/import/bulk", content, key: null);

        AssertProblem(reply, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", reply.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await Get($"/api/sources/{briefing.SourceId}", HttpStatusCode.NotFound);
    }

    // ================================================================ bulk helpers

    private static readonly JsonSerializerOptions BulkWire = new(JsonSerializerDefaults.Web);

    /// <summary>A small briefing with its own source, actor and event, linking Petro to the event.</summary>
    private sealed record Briefed(KnowledgeDocument Document, string SourceId, string ActorId, string EventId);

    private static Briefed SmallBriefing()
    {
        var (source, actor, meeting) = (Unique("bulk-briefing"), Unique("bulk-analyst"), Unique("bulk-session"));
        return new Briefed(Briefing(source, actor, meeting, "The analyst attended the session with Petro."), source, actor, meeting);
    }

    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    private async Task<Reply> PostNdjson(string url, string stream, HttpClient? via = null, bool declaresLength = true)
    {
        var bytes = Encoding.UTF8.GetBytes(stream);
        HttpContent content = declaresLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue(Ndjson);
        using (content)
        {
            return await Send(HttpMethod.Post, url, content, via: via, chunked: !declaresLength);
        }
    }

#pragma warning disable CA1812 // Instantiated by System.Text.Json.
    private sealed record CountsView(int Created, int Updated, int Unchanged);
    private sealed record BulkIdsView(ChangesView Nodes, ChangesView Relationships);
    private sealed record BulkErrorView(int Status, string Title, string Detail, Dictionary<string, string[]>? Errors, List<string>? Conflicts, List<string>? UnknownIds, List<string>? Problems);
    private sealed record OutcomeView(int Line, int Status, string Result, string? SourceId, CountsView? Nodes, CountsView? Relationships, BulkIdsView? Ids, BulkErrorView? Error);
    private sealed record TotalsView(int Documents, int Changed, int Unchanged, int Failed, CountsView Nodes, CountsView Relationships);
    private sealed record BulkView(bool Errors, List<OutcomeView> Items, TotalsView Totals);
#pragma warning restore CA1812
}

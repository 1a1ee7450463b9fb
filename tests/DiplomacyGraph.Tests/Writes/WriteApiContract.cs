using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Api;
using static DiplomacyGraph.Tests.Writes.Articles;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// The write side over real HTTP, one contract for every store: import, per-resource writes, write access,
/// concurrency. A subclass only says how to start the service (<see cref="CreateFactoryAsync"/>).
/// Every test makes its own ids; tests that refuse a write check with GETs that nothing was written.
/// </summary>
public abstract partial class WriteApiContract(WriteHost host) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    private HttpClient client = null!;

    /// <summary>
    /// A service on the store under test with these settings. <paramref name="service"/> is
    /// <see cref="WriteService.Main"/> for the first service of the class, which must start from the seed alone.
    /// </summary>
    protected abstract Task<DiplomacyGraphFactory> CreateFactoryAsync(WriteService service, IDictionary<string, string?> settings);

    public async Task InitializeAsync() => client = await Service(WriteService.Main);

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> Service(WriteService service) =>
        host.ClientAsync(service, s => CreateFactoryAsync(s, WriteHost.Settings(s)));

    // ================================================================ import: a second article

    [Fact]
    public async Task A_second_article_imports_and_links_to_the_seed_actors_without_duplicating_them()
    {
        var article = FollowUpMeeting();
        var actorsBefore = await ActorCount();

        var result = Read<ImportView>(await Post("/api/import", article.Document), HttpStatusCode.OK);

        Assert.Equal(article.SourceId, result.SourceId);
        Assert.Equal(article.NewNodeIds.Order(StringComparer.Ordinal), result.Nodes.Created.Order(StringComparer.Ordinal));
        Assert.Equal(FollowUp.SeedActorIds.Order(StringComparer.Ordinal), result.Nodes.Updated.Order(StringComparer.Ordinal));
        Assert.Empty(result.Nodes.Unchanged);
        var office = "marco-rubio:HOLDS_OFFICE:united-states";
        Assert.Equal([office], result.Relationships.Updated);
        Assert.Equal(article.Document.Relationships.Select(EdgeId).Where(id => id != office).Order(StringComparer.Ordinal),
            result.Relationships.Created.Order(StringComparer.Ordinal));

        // Only the envoy is a new actor; Petro, Rubio and the United States are the seed's nodes.
        Assert.Equal(actorsBefore + 1, await ActorCount());
        var rubios = await GetJson<PageView<ActorView>>("/api/actors?q=rubio");
        Assert.Equal("marco-rubio", Assert.Single(rubios.Items).Id);
        var petro = await GetJson<ActorView>("/api/actors/gustavo-petro");
        Assert.Equal("Gustavo Petro", petro.Name);
        Assert.False(string.IsNullOrEmpty(petro.Description), "A document without a description must keep the seed's.");
        var envoy = await GetJson<ActorView>($"/api/actors/{article.EnvoyId}");
        Assert.Equal(("John McNamara", "person"), (envoy.Name, envoy.Kind));
        Assert.Equal([new EvidenceView(article.SourceId, DelegationSentence)], envoy.Evidence);
    }

    [Fact]
    public async Task Co_participants_and_shortest_paths_cross_both_documents_as_soon_as_the_import_answers()
    {
        var article = FollowUpMeeting();

        await Post("/api/import", article.Document, expect: HttpStatusCode.OK);

        var coParticipants = (await GetJson<CappedView<CoParticipantView>>("/api/actors/gustavo-petro/co-participants")).Items;
        var rubio = Assert.Single(coParticipants, c => c.Actor.Id == "marco-rubio");
        Assert.Superset(new HashSet<string> { SeedMeeting, article.MeetingId }, rubio.Events.Select(e => e.Id).ToHashSet());
        var envoy = Assert.Single(coParticipants, c => c.Actor.Id == article.EnvoyId);
        Assert.Equal([article.MeetingId], envoy.Events.Select(e => e.Id));
        Assert.Contains(coParticipants, c => c.Actor.Id == "rosa-villavicencio" && c.Events.Any(e => e.Id == SeedMeeting));

        // The envoy is only in the second article, Villavicencio only in the seed.
        var path = await GetJson<PathView>($"/api/paths/shortest?from={article.EnvoyId}&to=rosa-villavicencio");
        Assert.True(path.Found);
        Assert.Equal([article.EnvoyId, article.MeetingId, SeedMeeting, "rosa-villavicencio"], path.Nodes.Select(n => n.Id));
        Assert.Equal(3, path.Length);
        Assert.Contains(path.Edges[0].Evidence, e => e.SourceId == article.SourceId);
        Assert.Contains(path.Edges[^1].Evidence, e => e.SourceId == SeedSource);
    }

    [Fact]
    public async Task A_fact_both_articles_report_shows_both_evidence_sentences()
    {
        var article = FollowUpMeeting();

        await Post("/api/import", article.Document, expect: HttpStatusCode.OK);

        var office = await GetJson<EdgeView>("/api/relationships/marco-rubio/HOLDS_OFFICE/united-states");
        Assert.Contains(new EvidenceView(SeedSource, SeedRubioSentence), office.Evidence);
        Assert.Contains(new EvidenceView(article.SourceId, MeetingSentence), office.Evidence);
        Assert.Equal("Secretary of State", office.Properties["title"].GetString());
        var rubio = await GetJson<ActorView>("/api/actors/marco-rubio");
        Assert.Contains(new EvidenceView(SeedSource, SeedRubioSentence), rubio.Evidence);
        Assert.Contains(new EvidenceView(article.SourceId, MeetingSentence), rubio.Evidence);
        var source = await GetJson<SourceDetailView>($"/api/sources/{article.SourceId}");
        Assert.Equal("andes-wire.example", source.Source.Outlet);
        Assert.Equal([MeetingSentence], Assert.Single(source.Nodes, n => n.Node.Id == "marco-rubio").Sentences);
        Assert.Contains(source.Edges, e => e.Id == "marco-rubio:HOLDS_OFFICE:united-states");
    }

    [Fact]
    public async Task Importing_the_same_document_again_changes_nothing()
    {
        var article = FollowUpMeeting();
        await Post("/api/import", article.Document, expect: HttpStatusCode.OK);
        var officeBefore = await GetJson<EdgeView>("/api/relationships/marco-rubio/HOLDS_OFFICE/united-states");
        var actorsBefore = await ActorCount();

        var again = Read<ImportView>(await Post("/api/import", article.Document), HttpStatusCode.OK);

        Assert.Empty(again.Nodes.Created);
        Assert.Empty(again.Nodes.Updated);
        Assert.Equal(article.NewNodeIds.Concat(FollowUp.SeedActorIds).Order(StringComparer.Ordinal), again.Nodes.Unchanged.Order(StringComparer.Ordinal));
        Assert.Empty(again.Relationships.Created);
        Assert.Empty(again.Relationships.Updated);
        Assert.Equal(article.Document.Relationships.Select(EdgeId).Order(StringComparer.Ordinal), again.Relationships.Unchanged.Order(StringComparer.Ordinal));
        Assert.Equal(actorsBefore, await ActorCount());
        Assert.Equal(officeBefore.Evidence, (await GetJson<EdgeView>("/api/relationships/marco-rubio/HOLDS_OFFICE/united-states")).Evidence);
    }

    [Fact]
    public async Task Importing_into_existing_ids_keeps_old_values_the_document_omits_unions_lists_and_adds_evidence()
    {
        var (actor, meeting) = (Unique("camila-restrepo"), Unique("extradition-session"));
        var (first, second) = (Unique("briefing-one"), Unique("briefing-two"));
        await Post("/api/import", Briefing(first, actor, meeting, "Camila Restrepo attended the working session.", "Restrepo"), expect: HttpStatusCode.OK);
        var later = Briefing(second, actor, meeting, "Restrepo, a senior adviser, led the Colombian side.", "Camila");
        later = later with
        {
            Actors = [later.Actors[0] with { Name = "Camila Restrepo Gómez", Description = "Senior adviser to the Colombian presidency." }],
            Events = [later.Events[0] with { Date = null, Mode = "phone" }],
        };

        var result = Read<ImportView>(await Post("/api/import", later), HttpStatusCode.OK);

        Assert.Equal([second], result.Nodes.Created);
        Assert.Equal(new[] { actor, meeting }.Order(StringComparer.Ordinal), result.Nodes.Updated.Order(StringComparer.Ordinal));
        var merged = await GetJson<ActorView>($"/api/actors/{actor}");
        Assert.Equal("Camila Restrepo Gómez", merged.Name);
        Assert.Equal("Senior adviser to the Colombian presidency.", merged.Description);
        Assert.Equal(["Restrepo", "Camila"], merged.Aliases);
        Assert.Equal([first, second], merged.Evidence.Select(e => e.SourceId));
        var session = await GetJson<EventView>($"/api/events/{meeting}");
        Assert.Equal(("2026-02-11", "phone"), (session.Date, session.Mode));
        Assert.Equal(2, session.Evidence.Count);
    }

    // ================================================================ import: refused documents write nothing

    [Fact]
    public async Task A_document_whose_last_relationship_has_an_unknown_type_answers_400_with_its_path_and_writes_nothing()
    {
        var article = FollowUpMeeting();
        var document = article.EndingWith(Link("FRIEND_OF", "gustavo-petro", "marco-rubio", MeetingSentence));
        var actorsBefore = await ActorCount();

        var problem = AssertProblem(await Post("/api/import", document), HttpStatusCode.BadRequest,
            $"relationships[{document.Relationships.Count - 1}].type");

        Assert.Contains("HOLDS_OFFICE", ErrorText(problem), StringComparison.Ordinal);
        await AssertNothingWritten(article, actorsBefore);
    }

    [Fact]
    public async Task A_document_with_a_property_the_format_lacks_answers_400_keyed_by_its_json_path_and_writes_nothing()
    {
        var article = FollowUpMeeting();
        var tree = Tree(article.Document);
        tree["actors"]![3]!["alias"] = "McNamara";
        var actorsBefore = await ActorCount();

        var problem = AssertProblem(await PostJson("/api/import", tree.ToJsonString()), HttpStatusCode.BadRequest, "actors[3].alias");

        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);
        await AssertNothingWritten(article, actorsBefore);
    }

    [Fact]
    public async Task A_document_declaring_an_id_the_graph_holds_as_another_kind_answers_409_and_writes_nothing()
    {
        var article = FollowUpMeeting();
        var document = article.Document with
        {
            Places = [new PlaceRecord { Id = "colombian-government", Name = "Colombian government", Evidence = MeetingSentence }],
        };
        var actorsBefore = await ActorCount();

        var problem = AssertProblem(await Post("/api/import", document), HttpStatusCode.Conflict);

        Assert.Contains("colombian-government", problem.GetProperty("conflicts").GetRawText(), StringComparison.Ordinal);
        await AssertNothingWritten(article, actorsBefore);
        Assert.Equal("organization", (await GetJson<ActorView>("/api/actors/colombian-government")).Kind);
    }

    [Fact]
    public async Task A_document_whose_last_relationship_names_unknown_ids_answers_422_naming_every_one_and_writes_nothing()
    {
        var article = FollowUpMeeting();
        var (nobody, nowhere) = (Unique("nobody"), Unique("no-such-meeting"));
        var document = article.EndingWith(Link("PARTICIPATED_IN", nobody, nowhere, MeetingSentence));
        var actorsBefore = await ActorCount();

        var problem = AssertProblem(await Post("/api/import", document), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(new[] { nobody, nowhere }.Order(StringComparer.Ordinal),
            problem.GetProperty("unknownIds").EnumerateArray().Select(i => i.GetString()));
        await AssertNothingWritten(article, actorsBefore);
    }

    [Fact]
    public async Task A_document_whose_last_relationship_cannot_join_an_existing_node_answers_422_with_the_problem_and_writes_nothing()
    {
        var article = FollowUpMeeting();
        // The White House is a place the seed holds; only actors take part in events.
        var document = article.EndingWith(Link("PARTICIPATED_IN", "white-house", article.MeetingId, MeetingSentence));
        var actorsBefore = await ActorCount();

        var problem = AssertProblem(await Post("/api/import", document), HttpStatusCode.UnprocessableEntity);

        var message = Assert.Single(problem.GetProperty("problems").EnumerateArray()).GetString();
        Assert.Contains("'white-house'", message, StringComparison.Ordinal);
        Assert.Contains("Actor", message, StringComparison.Ordinal);
        await AssertNothingWritten(article, actorsBefore);
    }

    // ================================================================ write access

    public static TheoryData<string, string> WriteEndpoints => new()
    {
        { "POST", "/api/import" },
        { "POST", "/api/actors" },
        { "PUT", "/api/actors/gustavo-petro" },
        { "DELETE", "/api/actors/gustavo-petro?cascade=true" },
        { "POST", "/api/events" },
        { "POST", "/api/sanctions" },
        { "POST", "/api/statements" },
        { "POST", "/api/sources" },
        { "DELETE", "/api/sources/vermelho-2026-02-04-petro-trump" },
        { "POST", "/api/relationships" },
        { "DELETE", "/api/relationships/marco-rubio/HOLDS_OFFICE/united-states" },
    };

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task A_write_without_an_api_key_answers_401_with_a_challenge_and_writes_nothing(string method, string url)
    {
        var (body, written) = Probe(method, url);
        var before = await SeedFingerprint();

        var reply = await Send(new HttpMethod(method), url, body is null ? null : Json(body), key: null);

        AssertProblem(reply, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", reply.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.False(await written(), $"{method} {url} without a key wrote something.");
        Assert.Equal(before, await SeedFingerprint());
    }

    [Fact]
    public async Task A_wrong_api_key_answers_the_same_401_as_none_without_hinting_at_the_keys()
    {
        var article = FollowUpMeeting();

        var missing = await Send(HttpMethod.Post, "/api/import", Json(article.Document), key: null);
        var wrong = await Send(HttpMethod.Post, "/api/import", Json(article.Document), key: "test-kez");

        var (a, b) = (AssertProblem(missing, HttpStatusCode.Unauthorized), AssertProblem(wrong, HttpStatusCode.Unauthorized));
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal(missing.Headers.WwwAuthenticate.ToString(), wrong.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain(WriteHost.Key, wrong.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(WriteHost.OtherKey, wrong.Body, StringComparison.Ordinal);
        await Get($"/api/sources/{article.SourceId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_configured_key_may_write_and_reads_need_no_key()
    {
        var id = Unique("analyst-check");

        await Send(HttpMethod.Post, "/api/actors", Json(ActorBody(id)), key: WriteHost.OtherKey, expect: HttpStatusCode.Created);

        var read = await Send(HttpMethod.Get, $"/api/actors/{id}", key: null, expect: HttpStatusCode.OK);
        Assert.Equal(id, Read<ActorView>(read, HttpStatusCode.OK).Id);
        await Send(HttpMethod.Get, "/api/actors/gustavo-petro", key: "not-a-key", expect: HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_no_api_key_configured_writes_are_disabled_with_403_and_reads_still_answer()
    {
        var closed = await Service(WriteService.Closed);
        var id = Unique("disabled-check");

        var reply = await Send(HttpMethod.Post, "/api/actors", Json(ActorBody(id)), key: WriteHost.Key, via: closed);

        var problem = AssertProblem(reply, HttpStatusCode.Forbidden);
        Assert.Contains("disabled", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        await Send(HttpMethod.Get, $"/api/actors/{id}", key: null, via: closed, expect: HttpStatusCode.NotFound);
        await Send(HttpMethod.Get, "/api/actors/gustavo-petro", key: null, via: closed, expect: HttpStatusCode.OK);
    }

    [Fact]
    public async Task Writes_beyond_the_per_key_rate_answer_429_with_Retry_After_and_write_nothing()
    {
        var strict = await Service(WriteService.Strict);
        for (var i = 0; i < WriteHost.StrictPermitsPerMinute; i++)
        {
            await Send(HttpMethod.Post, "/api/actors", Json(ActorBody(Unique("within-rate"))), key: WriteHost.BurstKey, via: strict, expect: HttpStatusCode.Created);
        }
        var over = Unique("over-rate");

        var reply = await Send(HttpMethod.Post, "/api/actors", Json(ActorBody(over)), key: WriteHost.BurstKey, via: strict);

        AssertProblem(reply, HttpStatusCode.TooManyRequests);
        var retryAfter = Assert.Single(reply.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        await Send(HttpMethod.Get, $"/api/actors/{over}", key: WriteHost.BurstKey, via: strict, expect: HttpStatusCode.NotFound);
        // The limit is per key; another key still writes.
        await Send(HttpMethod.Post, "/api/actors", Json(ActorBody(Unique("other-key"))), key: WriteHost.CalmKey, via: strict, expect: HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_cap_answers_413_and_writes_nothing(bool declaresLength)
    {
        var strict = await Service(WriteService.Strict);
        var article = FollowUpMeeting();
        // Still a valid document (descriptions may hold 4000 characters), only too large for this service.
        var padding = new string('x', 4000);
        var document = article.Document with
        {
            Actors = [.. article.Document.Actors.Take(3), article.Document.Actors[3] with { Description = padding }],
            Events = [article.Document.Events[0] with { Description = padding }],
        };
        var bytes = Encoding.UTF8.GetBytes(Serialize(document));
        Assert.True(bytes.Length > WriteHost.StrictMaxBodyBytes);
        HttpContent content = declaresLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var reply = await Send(HttpMethod.Post, "/api/import", content, key: WriteHost.SizeKey, via: strict);

        AssertProblem(reply, HttpStatusCode.RequestEntityTooLarge);
        await Send(HttpMethod.Get, $"/api/sources/{article.SourceId}", key: null, via: strict, expect: HttpStatusCode.NotFound);
        await Send(HttpMethod.Get, $"/api/events/{article.MeetingId}", key: null, via: strict, expect: HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/import", "text/plain")]
    [InlineData("/api/actors", "application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_json_answers_415_and_writes_nothing(string url, string mediaType)
    {
        var article = FollowUpMeeting();
        var id = Unique("form-posted");
        var text = url == "/api/import" ? Serialize(article.Document) : Serialize(ActorBody(id));

        var reply = await Send(HttpMethod.Post, url, new StringContent(text, Encoding.UTF8, mediaType));

        AssertProblem(reply, HttpStatusCode.UnsupportedMediaType);
        await Get($"/api/sources/{article.SourceId}", HttpStatusCode.NotFound);
        await Get($"/api/actors/{id}", HttpStatusCode.NotFound);
    }

    // ================================================================ per-resource writes

    public static TheoryData<string> Resources => new() { "actors", "events", "sanctions", "statements", "sources", "relationships" };

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Creating_answers_201_with_a_Location_that_serves_what_was_created(string resource)
    {
        var (url, body, id) = await NewResource(resource);

        var reply = await Post(url, body);

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var location = reply.Headers.Location?.OriginalString;
        Assert.False(string.IsNullOrEmpty(location), $"POST {url} gave no Location.");
        Assert.Equal(id, JsonDocument.Parse(reply.Body).RootElement.GetProperty("id").GetString());
        var served = JsonDocument.Parse((await Get(location, HttpStatusCode.OK)).Body).RootElement;
        // A source is served with the facts it supports, its own fields under "source".
        Assert.Equal(id, (resource == "sources" ? served.GetProperty("source") : served).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("gustavo-petro")]
    [InlineData("white-house")]
    public async Task Creating_an_actor_whose_id_is_taken_answers_409_and_changes_nothing(string id)
    {
        var before = await Get($"/api/sources/{SeedSource}", HttpStatusCode.OK);

        var reply = await Post("/api/actors", ActorBody(id) with { Name = "Someone Else" });

        AssertProblem(reply, HttpStatusCode.Conflict);
        Assert.Equal(before.Body, (await Get($"/api/sources/{SeedSource}", HttpStatusCode.OK)).Body);
    }

    [Fact]
    public async Task A_write_citing_an_unknown_source_answers_422_naming_it_and_writes_nothing()
    {
        var id = Unique("unsourced");
        var source = Unique("no-such-source");
        var existing = Unique("replaced-unsourced");
        await Post("/api/actors", ActorBody(existing), expect: HttpStatusCode.Created);

        var created = await Post("/api/actors", ActorBody(id) with { SourceId = source });
        var replaced = await Put($"/api/actors/{existing}", ActorBody(existing) with { Name = "Renamed", SourceId = source });

        foreach (var reply in new[] { created, replaced })
        {
            var problem = AssertProblem(reply, HttpStatusCode.UnprocessableEntity);
            Assert.Equal([source], problem.GetProperty("unknownIds").EnumerateArray().Select(i => i.GetString()));
        }
        await Get($"/api/actors/{id}", HttpStatusCode.NotFound);
        Assert.Equal("Ana Lucía Ortiz", (await GetJson<ActorView>($"/api/actors/{existing}")).Name);
    }

    [Fact]
    public async Task An_invalid_actor_answers_400_naming_the_field_and_writes_nothing()
    {
        var id = Unique("invalid-kind");

        var problem = AssertProblem(await Post("/api/actors", ActorBody(id) with { Kind = "Person" }), HttpStatusCode.BadRequest, "kind");

        Assert.Contains("person", ErrorText(problem), StringComparison.Ordinal);
        await Get($"/api/actors/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_actor_body_with_a_property_the_format_lacks_answers_400_keyed_by_it()
    {
        var id = Unique("typo");
        var body = JsonSerializer.SerializeToNode(ActorBody(id), Articles.Json)!.AsObject();
        body["alias"] = "Ortiz";

        AssertProblem(await PostJson("/api/actors", body.ToJsonString()), HttpStatusCode.BadRequest, "alias");

        await Get($"/api/actors/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Replacing_an_actor_replaces_its_properties_and_adds_the_new_evidence_to_the_old()
    {
        var id = Unique("ana-lucia-ortiz");
        await Post("/api/actors", ActorBody(id) with { Aliases = ["Ortiz"], Description = "Colombian negotiator." }, expect: HttpStatusCode.Created);
        var replacement = ActorBody(id) with { Name = "Ana Lucía Ortiz Peña", Aliases = ["Ortiz Peña"], Description = null, Evidence = SeedRubioSentence };

        var reply = await Put($"/api/actors/{id}", replacement);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var actor = await GetJson<ActorView>($"/api/actors/{id}");
        Assert.Equal("Ana Lucía Ortiz Peña", actor.Name);
        Assert.Equal(["Ortiz Peña"], actor.Aliases);
        Assert.Null(actor.Description);
        Assert.Equal([new EvidenceView(SeedSource, SeedOpeningSentence), new EvidenceView(SeedSource, SeedRubioSentence)], actor.Evidence);
    }

    [Fact]
    public async Task Replacing_an_actor_that_does_not_exist_answers_404_and_creates_nothing()
    {
        var id = Unique("never-created");

        AssertProblem(await Put($"/api/actors/{id}", ActorBody(id)), HttpStatusCode.NotFound);

        await Get($"/api/actors/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Replacing_with_a_body_whose_id_differs_from_the_url_answers_400_and_changes_nothing()
    {
        var (id, other) = (Unique("url-id"), Unique("body-id"));
        await Post("/api/actors", ActorBody(id), expect: HttpStatusCode.Created);

        AssertProblem(await Put($"/api/actors/{id}", ActorBody(other) with { Name = "Renamed" }), HttpStatusCode.BadRequest, "id");

        Assert.Equal("Ana Lucía Ortiz", (await GetJson<ActorView>($"/api/actors/{id}")).Name);
        await Get($"/api/actors/{other}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_an_actor_answers_204_and_then_404()
    {
        var id = Unique("to-delete");
        await Post("/api/actors", ActorBody(id), expect: HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await Delete($"/api/actors/{id}")).Status);

        await Get($"/api/actors/{id}", HttpStatusCode.NotFound);
        AssertProblem(await Delete($"/api/actors/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_an_actor_with_relationships_answers_409_unless_cascade_deletes_them_too()
    {
        var id = Unique("linked");
        await Post("/api/actors", ActorBody(id), expect: HttpStatusCode.Created);
        await Post("/api/relationships", RelationshipBody("PARTICIPATED_IN", id, SeedMeeting), expect: HttpStatusCode.Created);
        var edge = $"/api/relationships/{id}/PARTICIPATED_IN/{SeedMeeting}";

        var refused = AssertProblem(await Delete($"/api/actors/{id}"), HttpStatusCode.Conflict);
        Assert.Contains("cascade", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Get($"/api/actors/{id}", HttpStatusCode.OK);
        await Get(edge, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await Delete($"/api/actors/{id}?cascade=true")).Status);
        await Get($"/api/actors/{id}", HttpStatusCode.NotFound);
        await Get(edge, HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, (await Get($"/api/events/{SeedMeeting}", HttpStatusCode.OK)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_cited_by_facts_cannot_be_deleted_but_an_uncited_one_can()
    {
        var uncited = Unique("uncited-source");
        await Post("/api/sources", SourceBody(uncited), expect: HttpStatusCode.Created);

        AssertProblem(await Delete($"/api/sources/{SeedSource}"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await Delete($"/api/sources/{uncited}")).Status);

        await Get($"/api/sources/{SeedSource}", HttpStatusCode.OK);
        await Get($"/api/sources/{uncited}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_created_relationship_is_served_with_its_evidence_and_cannot_be_created_twice()
    {
        var id = Unique("observer");
        await Post("/api/actors", ActorBody(id), expect: HttpStatusCode.Created);
        var body = RelationshipBody("PARTICIPATED_IN", id, SeedMeeting, ("role", "observer"), ("side", "colombia"));

        await Post("/api/relationships", body, expect: HttpStatusCode.Created);
        var again = await Post("/api/relationships", body with { Evidence = SeedRubioSentence });

        AssertProblem(again, HttpStatusCode.Conflict);
        var edge = await GetJson<EdgeView>($"/api/relationships/{id}/PARTICIPATED_IN/{SeedMeeting}");
        Assert.Equal("observer", edge.Properties["role"].GetString());
        Assert.Equal([new EvidenceView(SeedSource, SeedOpeningSentence)], edge.Evidence);
    }

    [Fact]
    public async Task A_relationship_between_unknown_ids_answers_422_naming_both_and_writes_nothing()
    {
        var (from, to) = (Unique("ghost"), Unique("phantom-meeting"));

        var problem = AssertProblem(await Post("/api/relationships", RelationshipBody("PARTICIPATED_IN", from, to)), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(new[] { from, to }.Order(StringComparer.Ordinal), problem.GetProperty("unknownIds").EnumerateArray().Select(i => i.GetString()));
        await Get($"/api/relationships/{from}/PARTICIPATED_IN/{to}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_relationship_whose_type_cannot_join_the_nodes_answers_422_and_writes_nothing()
    {
        var problem = AssertProblem(await Post("/api/relationships", RelationshipBody("PARTICIPATED_IN", "white-house", SeedMeeting)), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("'white-house'", Assert.Single(problem.GetProperty("problems").EnumerateArray()).GetString(), StringComparison.Ordinal);
        await Get($"/api/relationships/white-house/PARTICIPATED_IN/{SeedMeeting}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_relationship_of_a_type_outside_the_allow_list_answers_400_and_writes_nothing()
    {
        AssertProblem(await Post("/api/relationships", RelationshipBody("FRIEND_OF", "gustavo-petro", "marco-rubio")), HttpStatusCode.BadRequest, "type");

        // A type outside the allow-list is refused in the path too; the actor's relationships show nothing was written.
        AssertProblem(await Get("/api/relationships/gustavo-petro/FRIEND_OF/marco-rubio"), HttpStatusCode.BadRequest, "type");
        Assert.DoesNotContain("FRIEND_OF", (await Get("/api/actors/gustavo-petro/relationships", HttpStatusCode.OK)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_relationship_answers_204_and_then_404_and_keeps_its_ends()
    {
        var id = Unique("brief-link");
        await Post("/api/actors", ActorBody(id), expect: HttpStatusCode.Created);
        await Post("/api/relationships", RelationshipBody("HOLDS_OFFICE", id, "colombia", ("title", "Adviser")), expect: HttpStatusCode.Created);
        var url = $"/api/relationships/{id}/HOLDS_OFFICE/colombia";

        Assert.Equal(HttpStatusCode.NoContent, (await Delete(url)).Status);

        await Get(url, HttpStatusCode.NotFound);
        AssertProblem(await Delete(url), HttpStatusCode.NotFound);
        await Get($"/api/actors/{id}", HttpStatusCode.OK);
        await Get("/api/actors/colombia", HttpStatusCode.OK);
    }

    // ================================================================ concurrency

    [Fact]
    public async Task Twenty_parallel_imports_of_overlapping_documents_keep_one_node_per_id_and_every_sentence()
    {
        var (actor, meeting, tag) = (Unique("camila-restrepo"), Unique("joint-session"), Unique("cr"));
        var documents = Enumerable.Range(0, 20).Select(i =>
        {
            var sentence = $"Report {i}: Camila Restrepo and Gustavo Petro met the extradition commission.";
            return Briefing(Unique($"wire-{i:00}"), actor, meeting, sentence, tag, $"Restrepo {i}");
        }).ToList();

        var replies = await Task.WhenAll(documents.Select(d => Post("/api/import", d)));

        Assert.All(replies, r => Assert.True(r.Status == HttpStatusCode.OK, $"{(int)r.Status}: {r.Body}"));
        var expected = documents.Select(d => new EvidenceView(d.Source.Id, d.Actors[0].Evidence)).ToHashSet();
        Assert.Equal(1, (await GetJson<PageView<ActorView>>($"/api/actors?q={tag}")).Total);
        Assert.Equal(1, (await GetJson<PageView<EventView>>($"/api/events?actor={actor}")).Total);
        var stored = await GetJson<ActorView>($"/api/actors/{actor}");
        Assert.Equal(expected, stored.Evidence.ToHashSet());
        Assert.Equal(20, stored.Evidence.Count);
        Assert.Superset(documents.Select(d => d.Actors[0].Aliases[1]).ToHashSet(), stored.Aliases.ToHashSet());
        Assert.Equal(expected, (await GetJson<EventView>($"/api/events/{meeting}")).Evidence.ToHashSet());
        Assert.Equal(expected, (await GetJson<EdgeView>($"/api/relationships/{actor}/PARTICIPATED_IN/{meeting}")).Evidence.ToHashSet());
        Assert.Equal(expected, (await GetJson<EdgeView>($"/api/relationships/gustavo-petro/PARTICIPATED_IN/{meeting}")).Evidence.ToHashSet());
        var sources = (await GetJson<CappedView<SourceView>>("/api/sources")).Items;
        Assert.Superset(documents.Select(d => d.Source.Id).ToHashSet(), sources.Select(s => s.Id).ToHashSet());
    }

    [Fact]
    public async Task Twenty_parallel_creates_of_one_id_make_one_node_and_nineteen_conflicts()
    {
        var (id, tag) = (Unique("contested"), Unique("claimant"));

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Post("/api/actors", ActorBody(id) with { Name = $"Claimant {i}", Aliases = [tag] })));

        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.Equal(19, replies.Count(r => r.Status == HttpStatusCode.Conflict));
        var actor = await GetJson<ActorView>($"/api/actors/{id}");
        Assert.Single(actor.Evidence);
        Assert.Equal(1, (await GetJson<PageView<ActorView>>($"/api/actors?q={tag}")).Total);
    }

    // ================================================================ bodies

    /// <summary>An actor write citing the seed source.</summary>
    private static ActorWriteBody ActorBody(string id) => new(id, "person", "Ana Lucía Ortiz", [], null, SeedOpeningSentence, SeedSource);

    private static RelationshipWriteBody RelationshipBody(string type, string from, string to, params (string Key, string Value)[] properties) =>
        new(type, from, to, properties.ToDictionary(p => p.Key, p => p.Value), SeedOpeningSentence, SeedSource);

    private static SourceRecord SourceBody(string id) =>
        new() { Id = id, Title = "Petro's cabinet after the White House meeting", Outlet = "andes-wire.example", Published = "2026-02-12T10:00" };

    /// <summary>A new resource of each kind: where to post it, the body, and its id.</summary>
    private async Task<(string Url, object Body, string Id)> NewResource(string resource)
    {
        var id = Unique($"new-{resource}");
        if (resource == "relationships")
        {
            await Post("/api/actors", ActorBody(id), expect: HttpStatusCode.Created);
            return ("/api/relationships", RelationshipBody("CRITIC_OF", id, "gustavo-petro"), $"{id}:CRITIC_OF:gustavo-petro");
        }

        return resource switch
        {
            "actors" => ("/api/actors", ActorBody(id), id),
            "events" => ("/api/events", new EventRecordBody(id, "CONSULT", "Follow-up call between Petro and Trump", "2026-02-20", SeedOpeningSentence, SeedSource), id),
            "sanctions" => ("/api/sanctions", new SanctionRecordBody(id, "visa-revocation", "Washington revoked a second visa.", SeedOpeningSentence, SeedSource), id),
            "statements" => ("/api/statements", new StatementRecordBody(id, $"Statement {id}: the meeting went well.", "spoken", SeedOpeningSentence, SeedSource), id),
            "sources" => ("/api/sources", SourceBody(id), id),
            _ => throw new ArgumentOutOfRangeException(nameof(resource)),
        };
    }

    /// <summary>The body a probe write sends to a URL, and how to tell whether it wrote anything.</summary>
    private (object? Body, Func<Task<bool>> Written) Probe(string method, string url)
    {
        var id = Unique("probe");
        var article = FollowUpMeeting();
        if (method == "DELETE")
        {
            var target = url.Replace("?cascade=true", "", StringComparison.Ordinal);
            return (null, async () => !await Exists(target));
        }

        return url switch
        {
            "/api/import" => (article.Document, () => Exists($"/api/sources/{article.SourceId}")),
            "/api/actors" => (ActorBody(id), () => Exists($"/api/actors/{id}")),
            "/api/events" => (NewResourceBody("events", id), () => Exists($"/api/events/{id}")),
            "/api/sanctions" => (NewResourceBody("sanctions", id), async () => (await Get("/api/sanctions?pageSize=100", HttpStatusCode.OK)).Body.Contains(id, StringComparison.Ordinal)),
            "/api/statements" => (NewResourceBody("statements", id), async () => (await GetJson<PageView<StatementView>>($"/api/statements?q={id}")).Total > 0),
            "/api/sources" => (SourceBody(id), () => Exists($"/api/sources/{id}")),
            "/api/relationships" => (RelationshipBody("CRITIC_OF", "jd-vance", "gustavo-petro"), () => Exists("/api/relationships/jd-vance/CRITIC_OF/gustavo-petro")),
            "/api/actors/gustavo-petro" =>
                (ActorBody("gustavo-petro") with { Name = "Probe" }, async () => (await GetJson<ActorView>("/api/actors/gustavo-petro")).Name != "Gustavo Petro"),
            _ => throw new ArgumentOutOfRangeException(nameof(url)),
        };
    }

    private static object NewResourceBody(string resource, string id) => resource switch
    {
        "events" => new EventRecordBody(id, "CONSULT", "Probe event", "2026-02-20", SeedOpeningSentence, SeedSource),
        "sanctions" => new SanctionRecordBody(id, "other", $"Probe sanction {id}.", SeedOpeningSentence, SeedSource),
        _ => new StatementRecordBody(id, $"Probe statement {id}.", "spoken", SeedOpeningSentence, SeedSource),
    };

    private sealed record ActorWriteBody(string Id, string Kind, string Name, IReadOnlyList<string> Aliases, string? Description, string Evidence, string SourceId);
    private sealed record EventRecordBody(string Id, string Kind, string Title, string? Date, string Evidence, string SourceId);
    private sealed record SanctionRecordBody(string Id, string Kind, string Description, string Evidence, string SourceId);
    private sealed record StatementRecordBody(string Id, string Text, string Medium, string Evidence, string SourceId);
    private sealed record RelationshipWriteBody(string Type, string From, string To, IReadOnlyDictionary<string, string> Properties, string Evidence, string SourceId);

    // ================================================================ checks

    /// <summary>Nothing of the article reached the graph: not its source, its new nodes, or its sentences on seed nodes.</summary>
    private async Task AssertNothingWritten(FollowUp article, int actorsBefore)
    {
        await Get($"/api/sources/{article.SourceId}", HttpStatusCode.NotFound);
        await Get($"/api/actors/{article.EnvoyId}", HttpStatusCode.NotFound);
        await Get($"/api/events/{article.MeetingId}", HttpStatusCode.NotFound);
        Assert.DoesNotContain((await GetJson<PageView<StatementView>>("/api/statements?speaker=marco-rubio&q=frank")).Items, s => s.Id == article.QuoteId);
        foreach (var id in FollowUp.SeedActorIds)
        {
            var actor = await GetJson<ActorView>($"/api/actors/{id}");
            Assert.DoesNotContain(actor.Evidence, e => e.SourceId == article.SourceId);
            var links = (await GetJson<CappedView<LinkView>>($"/api/actors/{id}/relationships")).Items;
            Assert.DoesNotContain(links, l => l.Evidence.Any(e => e.SourceId == article.SourceId));
        }
        Assert.Equal(actorsBefore, await ActorCount());
    }

    /// <summary>What the seed source supports, as the API shows it: changes when any seed fact changes.</summary>
    private async Task<string> SeedFingerprint() => (await Get($"/api/sources/{SeedSource}", HttpStatusCode.OK)).Body;

    private async Task<int> ActorCount() => (await GetJson<PageView<ActorView>>("/api/actors?pageSize=1")).Total;

    private async Task<bool> Exists(string url)
    {
        var reply = await Get(url);
        Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET {url} → {(int)reply.Status}: {reply.Body}");
        return reply.Status == HttpStatusCode.OK;
    }

    /// <summary>Asserts an RFC 9457 problem with this status and exactly these <c>errors</c> keys (none when not given).</summary>
    private static JsonElement AssertProblem(Reply reply, HttpStatusCode status, params string[] errorKeys)
    {
        Assert.True(reply.Status == status, $"{reply.Request}: expected {(int)status}, got {(int)reply.Status}: {reply.Body}");
        Assert.Equal("application/problem+json", reply.MediaType);
        using var problem = JsonDocument.Parse(reply.Body);
        var root = problem.RootElement;
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()), $"{reply.Request}: a problem without a title: {reply.Body}");
        if (errorKeys.Length == 0)
        {
            Assert.False(root.TryGetProperty("errors", out _), $"{reply.Request}: unexpected errors in {reply.Body}");
        }
        else
        {
            var errors = root.GetProperty("errors");
            Assert.Equal(errorKeys.Order(StringComparer.Ordinal), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
            Assert.All(errors.EnumerateObject(), e => Assert.All(e.Value.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString()))));
        }

        return root.Clone();
    }

    private static string ErrorText(JsonElement problem) =>
        string.Join(" ", problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()));

    private static T Read<T>(Reply reply, HttpStatusCode status)
    {
        Assert.True(reply.Status == status, $"{reply.Request}: expected {(int)status}, got {(int)reply.Status}: {reply.Body}");
        return JsonSerializer.Deserialize<T>(reply.Body, Wire) ?? throw new InvalidOperationException($"{reply.Request} answered null.");
    }

    // ================================================================ HTTP

    /// <summary>One exchange, read in full.</summary>
    private sealed record Reply(string Request, HttpStatusCode Status, string Body, string? MediaType, HttpResponseHeaders Headers);

    private async Task<T> GetJson<T>(string url) => Read<T>(await Get(url, HttpStatusCode.OK), HttpStatusCode.OK);

    private Task<Reply> Get(string url, HttpStatusCode? expect = null) => Send(HttpMethod.Get, url, key: null, expect: expect);

    private Task<Reply> Post(string url, object body, HttpStatusCode? expect = null) => Send(HttpMethod.Post, url, Json(body), expect: expect);

    private Task<Reply> PostJson(string url, string json) => Send(HttpMethod.Post, url, new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<Reply> Put(string url, object body) => Send(HttpMethod.Put, url, Json(body));

    private Task<Reply> Delete(string url) => Send(HttpMethod.Delete, url);

    private static StringContent Json(object body) => new(Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Every response: never a 500, never a stack trace; <paramref name="expect"/> checks the status.</summary>
    private async Task<Reply> Send(HttpMethod method, string url, HttpContent? content = null, string? key = WriteHost.Key,
        HttpClient? via = null, HttpStatusCode? expect = null, bool chunked = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        if (chunked)
        {
            // No Content-Length, as a client streaming a body of unknown length sends it (the test host would otherwise compute one).
            request.Headers.TransferEncodingChunked = true;
        }
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await (via ?? client).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var description = $"{method} {url}";
        Assert.True((int)response.StatusCode < 500, $"{description} → {(int)response.StatusCode}: {body}");
        Assert.False(StackTraceLine().IsMatch(body), $"{description} leaks a stack trace: {body}");
        if (expect is not null)
        {
            Assert.True(response.StatusCode == expect, $"{description}: expected {(int)expect}, got {(int)response.StatusCode}: {body}");
        }

        return new Reply(description, response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, response.Headers);
    }

    // A .NET stack frame as it appears in text: "   at Namespace.Type.Method(...)".
    [GeneratedRegex(@"(^|\\n|\n)\s+at [\w.`<>]+\.[\w<>]+\(", RegexOptions.Multiline)]
    private static partial Regex StackTraceLine();

    /// <summary>A body the client cannot measure in advance, so it is sent without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

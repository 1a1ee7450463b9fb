using System.Net;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Infrastructure;
using Xunit.Abstractions;
using static DiplomacyGraph.Tests.Writes.Articles;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// Two API processes (child processes, as two replicas behind a load balancer) writing to one real Neo4j at once.
/// Nothing in either process serialises writes: what these pin comes from the store's transactions alone.
/// </summary>
[Collection("neo4j")]
public sealed class TwoProcessNeo4jTests(Neo4jServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Key = "two-process-key-0123456789abcdef";
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);
    private readonly string tag = Unique("tp");
    private ApiProcess? first, second;

    private ApiProcess[] Both => [first!, second!];

    public async Task InitializeAsync()
    {
        first = await ApiProcess.StartOnNeo4jAsync(server.HttpUri, server.User, server.Password, Key);
        second = await ApiProcess.StartOnNeo4jAsync(server.HttpUri, server.User, server.Password, Key);
    }

    public async Task DisposeAsync()
    {
        if (first is not null) await first.DisposeAsync();
        if (second is not null) await second.DisposeAsync();
    }

    [Fact]
    public async Task Twenty_overlapping_imports_split_across_two_processes_leave_one_node_per_id_every_evidence_sentence_and_every_alias()
    {
        // Each document declares four of six shared actors and the shared summit, with its own alias and sentence for
        // each, so every import meets most of the others on the same nodes and relationships.
        const int documents = 20, pool = 6;
        var actorIds = Enumerable.Range(0, pool).Select(a => $"{tag}-actor-{a}").ToArray();
        var summit = $"{tag}-summit";
        var plans = Enumerable.Range(0, documents).Select(d =>
        {
            var actors = Enumerable.Range(0, 4).Select(k => actorIds[(d + k) % pool]).ToArray();
            return (Source: $"{tag}-source-{d:00}", Event: $"{tag}-event-{d:00}", Actors: actors, Sentence: $"Report {d} of {tag}: delegates met again.");
        }).ToList();

        var answers = await Task.WhenAll(plans.Select((plan, d) => Send(Both[d % 2], HttpMethod.Post, "/api/import", new KnowledgeDocument
        {
            Source = new SourceRecord { Id = plan.Source, Title = $"Report {d}", Outlet = "reports.example", Published = "2026-02-12" },
            Actors = [.. plan.Actors.Select(a => new ActorRecord { Id = a, Kind = "person", Name = $"Delegate {a[^1]}", Aliases = [$"{a}-alias-{d}"], Evidence = plan.Sentence })],
            Events =
            [
                new EventRecord { Id = plan.Event, Kind = "CONSULT", Title = $"Session {d}", Date = "2026-02-12", Evidence = plan.Sentence },
                new EventRecord { Id = summit, Kind = "CONSULT", Title = "The summit", Date = "2026-02-12", Evidence = plan.Sentence },
            ],
            Relationships =
            [
                .. plan.Actors.Select(a => Link("PARTICIPATED_IN", a, plan.Event, plan.Sentence)),
                .. plan.Actors.Select(a => Link("PARTICIPATED_IN", a, summit, plan.Sentence)),
            ],
        })));
        foreach (var (answer, body) in answers)
        {
            Assert.True(answer == HttpStatusCode.OK, $"An import answered {(int)answer}: {body}\n{first!.Output}\n{second!.Output}");
        }

        var expectedIds = plans.SelectMany(p => new[] { p.Source, p.Event }).Concat(actorIds).Append(summit).ToHashSet();
        var counts = await NodeCountsById();
        var expectedEvidence = 0;
        var foundEvidence = 0;
        var expectedAliases = 0;
        var foundAliases = 0;
        foreach (var actor in actorIds)
        {
            var mine = plans.Select((p, d) => (p, d)).Where(x => x.p.Actors.Contains(actor)).ToList();
            var view = await Get<ActorView>($"/api/actors/{actor}");
            var expectedSentences = mine.Select(x => new EvidenceView(x.p.Source, x.p.Sentence)).ToHashSet();
            var expectedAliasSet = mine.Select(x => $"{actor}-alias-{x.d}").ToHashSet();
            Assert.Equal(expectedSentences, view.Evidence.ToHashSet());
            Assert.Equal(expectedAliasSet, view.Aliases.ToHashSet());
            Assert.Equal(view.Evidence.Count, view.Evidence.Distinct().Count());
            (expectedEvidence, foundEvidence) = (expectedEvidence + expectedSentences.Count, foundEvidence + view.Evidence.Count);
            (expectedAliases, foundAliases) = (expectedAliases + expectedAliasSet.Count, foundAliases + view.Aliases.Count);

            var onSummit = await Get<EdgeView>($"/api/relationships/{actor}/PARTICIPATED_IN/{summit}");
            Assert.Equal(expectedSentences, onSummit.Evidence.ToHashSet());
            (expectedEvidence, foundEvidence) = (expectedEvidence + expectedSentences.Count, foundEvidence + onSummit.Evidence.Count);
        }
        var summitView = await Get<EventView>($"/api/events/{summit}");
        Assert.Equal(plans.Select(p => new EvidenceView(p.Source, p.Sentence)).ToHashSet(), summitView.Evidence.ToHashSet());
        (expectedEvidence, foundEvidence) = (expectedEvidence + documents, foundEvidence + summitView.Evidence.Count);

        output.WriteLine($"Nodes: expected {expectedIds.Count} ids, one node each; found {counts.Count} ids, {counts.Values.Sum()} nodes.");
        output.WriteLine($"Evidence sentences (actors, actor→summit relationships, summit): expected {expectedEvidence}, found {foundEvidence}.");
        output.WriteLine($"Aliases: expected {expectedAliases}, found {foundAliases}.");
        Assert.Equal(expectedIds.Order(StringComparer.Ordinal), counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts, c => Assert.Equal(1, c.Value));
        Assert.Equal(expectedEvidence, foundEvidence);
        Assert.Equal(expectedAliases, foundAliases);
    }

    [Fact]
    public async Task Fifty_concurrent_creates_replaces_and_deletes_on_overlapping_ids_leave_each_id_with_one_acknowledged_body_or_absent()
    {
        var source = $"{tag}-source";
        var (created, createdBody) = await Send(first!, HttpMethod.Post, "/api/sources",
            new { id = source, title = "Writes under contention", outlet = "reports.example", published = "2026-02-12" });
        Assert.True(created == HttpStatusCode.Created, createdBody);

        var ids = Enumerable.Range(0, 5).Select(i => $"{tag}-actor-{i}").ToArray();
        var random = new Random(20260212);
        var writes = Enumerable.Range(0, 50).Select(w =>
        {
            var id = ids[random.Next(ids.Length)];
            var method = (random.Next(5)) switch { 0 or 1 => HttpMethod.Post, 2 or 3 => HttpMethod.Put, _ => HttpMethod.Delete };
            var body = new { id, kind = "person", name = $"Name {w}", description = $"Body {w}", evidence = $"Sentence {w} about {id}.", sourceId = source };
            return (Write: w, Id: id, Method: method, Body: body);
        }).ToList();

        var answers = await Task.WhenAll(writes.Select(async (x, i) =>
        {
            var url = x.Method == HttpMethod.Post ? "/api/actors" : $"/api/actors/{x.Id}";
            var (status, text) = await Send(Both[i % 2], x.Method, url, x.Method == HttpMethod.Delete ? null : x.Body);
            return (x.Write, x.Id, x.Method, x.Body, Status: status, Text: text);
        }));

        var unexpected = answers.Where(a => (int)a.Status >= 500 || a.Status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Select(a => $"{a.Method} {a.Id} → {(int)a.Status}: {a.Text}"))
            + $"\n{first!.Output}\n{second!.Output}");
        var acknowledged = answers.Where(a => (int)a.Status is >= 200 and < 300).ToList();

        var present = 0;
        var acknowledgedSentences = 0;
        var foundEvidence = 0;
        foreach (var id in ids)
        {
            var mine = acknowledged.Where(a => a.Id == id && a.Method != HttpMethod.Delete).ToList();
            using var response = await first!.Client.GetAsync(new Uri($"/api/actors/{id}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound) continue;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            present++;
            var view = JsonSerializer.Deserialize<ActorView>(await response.Content.ReadAsStringAsync(), Wire)!;
            var holder = Assert.Single(mine, a => a.Body.name == view.Name);
            Assert.Equal(holder.Body.description, view.Description);
            var allowed = mine.Select(a => new EvidenceView(source, a.Body.evidence)).ToHashSet();
            Assert.Contains(new EvidenceView(source, holder.Body.evidence), view.Evidence);
            Assert.All(view.Evidence, e => Assert.Contains(e, allowed));
            acknowledgedSentences += allowed.Count;
            foundEvidence += view.Evidence.Count;
        }

        output.WriteLine($"Writes: {answers.Length} sent, {acknowledged.Count} acknowledged (" +
            string.Join(", ", answers.GroupBy(a => $"{a.Method} {(int)a.Status}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}")) + ").");
        output.WriteLine($"Ids: {ids.Length}; present at the end {present}, absent {ids.Length - present}.");
        output.WriteLine($"Evidence sentences on the present ids: {foundEvidence} found, every one from the {acknowledgedSentences} acknowledged writes to those ids.");
        Assert.True(present + acknowledged.Count(a => a.Method == HttpMethod.Delete) > 0, "Neither a node nor an acknowledged delete: the writes did nothing.");
    }

    /// <summary>Every node whose id starts with this test's tag, and how many nodes hold each id, straight from Neo4j.</summary>
    private async Task<Dictionary<string, int>> NodeCountsById()
    {
        using var result = await server.RunCypherAsync("MATCH (n) WHERE n.id STARTS WITH $tag RETURN n.id, count(*)", new { tag });
        return result.RootElement.GetProperty("results")[0].GetProperty("data").EnumerateArray()
            .ToDictionary(r => r.GetProperty("row")[0].GetString()!, r => r.GetProperty("row")[1].GetInt32());
    }

    private async Task<T> Get<T>(string url)
    {
        using var response = await first!.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Wire)!;
    }

    private static async Task<(HttpStatusCode Status, string Body)> Send(ApiProcess api, HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null) request.Content = new StringContent(Serialize(body), Encoding.UTF8, "application/json");
        request.Headers.Add("X-Api-Key", Key);
        using var response = await api.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

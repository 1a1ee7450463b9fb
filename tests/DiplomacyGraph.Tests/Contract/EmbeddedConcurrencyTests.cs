using System.Collections.Concurrent;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Infrastructure;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>
/// The embedded store's writes update hubs' ordered lists in place instead of dropping them, while readers go on. These
/// tests hold the in-place updates to lists built afresh, and hold readers to whole commits while a writer runs.
/// </summary>
public sealed class EmbeddedConcurrencyTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Hub_lists_updated_in_place_by_random_writes_equal_lists_built_afresh_after_every_write()
    {
        // Every node a hub: each read below keeps the lists it walks, and each write must update them.
        var path = System.IO.Path.Combine(folder.Path, "hubs.db");
        using var store = new EmbeddedGraphStore(path, hubDegree: 1);
        var random = new Random(20);
        string[] sources = ["s0", "s1", "s2"];
        foreach (var source in sources) await store.Import(Document(source), None);
        string Country() => $"country-{random.Next(3)}";
        string Person() => $"person-{random.Next(12)}";
        string Date() => $"20{random.Next(10, 27)}-0{random.Next(1, 10)}-1{random.Next(0, 10)}";
        string Name() => ((string[])["Ana", "Pétro", "García", "Luis", "Zoë", "Rubio"])[random.Next(6)] + " " + random.Next(100);
        var drifts = 0;

        for (var step = 0; step < 200; step++)
        {
            // Reads that keep lists: networks (neighbours by name) and each filter by imposer, target, speaker, subject.
            foreach (var id in new[] { Country(), Person() })
            {
                if (!await store.Exists(NodeLabel.Actor, id, None)) continue;
                await store.GetNetwork(id, 2, 50, None);
                await store.FindSanctions(new SanctionSearch(id, null, null, 1, 10), None);
                await store.FindSanctions(new SanctionSearch(null, id, null, 1, 10), None);
                await store.FindStatements(new StatementSearch(id, null, null, 1, 10), None);
                await store.FindStatements(new StatementSearch(null, id, null, 1, 10), None);
            }
            var source = sources[random.Next(sources.Length)];
            switch (random.Next(6))
            {
                case 0 or 1:
                {
                    // New facts, and names and dates that move nodes already in lists (a rename sorts elsewhere).
                    var (country, person, other) = (Country(), Person(), Person());
                    var (sanction, statement) = ($"sanction-{random.Next(20)}", $"statement-{random.Next(20)}");
                    await store.Import(Document(source) with
                    {
                        Actors = [Actor(country, $"Republic {Name()}", ActorKinds.Country), .. new[] { person, other }.Distinct().Select(id => Actor(id, Name()))],
                        Sanctions = [Sanction(sanction, "A measure", Date())],
                        Statements = [Statement(statement, "A remark.", Date())],
                        Relationships = [.. new[]
                        {
                            Rel(country, "IMPOSED", sanction),
                            Rel(sanction, "TARGETS", person),
                            Rel(person, "SAID", statement),
                            Rel(statement, "ABOUT", country),
                            Rel(person, "CRITIC_OF", other),
                            Rel(other, "CRITIC_OF", person),
                            Rel(country, "CRITIC_OF", country),
                        }.DistinctBy(r => (r.From, r.Type, r.To)).Where(r => r.From != r.To || random.Next(3) == 0)],
                    }, None).Imported();
                    break;
                }
                case 2:
                {
                    var id = Person();
                    var node = KnowledgeGraph.ForActor(Actor(id, Name()), source);
                    if (await store.ReplaceNode(node, None) is WriteOutcome.NotFound) await store.CreateNode(node, None);
                    break;
                }
                case 3:
                    await store.DeleteNode(NodeLabel.Actor, random.Next(2) == 0 ? Person() : Country(), cascade: true, None);
                    break;
                case 4:
                {
                    var id = random.Next(2) == 0 ? Person() : Country();
                    if (await store.GetRelationships(id, null, Directions.Both, None) is Found<IReadOnlyList<Link>>(var links) && links.Count > 0)
                    {
                        var edge = links[random.Next(links.Count)].Edge;
                        await store.DeleteEdge(edge.From, edge.Type, edge.To, None);
                    }
                    break;
                }
                default:
                {
                    // A source of its own, then retracted: what it alone supports goes, the rest loses its claims.
                    var retracted = $"retracted-{step}";
                    await store.Import(Document(retracted) with
                    {
                        Actors = [Actor(Person(), Name()), Actor($"passing-{step}", Name())],
                        Sanctions = [Sanction($"passing-sanction-{step}", "A passing measure", Date())],
                        Relationships = [Rel(Country(), "IMPOSED", $"passing-sanction-{step}"), Rel($"passing-sanction-{step}", "TARGETS", $"passing-{step}")],
                    }, None);
                    if (random.Next(2) == 0) await store.RetractSource(retracted, None);
                    break;
                }
            }
            var drift = store.HubDrift();
            Assert.True(drift.Count == 0, $"After step {step}, kept lists differ from lists built afresh: {string.Join("; ", drift)}");
            drifts++;
        }
        Assert.Equal(200, drifts);
        using var rebuilt = new EmbeddedGraphStore(path, hubDegree: 1);
        Assert.Equal(rebuilt.DescribeIndex(), store.DescribeIndex());
    }

    [Fact]
    public async Task Readers_never_see_half_a_commit_while_a_writer_adds_and_retracts_linked_pairs_through_a_hub()
    {
        // The invariant every commit keeps: each sanction the hub imposed targets its own person, both cited by one source
        // alone, so an import adds the pair and a retraction removes it, each in one commit. The hub's lists are kept
        // (a small hub degree), so reads go through the lists that writes update in place.
        var path = System.IO.Path.Combine(folder.Path, "pairs.db");
        using var store = new EmbeddedGraphStore(path, hubDegree: 4);
        await store.Import(Document("hub-source") with { Actors = [Actor("hub", "Hub Republic", ActorKinds.Country)] }, None);
        const int Commits = 240;
        var failures = new ConcurrentQueue<string>();
        var written = 0;
        // Each reader's count of finished checks: the writer waits, now and then, until every reader has checked again, so
        // the readers overlap the writer however the machine schedules them.
        var seen = new int[3];
        using var done = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(async () =>
        {
            var checks = 0;
            // Reads until the writer is done, and at least once after its last commit.
            for (var last = false; !last; checks++)
            {
                last = done.IsCancellationRequested;
                var settled = Volatile.Read(ref written) == Commits;
                var sanctions = await store.FindSanctions(new SanctionSearch("hub", null, null, 1, 1000), None);
                if (sanctions.Total != sanctions.Items.Count) failures.Enqueue($"reader {r}: total {sanctions.Total} for {sanctions.Items.Count} sanctions");
                foreach (var sanction in sanctions.Items)
                {
                    var person = "person-" + sanction.Node.Id["sanction-".Length..];
                    if (!sanction.Links.Any(l => l.Edge.Type == "TARGETS" && l.Other.Id == person))
                    {
                        failures.Enqueue($"reader {r}: {sanction.Node.Id} is listed without its target {person}");
                    }
                }
                // Around the hub, two levels: the sanctions and their persons come and go together, with both links.
                var network = (await store.GetNetwork("hub", 2, 5000, None)).Found();
                var ids = network.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var id in ids.Where(i => i.StartsWith("sanction-", StringComparison.Ordinal) || i.StartsWith("person-", StringComparison.Ordinal)))
                {
                    var pair = id.StartsWith("sanction-", StringComparison.Ordinal) ? "person-" + id["sanction-".Length..] : "sanction-" + id["person-".Length..];
                    if (!ids.Contains(pair)) failures.Enqueue($"reader {r}: the network holds {id} without {pair}");
                }
                if (network.Edges.Count != ids.Count - 1) failures.Enqueue($"reader {r}: {network.Edges.Count} links among {ids.Count} nodes of whole pairs");
                if (settled && network.Nodes.Count - 1 != 2 * sanctions.Items.Count)
                {
                    failures.Enqueue($"reader {r}: after the last commit, {network.Nodes.Count} nodes around the hub for {sanctions.Items.Count} sanctions");
                }
                Interlocked.Increment(ref seen[r]);
            }
            return checks;
        })).ToList();

        var kept = new List<int>();
        var random = new Random(40);
        for (var i = 0; i < Commits; i++)
        {
            if (kept.Count > 3 && random.Next(3) == 0)
            {
                var gone = kept[random.Next(kept.Count)];
                kept.Remove(gone);
                Assert.IsType<WriteOutcome.Retracted>(await store.RetractSource($"pair-source-{gone:D3}", None));
            }
            else
            {
                await store.Import(Document($"pair-source-{i:D3}") with
                {
                    Actors = [Actor($"person-{i:D3}", $"Person {random.Next(1000)}")],
                    Sanctions = [Sanction($"sanction-{i:D3}", $"Measure {i}", $"20{random.Next(10, 27)}-0{random.Next(1, 10)}-1{random.Next(0, 10)}")],
                    Relationships = [Rel("hub", "IMPOSED", $"sanction-{i:D3}"), Rel($"sanction-{i:D3}", "TARGETS", $"person-{i:D3}")],
                }, None).Imported();
                kept.Add(i);
            }
            Volatile.Write(ref written, i + 1);
            if (i % 40 == 19) await EveryReaderChecksAgain(seen);
            // Between commits, with the readers still going: the kept lists and the whole index against the definitions.
            if (i % 40 == 39)
            {
                Assert.Empty(store.HubDrift());
                using var rebuilt = new EmbeddedGraphStore(path, hubDegree: 4);
                Assert.Equal(rebuilt.DescribeIndex(), store.DescribeIndex());
            }
        }
        await done.CancelAsync();
        var checks = await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.All(checks, c => Assert.True(c > 1, $"A reader checked only {c} times: it did not overlap the writer."));
        Assert.Equal(kept.Count, (await store.FindSanctions(new SanctionSearch("hub", null, null, 1, 1000), None)).Total);
    }

    /// <summary>Waits (up to the test's HTTP timeout) until every reader has finished one more check.</summary>
    private static async Task EveryReaderChecksAgain(int[] seen)
    {
        var before = seen.Select((_, r) => Volatile.Read(ref seen[r])).ToArray();
        var deadline = DateTime.UtcNow + TestSettings.Http;
        while (Enumerable.Range(0, seen.Length).Any(r => Volatile.Read(ref seen[r]) == before[r]))
        {
            Assert.True(DateTime.UtcNow < deadline, $"A reader made no check within {TestSettings.Http} (test setting Timeouts:Http) while the writer waited.");
            await Task.Delay(5);
        }
    }
}

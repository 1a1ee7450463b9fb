using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.OpenApi;

namespace DiplomacyGraph.Tests.Migrations;

/// <summary>
/// Issue 19's step: a store holding events and statements in older PLOVER drafts' terms (every kind, mode and context
/// plover-legacy.json maps, and values nothing maps) is re-coded at start-up: the stored kinds are the current
/// manual's, what they were is kept as the originals, a mode or context with nothing to map to survives only among the
/// originals, a kind with nothing to map to is left as it is, and each source's claims say the same as the fact.
/// </summary>
public abstract partial class StoreMigrationContract
{
    private const string LegacySource = "older-plover-drafts";

    /// <summary>A free-text mode and a context no PLOVER draft has: nothing maps them.</summary>
    private const string UnmappableMode = "informal chat over coffee";
    private const string UnmappableContext = "not-a-plover-context";

    /// <summary>plover-legacy.json as committed: the old values the store is written with, and what each maps to.</summary>
    private static JsonElement Legacy()
    {
        var path = Path.Combine(Stores.RepositoryRoot(), "src", "DiplomacyGraph.Storage", "Vocabulary", "plover-legacy.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    private static EventRecord Event(string id, string kind, string? mode = null, IReadOnlyList<string>? contexts = null) => new()
    {
        Id = id, Kind = kind, Mode = mode, Title = $"Event {id}", Date = "2024-05-01", Contexts = contexts ?? [],
        Evidence = $"The evidence of {id}.",
    };

    /// <summary>A document as an older build stored it: the store takes it as it is (validation is the import pipeline's).</summary>
    private static KnowledgeDocument LegacyDocument()
    {
        var legacy = Legacy();
        var events = new List<EventRecord>();
        foreach (var type in legacy.GetProperty("types").EnumerateObject()) events.Add(Event($"legacy-type-{type.Name.ToLowerInvariant()}", type.Name));
        foreach (var type in legacy.GetProperty("modes").EnumerateObject())
        {
            foreach (var mode in type.Value.EnumerateObject()) events.Add(Event($"legacy-mode-{type.Name.ToLowerInvariant()}-{mode.Name}", type.Name, mode.Name));
        }
        events.Add(Event("legacy-contexts", "CONSULT", contexts: [.. legacy.GetProperty("contexts").EnumerateObject().Select(c => c.Name), UnmappableContext]));
        events.Add(Event("unmappable-mode", "CONSULT", UnmappableMode));
        events.Add(Event("unmappable-kind", "DOCUMENT"));
        events.Add(Event("a-trip", EventKinds.Travel));
        return new KnowledgeDocument
        {
            Source = new SourceRecord { Id = LegacySource, Title = "Events coded by older PLOVER drafts", Outlet = "example.org", Published = "2024-05-02" },
            Events = events,
            Statements =
            [
                new StatementRecord { Id = "legacy-statement", Text = "The minister condemned the raid.", Medium = "spoken", Kind = "DISAPPROVE", Mode = UnmappableMode, Evidence = "The minister condemned the raid." },
                new StatementRecord { Id = "current-statement", Text = "The minister asked for talks.", Medium = "spoken", Kind = "REQUEST", Evidence = "The minister asked for talks." },
            ],
        };
    }

    /// <summary>The legacy document written into a store at the version before the PLOVER step, as an older build left it.</summary>
    private async Task PlaceLegacyStore()
    {
        await PlaceEmptyStore();
        var (store, _, _) = await Open();
        Assert.IsType<WriteOutcome.Imported>(await store.Import(LegacyDocument(), None));
        await CloseAll();
        await RecordVersion(CurrentVersion - 1);
    }

    private static async Task<GraphNode> Node(IGraphStore store, NodeLabel label, string id) =>
        Assert.IsType<Found<NodeWithLinks>>(await store.GetNode(label, id, None)).Value.Node;

    [Fact]
    public async Task Events_and_statements_in_older_drafts_terms_are_recoded_at_start_with_their_originals_kept()
    {
        await PlaceLegacyStore();
        var (store, _, logs) = await Open();

        var step = Assert.Single(logs.Messages, l => l.Contains($"from schema version {CurrentVersion - 1} to {CurrentVersion}", StringComparison.Ordinal));
        Assert.Contains("PLOVER", step, StringComparison.Ordinal);
        var legacy = Legacy();
        var expectedWrites = 0;

        // Written into the test from the manual's table of CAMEO cue categories, so that a wrong mapping file fails too.
        AssertCoding(await Node(store, NodeLabel.Event, "legacy-type-demand"), "REQUEST", null, "DEMAND", null);
        AssertCoding(await Node(store, NodeLabel.Event, "legacy-type-disapprove"), "ACCUSE", "disapprove", "DISAPPROVE", null);
        AssertCoding(await Node(store, NodeLabel.Event, "legacy-type-investigate"), "ACCUSE", "investigate", "INVESTIGATE", null);
        AssertCoding(await Node(store, NodeLabel.Event, "legacy-type-fight"), "ASSAULT", null, "FIGHT", null);
        foreach (var type in legacy.GetProperty("types").EnumerateObject())
        {
            var mode = type.Value.TryGetProperty("mode", out var m) ? m.GetString() : null;
            AssertCoding(await Node(store, NodeLabel.Event, $"legacy-type-{type.Name.ToLowerInvariant()}"), type.Value.GetProperty("type").GetString()!, mode, type.Name, null);
            expectedWrites++;
        }
        foreach (var type in legacy.GetProperty("modes").EnumerateObject())
        {
            foreach (var mode in type.Value.EnumerateObject())
            {
                AssertCoding(await Node(store, NodeLabel.Event, $"legacy-mode-{type.Name.ToLowerInvariant()}-{mode.Name}"), type.Name, mode.Value.GetProperty("mode").GetString(), null, mode.Name);
                expectedWrites++;
            }
        }

        var contexts = await Node(store, NodeLabel.Event, "legacy-contexts");
        var given = legacy.GetProperty("contexts").EnumerateObject().Select(c => c.Name).Append(UnmappableContext).ToArray();
        Assert.Equal(given, Strings(contexts.Properties["originalContexts"]));
        Assert.Equal(legacy.GetProperty("contexts").EnumerateObject().Select(c => c.Value.GetProperty("context").GetString()!).Distinct(),
            Strings(contexts.Properties["contexts"]));
        Assert.DoesNotContain(UnmappableContext, Strings(contexts.Properties["contexts"]));
        AssertCoding(contexts, "CONSULT", null, null, null);
        expectedWrites++;

        // A mode with nothing to map to is dropped from the current field and kept only as the original.
        AssertCoding(await Node(store, NodeLabel.Event, "unmappable-mode"), "CONSULT", null, null, UnmappableMode);
        expectedWrites++;
        // Statements: kind and mode, no contexts, no quad class.
        var statement = await Node(store, NodeLabel.Statement, "legacy-statement");
        AssertCoding(statement, "ACCUSE", "disapprove", "DISAPPROVE", UnmappableMode);
        Assert.DoesNotContain("quadClass", statement.Properties.Keys);
        expectedWrites++;
        var current = await Node(store, NodeLabel.Statement, "current-statement");
        Assert.Equal("REQUEST", current.Properties["kind"]);
        Assert.DoesNotContain("originalKind", current.Properties.Keys);

        // TRAVEL is outside PLOVER: it stays, with no quad class; a kind nothing maps to stays as it was, and is named.
        var trip = await Node(store, NodeLabel.Event, "a-trip");
        Assert.Equal(EventKinds.Travel, trip.Properties["kind"]);
        Assert.DoesNotContain("quadClass", trip.Properties.Keys);
        Assert.DoesNotContain("originalKind", trip.Properties.Keys);
        var unmapped = await Node(store, NodeLabel.Event, "unmappable-kind");
        Assert.Equal("DOCUMENT", unmapped.Properties["kind"]);
        Assert.DoesNotContain("originalKind", unmapped.Properties.Keys);
        Assert.Contains(logs.Messages, l => l.Contains("unmappable-kind", StringComparison.Ordinal) && l.Contains("DOCUMENT", StringComparison.Ordinal));

        // Only what changed was written: every legacy record above, nothing current.
        Assert.Contains($"({expectedWrites} written)", step, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recoding_step_run_again_or_at_a_second_start_changes_nothing()
    {
        await PlaceLegacyStore();
        var (first, _, _) = await Open();
        var before = await StoreFingerprint.OfAsync(first, None);
        var claimsBefore = await LegacyClaims(first);
        await CloseAll();

        // A second start: nothing to migrate.
        var (again, _, logs) = await Open();
        Assert.DoesNotContain(logs.Messages, l => l.Contains("migrated from schema version", StringComparison.Ordinal));
        Assert.Equal(before, await StoreFingerprint.OfAsync(again, None));
        await CloseAll();

        // The step run again over its own output, as after an interruption before its version was recorded: it writes nothing.
        await RecordVersion(CurrentVersion - 1);
        var (rerun, _, rerunLogs) = await Open();
        Assert.Contains(rerunLogs.Messages, l => l.Contains($"to {CurrentVersion}", StringComparison.Ordinal) && l.Contains("(0 written)", StringComparison.Ordinal));
        Assert.Equal(before, await StoreFingerprint.OfAsync(rerun, None));
        Assert.Equal(claimsBefore, await LegacyClaims(rerun));
        Assert.Equal(CurrentVersion, await RecordedVersion());
    }

    [Fact]
    public async Task A_step_interrupted_mid_way_writes_only_what_is_left_when_run_again()
    {
        await PlaceLegacyStore();
        var (first, _, _) = await Open();
        var claimsBefore = await LegacyClaims(first);
        // As a step stopped after its first pages: the facts it reached are current, one it had not reached is not.
        var late = new KnowledgeDocument
        {
            Source = new SourceRecord { Id = "not-reached-yet", Title = "A later page", Outlet = "example.org", Published = "2024-05-03" },
            Events = [Event("zz-not-reached", "DISAPPROVE", "demo-org", ["refugee"])],
        };
        Assert.IsType<WriteOutcome.Imported>(await first.Import(late, None));
        await CloseAll();
        await RecordVersion(CurrentVersion - 1);

        var (rerun, _, logs) = await Open();

        Assert.Contains(logs.Messages, l => l.Contains($"to {CurrentVersion}", StringComparison.Ordinal) && l.Contains("(1 written)", StringComparison.Ordinal));
        Assert.Equal(claimsBefore, await LegacyClaims(rerun));
        var reached = await Node(rerun, NodeLabel.Event, "zz-not-reached");
        // DISAPPROVE's own mode (disapprove) stands: demo-org is a PROTEST mode, not one of ACCUSE's, so it is only the original.
        AssertCoding(reached, "ACCUSE", "disapprove", "DISAPPROVE", "demo-org");
        Assert.Equal(["migration"], Strings(reached.Properties["contexts"]));
        Assert.Equal(["refugee"], Strings(reached.Properties["originalContexts"]));
    }

    [Fact]
    public async Task Every_page_is_recoded_when_there_are_more_facts_than_one_page_holds()
    {
        await PlaceEmptyStore();
        var (store, _, _) = await Open();
        var count = RecodePage + 1;
        var many = new KnowledgeDocument
        {
            Source = new SourceRecord { Id = LegacySource, Title = "Many events", Outlet = "example.org", Published = "2024-05-02" },
            Events = [.. Enumerable.Range(0, count).Select(i => Event($"paged-{i:D5}", "DEMAND"))],
        };
        Assert.IsType<WriteOutcome.Imported>(await store.Import(many, None));
        await CloseAll();
        await RecordVersion(CurrentVersion - 1);

        var (migrated, _, logs) = await Open();

        Assert.Contains(logs.Messages, l => l.Contains($"to {CurrentVersion}", StringComparison.Ordinal) && l.Contains($"({count} written)", StringComparison.Ordinal));
        var events = (await migrated.GetGraph(1_000_000, None)).Nodes.Where(n => n.Label == NodeLabel.Event).ToList();
        Assert.Equal(count, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal("REQUEST", e.Properties["kind"]);
            Assert.Equal("DEMAND", e.Properties["originalKind"]);
        });
    }

    [Fact]
    public async Task Over_HTTP_a_recoded_fact_shows_its_source_claiming_the_current_value_and_the_original_beside_it()
    {
        await PlaceLegacyStore();
        await Open();
        await CloseAll();

        using var api = Api(new Dictionary<string, string?> { ["Seed:Enabled"] = "false" });
        using var client = api.CreateClient();
        using var disapprove = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/events/legacy-type-disapprove?claims=all", UriKind.Relative)));
        using var unmappable = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/events/unmappable-mode?claims=all", UriKind.Relative)));

        Assert.Equal("ACCUSE", disapprove.RootElement.GetProperty("kind").GetString());
        var claims = Claims(disapprove.RootElement);
        Assert.Equal(("ACCUSE", true), claims["kind"]);
        Assert.Equal(("disapprove", true), claims["mode"]);
        Assert.Equal(("DISAPPROVE", true), claims["originalKind"]);
        var kept = Claims(unmappable.RootElement);
        Assert.Equal((UnmappableMode, true), kept["originalMode"]);
        Assert.DoesNotContain("mode", kept.Keys);
    }

    /// <summary>An answer's claims by field (one source here): the value given and whether it is the one shown.</summary>
    private static Dictionary<string, (string? Value, bool Shown)> Claims(JsonElement answer) =>
        answer.GetProperty("claims").EnumerateArray()
            .Where(c => c.GetProperty("sourceId").GetString() == LegacySource && c.GetProperty("value").ValueKind == JsonValueKind.String)
            .ToDictionary(c => c.GetProperty("field").GetString()!, c => (c.GetProperty("value").GetString(), c.GetProperty("shown").GetBoolean()), StringComparer.Ordinal);

    /// <summary>The claims of every legacy record, as JSON: what the step leaves for a later write to resolve values from.</summary>
    private static async Task<string> LegacyClaims(IGraphStore store)
    {
        var document = LegacyDocument();
        var claims = new List<object>();
        foreach (var e in document.Events) claims.Add((await Node(store, NodeLabel.Event, e.Id)).Claims.Select(c => c.Values.OrderBy(v => v.Key, StringComparer.Ordinal)));
        foreach (var s in document.Statements) claims.Add((await Node(store, NodeLabel.Statement, s.Id)).Claims.Select(c => c.Values.OrderBy(v => v.Key, StringComparer.Ordinal)));
        return JsonSerializer.Serialize(claims);
    }

    /// <summary>The fact's coding, and its one source's claims saying the same (so that a later write resolves the same values).</summary>
    private static void AssertCoding(GraphNode node, string kind, string? mode, string? originalKind, string? originalMode)
    {
        Assert.Equal(kind, node.Properties["kind"]);
        Assert.Equal(mode, node.Properties.GetValueOrDefault("mode"));
        Assert.Equal(originalKind, node.Properties.GetValueOrDefault("originalKind"));
        Assert.Equal(originalMode, node.Properties.GetValueOrDefault("originalMode"));
        if (node.Label == NodeLabel.Event) Assert.Equal((double?)Plover.QuadClassOf(kind), node.Properties.GetValueOrDefault("quadClass"));
        var claim = Assert.Single(node.Claims);
        foreach (var field in new[] { "kind", "mode", "originalKind", "originalMode", "quadClass", "contexts", "originalContexts" })
        {
            Assert.Equal(JsonSerializer.Serialize(node.Properties.GetValueOrDefault(field)), JsonSerializer.Serialize(claim.Values.GetValueOrDefault(field)));
        }
    }

    private static string[] Strings(object? value) => Assert.IsType<string[]>(value);
}

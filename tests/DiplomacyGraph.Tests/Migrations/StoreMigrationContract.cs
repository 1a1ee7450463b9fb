using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Storage.Vocabulary;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Infrastructure;
using DiplomacyGraph.Tests.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Tests.Migrations;

/// <summary>
/// A store written by an earlier release (a committed fixture: Data/migrations/README.md says how each was made) opens,
/// migrates one logged step at a time, and then, re-seeded as the service does at every start, answers every question
/// as a store freshly seeded by this build; opened again it migrates nothing; a store newer than the build is refused
/// with one line.
/// </summary>
public abstract partial class StoreMigrationContract : IAsyncLifetime
{
    protected static readonly CancellationToken None = CancellationToken.None;

    private readonly List<ServiceProvider> opened = [];

    /// <summary>The schema version this build writes.</summary>
    protected abstract int CurrentVersion { get; }

    /// <summary>How many facts the store's PLOVER step reads per page.</summary>
    protected abstract int RecodePage { get; }

    /// <summary>The API over the store under test, with <paramref name="extra"/> settings.</summary>
    protected abstract DiplomacyGraphFactory Api(IDictionary<string, string?> extra);

    /// <summary>The entity-resolution judgements the old release made after importing the documents, in order.</summary>
    protected virtual IReadOnlyList<(string A, string B, JudgementKind Kind)> JudgementsOfTheFixture => [];

    /// <summary>Places the old release's store where <see cref="Settings"/> points, replacing what was there.</summary>
    protected abstract Task PlaceOldStoreCore();

    /// <summary>Empties the store where <see cref="Settings"/> points.</summary>
    protected abstract Task PlaceEmptyStoreCore();

    // Each store is closed before its data is replaced or opened again: one process holds an embedded file at a time.
    protected async Task PlaceOldStore()
    {
        await CloseAll();
        await PlaceOldStoreCore();
    }

    private async Task PlaceEmptyStore()
    {
        await CloseAll();
        await PlaceEmptyStoreCore();
    }

    private async Task CloseAll()
    {
        foreach (var services in opened) await services.DisposeAsync();
        opened.Clear();
    }

    /// <summary>The configuration that opens the store under test, as the API reads it.</summary>
    protected abstract Dictionary<string, string?> Settings();

    /// <summary>The schema version the store records, read beside the API (null: none).</summary>
    protected abstract Task<int?> RecordedVersion();

    /// <summary>Records a version, beside the API, as a newer build would.</summary>
    protected abstract Task RecordVersion(int version);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => CloseAll();

    /// <summary>
    /// The seed as the service loads it at every start, each event and statement in the current PLOVER manual's terms.
    /// The old stores were written from the seed as it was at release 2f8156e (Data/migrations/documents), in older
    /// drafts' terms; a migrated store is re-seeded, as the service does, before it is compared. Once the seed is
    /// re-coded by hand (issue 19) the re-coding here changes nothing; until then it stands in for it, as
    /// <see cref="Plover.Recode"/> codes the old values.
    /// </summary>
    private static IReadOnlyList<KnowledgeDocument> Documents() =>
        [.. Seed.RepositoryFiles.LoadFolder(Seed.RepositoryFiles.SeedFolder).Select(d => Recoded(d.Document))];

    private static KnowledgeDocument Recoded(KnowledgeDocument document) => document with
    {
        Events = [.. document.Events.Select(e => Plover.Recode(e.Kind, e.Mode, e.Contexts, out var why, EventKinds.Travel) is { } c
            ? e with
            {
                Kind = c.Kind, Mode = c.Mode, Contexts = c.Contexts, OriginalKind = c.OriginalKind ?? e.OriginalKind,
                OriginalMode = c.OriginalMode ?? e.OriginalMode, OriginalContexts = c.OriginalContexts.Count > 0 ? c.OriginalContexts : e.OriginalContexts,
            }
            : throw new InvalidOperationException($"The seed's event {e.Id}: {why}"))],
        Statements = [.. document.Statements.Select(s => s.Kind is null ? s : Plover.Recode(s.Kind, s.Mode, null, out var why) is { } c
            ? s with { Kind = c.Kind, Mode = c.Mode, OriginalKind = c.OriginalKind ?? s.OriginalKind, OriginalMode = c.OriginalMode ?? s.OriginalMode }
            : throw new InvalidOperationException($"The seed's statement {s.Id}: {why}"))],
    };

    [Fact]
    public async Task A_store_written_by_the_last_release_migrates_step_by_step_and_answers_as_a_fresh_import()
    {
        await PlaceEmptyStore();
        var (fresh, freshResolution, _) = await Open();
        foreach (var document in Documents()) await fresh.Import(document, None);
        foreach (var (a, b, kind) in JudgementsOfTheFixture)
        {
            Assert.IsType<JudgeOutcome.Judged>(await freshResolution.Judge(a, b, kind, automatic: false, reason: null, None));
        }
        var expected = await Answers(fresh, freshResolution);

        await PlaceOldStore();
        Assert.Null(await RecordedVersion());
        var (migrated, resolution, logs) = await Open();

        var steps = logs.Messages.Where(l => l.Contains("migrated from schema version", StringComparison.Ordinal)).ToList();
        Assert.Equal(CurrentVersion, steps.Count);
        for (var step = 0; step < CurrentVersion; step++)
        {
            Assert.Contains($"from schema version {step} to {step + 1}", steps[step], StringComparison.Ordinal);
        }
        Assert.Equal(CurrentVersion, await RecordedVersion());
        foreach (var document in Documents()) await migrated.Import(document, None);
        var actual = await Answers(migrated, resolution);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (question, answer) in expected)
        {
            Assert.True(answer == actual[question], $"{question}:\nfresh    {answer}\nmigrated {actual[question]}");
        }
    }

    [Fact]
    public async Task A_migrated_store_opened_again_migrates_nothing_and_answers_the_same()
    {
        await PlaceOldStore();
        var (first, _, firstLogs) = await Open();
        Assert.Contains(firstLogs.Messages, l => l.Contains("migrated from schema version", StringComparison.Ordinal));
        var before = await StoreFingerprint.OfAsync(first, None);
        await CloseAll();

        var (again, _, logs) = await Open();

        Assert.DoesNotContain(logs.Messages, l => l.Contains("schema version", StringComparison.Ordinal) && !l.Contains("ensured", StringComparison.Ordinal));
        Assert.Equal(CurrentVersion, await RecordedVersion());
        Assert.Equal(before, await StoreFingerprint.OfAsync(again, None));
    }

    [Fact]
    public async Task A_new_store_is_created_at_the_current_version_without_migrating()
    {
        await PlaceEmptyStore();
        var (_, _, logs) = await Open();

        Assert.DoesNotContain(logs.Messages, l => l.Contains("migrated from schema version", StringComparison.Ordinal));
        Assert.Single(logs.Messages, l => l.Contains($"created at schema version {CurrentVersion}", StringComparison.Ordinal));
        Assert.Equal(CurrentVersion, await RecordedVersion());
    }

    [Fact]
    public async Task A_store_newer_than_the_build_is_refused_with_one_line_and_left_untouched()
    {
        await PlaceOldStore();
        await Open();
        await CloseAll();
        await RecordVersion(CurrentVersion + 1);

        var services = Services(new CapturedLogs());
        var refused = await Assert.ThrowsAsync<StoreMisconfiguredException>(() => services.GetRequiredService<IGraphStore>().Initialize(None));

        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains($"schema version {CurrentVersion + 1}, newer than this build knows ({CurrentVersion})", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CurrentVersion + 1, await RecordedVersion());
    }

    /// <summary>Opens the store as the API does, and runs its start-up (schema and migrations).</summary>
    private async Task<(IGraphStore Store, IResolutionStore Resolution, CapturedLogs Logs)> Open()
    {
        var logs = new CapturedLogs();
        var services = Services(logs);
        var store = services.GetRequiredService<IGraphStore>();
        await store.Initialize(None);
        return (store, services.GetRequiredService<IResolutionStore>(), logs);
    }

    private ServiceProvider Services(CapturedLogs logs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(logs)).AddGraphStore(configuration).BuildServiceProvider(validateScopes: true);
        opened.Add(services);
        return services;
    }

    /// <summary>
    /// The contract's questions and their answers as JSON: the whole graph's fingerprint, every source's page, every
    /// node with its claims, relationships and networks, searches and resolution candidates, a re-import of the documents
    /// (which must change nothing), and a retraction of every source (which must find every fact its citations name).
    /// </summary>
    private static async Task<Dictionary<string, string>> Answers(IGraphStore store, IResolutionStore resolution)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task Ask<T>(string question, Func<Task<T>> ask) => answers[question] = JsonSerializer.Serialize<object?>(await ask());

        await Ask("fingerprint", () => StoreFingerprint.OfAsync(store, None));
        var sources = await store.ListSources(None);
        Assert.NotEmpty(sources);
        await Ask("sources", () => Task.FromResult(sources));
        foreach (var source in sources) await Ask($"source {source.Id}", () => store.GetSource(source.Id, None));
        var graph = await store.GetGraph(1_000_000, None);
        foreach (var node in graph.Nodes)
        {
            var lookup = await store.GetNode(node.Label, node.Id, None);
            var found = Assert.IsType<Found<NodeWithLinks>>(lookup);
            answers[$"node {node.Id}"] = JsonSerializer.Serialize(found.Value);
            // Claims are not serialised with their node: asked for on their own, with their origins.
            answers[$"claims {node.Id}"] = JsonSerializer.Serialize(found.Value.Node.Claims.Select(c => new { c.SourceId, c.Origin, Values = c.Values.OrderBy(v => v.Key, StringComparer.Ordinal) }));
        }
        var actors = (await store.SearchActors(new ActorSearch(null, null, 1, 10_000), None)).Items;
        Assert.NotEmpty(actors);
        foreach (var actor in actors)
        {
            await Ask($"relationships {actor.Id}", () => store.GetRelationships(actor.Id, null, Directions.Both, None));
            await Ask($"network {actor.Id}", () => store.GetNetwork(actor.Id, 2, 50, None));
        }
        foreach (var query in new[] { "petro", "a", "trump" })
        {
            await Ask($"search {query}", () => store.SearchActors(new ActorSearch(query, null, 1, 20), None));
        }
        await Ask("candidates", () => resolution.Candidates(NodeLabel.Actor, 0, 1, 100, None));
        var imports = 0;
        foreach (var document in Documents()) await Ask($"import again {imports++}", () => store.Import(document, None));
        foreach (var source in sources) await Ask($"retract {source.Id}", () => store.RetractSource(source.Id, None));
        await Ask("fingerprint after retraction", () => StoreFingerprint.OfAsync(store, None));
        return answers;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// The scale modes (see benchmarks/README.md):
/// <c>generate --size S --out file.ndjson</c> writes <see cref="ScaledGraph"/> as NDJSON, one validated document a line;
/// <c>embedded --size S --store file.db</c> imports it into an embedded store in-process and prints the throughput and
/// bytes per relationship; <c>open --store file.db</c> opens a store file in a fresh process and prints the start-up
/// time, the peak RSS, and how long 50-item imports take at that size.
/// </summary>
internal static class ScaleRun
{
    private static readonly JsonSerializerOptions Ndjson = new(KnowledgeJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false };

    public static async Task<int> Run(string mode, string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.Ordinal);
        var size = GraphSize.Parse(options.GetValueOrDefault("size", "seed"));
        ValidationConventions.Apply();
        var validator = new KnowledgeDocumentValidator();
        switch (mode)
        {
            case "generate":
            {
                var path = options.GetValueOrDefault("out") ?? $"{size.Name}.ndjson";
                await using var writer = new StreamWriter(path);
                var (documents, relationships) = (0, 0L);
                foreach (var document in ScaledGraph.Documents(size))
                {
                    Validate(validator, document);
                    await writer.WriteLineAsync(JsonSerializer.Serialize(document, Ndjson));
                    (documents, relationships) = (documents + 1, relationships + document.Relationships.Count);
                }
                Console.WriteLine($"{path}: {documents} documents, {relationships:N0} relationships, {new FileInfo(path).Length / 1e6:F1} MB");
                return 0;
            }
            case "embedded":
            {
                var path = options.GetValueOrDefault("store") ?? TempStore.NewPath();
                var clock = Stopwatch.StartNew();
                var (documents, relationships) = (0, 0L);
                using (var store = new EmbeddedGraphStore(path))
                {
                    foreach (var document in ScaledGraph.Documents(size))
                    {
                        Validate(validator, document);
                        await store.Import(document, CancellationToken.None);
                        (documents, relationships) = (documents + 1, relationships + document.Relationships.Count);
                        if (documents % 20 == 0) Console.WriteLine($"  {documents} documents, {relationships:N0} relationships, {clock.Elapsed.TotalSeconds:F0} s");
                    }
                }
                var seconds = clock.Elapsed.TotalSeconds;
                var bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
                Console.WriteLine($"Imported {size.Name}: {documents} documents, {relationships:N0} relationships in {seconds:F1} s = {relationships / seconds:N0} relationships/s (validation included)");
                Console.WriteLine($"Store file {path}: {bytes / 1e6:F1} MB = {bytes / (double)relationships:F0} bytes per relationship (nodes included)");
                Console.WriteLine($"Peak RSS of the importing process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
                return 0;
            }
            case "open":
            {
                var path = options.GetValueOrDefault("store") ?? throw new ArgumentException("--store file.db is required");
                var clock = Stopwatch.StartNew();
                using var store = new EmbeddedGraphStore(path);
                var startup = clock.Elapsed.TotalSeconds;
                GC.Collect();
                var process = Process.GetCurrentProcess();
                Console.WriteLine($"Opened {path} in {startup:F1} s; peak RSS {process.PeakWorkingSet64 / 1e6:F0} MB, RSS after a full GC {process.WorkingSet64 / 1e6:F0} MB, managed heap {GC.GetTotalMemory(false) / 1e6:F0} MB");
                var persons = int.Parse(options.GetValueOrDefault("persons", "97800"), CultureInfo.InvariantCulture);
                var times = new List<double>();
                for (var i = 0; i < 20; i++)
                {
                    var document = SmallDocument($"bench-{Guid.NewGuid():N}"[..20], i, persons);
                    var one = Stopwatch.StartNew();
                    await store.Import(document, CancellationToken.None);
                    times.Add(one.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine($"50-item imports (a source, 20 events, 29 statements, ~110 relationships), 20 runs: median {times[10]:F1} ms, max {times[^1]:F1} ms");
                Console.WriteLine($"Peak RSS now {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
                return 0;
            }
            default:
                await Console.Error.WriteLineAsync("usage: generate|embedded|open --size seed|medium|large [--out f.ndjson] [--store f.db]");
                return 2;
        }
    }

    private static void Validate(KnowledgeDocumentValidator validator, KnowledgeDocument document)
    {
        var result = validator.Validate(document);
        if (!result.IsValid) throw new InvalidOperationException($"{document.Source.Id} is invalid: {string.Join("; ", result.Errors.Take(5))}");
    }

    /// <summary>A 50-node document (a source, 20 events, 29 statements) citing existing persons, with fresh ids.</summary>
    private static KnowledgeDocument SmallDocument(string prefix, int seed, int persons)
    {
        var random = new Random(seed);
        var events = Enumerable.Range(0, 20).Select(i => new EventRecord { Id = $"{prefix}-event-{i:D2}", Kind = "CONSULT", Title = $"Small meeting {i}", Date = "2024-05-01", Evidence = "It happened." }).ToList();
        var statements = Enumerable.Range(0, 29).Select(i => new StatementRecord { Id = $"{prefix}-statement-{i:D2}", Text = $"Small statement {i}.", Medium = "written", Date = "2024-05-02", Evidence = "It was said." }).ToList();
        var relationships = events.SelectMany(e => Enumerable.Range(0, 4).Select(_ => random.Next(persons)).Distinct()
                .Select(p => new RelationshipRecord { Type = RelationshipTypes.ParticipatedIn, From = ScaledGraph.Person(p), To = e.Id, Evidence = "It happened." }))
            .Concat(statements.Select(s => new RelationshipRecord { Type = RelationshipTypes.Said, From = ScaledGraph.Person(random.Next(persons)), To = s.Id, Evidence = "It was said." }))
            .ToList();
        return new KnowledgeDocument
        {
            Source = new SourceRecord { Id = $"{prefix}-source", Title = "Small", Outlet = "example.org", Published = "2026-02-04T11:20" },
            Events = events, Statements = statements, Relationships = relationships,
        };
    }
}

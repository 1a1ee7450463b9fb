using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// The write side of <c>load --writers N</c>: N closed loops of 20-node imports (<c>POST /api/import</c>) running beside
/// the readers of each endpoint, so reads are measured while data keeps arriving, as in real use.
/// </summary>
/// <remarks>
/// Each document is new facts about the graph's top hub (<c>country-000</c>, on a ScaledGraph; the seed's hub otherwise):
/// a source, an event it takes part in, a sanction it imposes, and 17 new persons taking part in the event, one of them
/// the sanction's target. So every write changes the hub's neighbours and its date-ordered sanctions, which is what the
/// hub reads in the same run go through. It writes into the store it is given: copy a prepared store file first.
/// </remarks>
internal static class LoadWriters
{
    public const string Key = "load-writers-key-0123456789abcdef";

    /// <summary>Settings the API process needs to take the writes: the key, and a write rate limit out of the way.</summary>
    public static readonly string[] ApiSettings = [$"--Auth:ApiKeys:0={Key}", "--Writes:PermitsPerMinute=100000"];

    private const int Persons = 17;

    private static readonly JsonSerializerOptions Json = new(KnowledgeJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false };

    public readonly record struct Sample(long Ticks, int Status);

    /// <summary>Writes from <paramref name="writers"/> loops until <paramref name="stop"/> is cancelled.</summary>
    public static Task<List<Sample>> Run(HttpClient http, int writers, string hub, string run, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(loop => Task.Run(async () =>
        {
            var samples = new List<Sample>(1024);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(Document(hub, $"{run}-{loop}-{i}", i), Json);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/import", UriKind.Relative)) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new("application/json");
                    request.Headers.Add("X-Api-Key", Key);
                    // Not cancelled with the run: a write under way is waited for, so its time counts.
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    samples.Add(new Sample(Stopwatch.GetTimestamp() - started, (int)response.StatusCode));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    samples.Add(new Sample(Stopwatch.GetTimestamp() - started, 0));
                }
            }
            return samples;
        }))).ContinueWith(t => t.Result.SelectMany(s => s).ToList(), TaskScheduler.Default);

    /// <summary>Imports/s, p99 in ms and the answers that were not 200, over a measured run.</summary>
    public static (double Rate, double P99, int Failed) Summary(List<Sample> samples, double seconds)
    {
        var ok = samples.Where(s => s.Status == 200).Select(s => s.Ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var p99 = ok.Length == 0 ? 0 : ok[Math.Clamp((int)Math.Ceiling(0.99 * ok.Length) - 1, 0, ok.Length - 1)];
        return (ok.Length / seconds, p99, samples.Count - ok.Length);
    }

    private static KnowledgeDocument Document(string hub, string tag, int i)
    {
        var date = new DateOnly(2011, 1, 1).AddDays(i * 37 % (15 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sentence = $"On {date}, {hub} met delegates and imposed a sanction (load {tag}).";
        var persons = Enumerable.Range(0, Persons).Select(k => new ActorRecord
        {
            Id = $"load-person-{tag}-{k:D2}", Kind = ActorKinds.Person, Name = $"Delegate {tag} {k}", Evidence = sentence,
        }).ToList();
        var eventId = $"load-event-{tag}";
        var sanctionId = $"load-sanction-{tag}";
        return new KnowledgeDocument
        {
            Source = new SourceRecord { Id = $"load-source-{tag}", Title = $"Load report {tag}", Outlet = "load.example", Published = date },
            Actors = persons,
            Events = [new EventRecord { Id = eventId, Kind = "CONSULT", Title = $"Load meeting {tag}", Date = date, Evidence = sentence }],
            Sanctions = [new SanctionRecord { Id = sanctionId, Kind = "financial", Description = $"Load sanction {tag}", Date = date, Evidence = sentence }],
            Relationships =
            [
                Rel(RelationshipTypes.ParticipatedIn, hub, eventId, sentence),
                Rel(RelationshipTypes.Imposed, hub, sanctionId, sentence),
                Rel(RelationshipTypes.Targets, sanctionId, persons[0].Id, sentence),
                .. persons.Select(p => Rel(RelationshipTypes.ParticipatedIn, p.Id, eventId, sentence)),
            ],
        };
    }

    private static RelationshipRecord Rel(string type, string from, string to, string evidence) =>
        new() { Type = type, From = from, To = to, Evidence = evidence };
}

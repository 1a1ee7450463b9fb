using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// Knowledge documents the write tests import: a second article that reports a follow-up meeting of
/// Gustavo Petro and Marco Rubio and links to the seed's actors, and small documents for the rest.
/// Every call gives fresh ids for what the document introduces, so tests sharing a service never meet.
/// </summary>
internal static class Articles
{
    public const string SeedSource = "vermelho-2026-02-04-petro-trump";
    public const string SeedMeeting = "white-house-meeting-2026-02-03";

    /// <summary>The seed's evidence for Rubio's office and his part in the White House meeting.</summary>
    public const string SeedRubioSentence =
        "Participating in the meeting, on the North American side, were Vice President JD Vance, Secretary of State Marco Rubio and Senator Bernie Moreno, of Colombian origin.";

    /// <summary>The seed's evidence for Petro's meeting with Trump.</summary>
    public const string SeedOpeningSentence =
        "After months of public accusations, sanctions and threats, the President of Colombia, Gustavo Petro, met this Tuesday (3) with the President of the United States, Donald Trump, at the White House.";

    public const string MeetingSentence =
        "Colombian President Gustavo Petro received US Secretary of State Marco Rubio in Bogotá this Monday (9) to follow up on the agreements reached at the White House a week earlier.";

    public const string DelegationSentence =
        "Rubio travelled with the US chargé d’affaires in Bogotá, John McNamara, who had not attended the meeting in Washington.";

    public const string QuoteSentence = "Rubio said after the meeting that the talks had been “frank and productive”.";

    /// <summary>JSON as the service reads it: camelCase, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A slug no other test uses: <c>stem-3f9a0c1b2d</c>.</summary>
    public static string Unique(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>The follow-up article, with its new ids.</summary>
    public sealed record FollowUp(KnowledgeDocument Document, string SourceId, string MeetingId, string EnvoyId, string QuoteId)
    {
        /// <summary>The ids the document declares that the seed does not hold.</summary>
        public IReadOnlyList<string> NewNodeIds => [SourceId, EnvoyId, MeetingId, QuoteId];

        /// <summary>Seed actors the document declares again.</summary>
        public static IReadOnlyList<string> SeedActorIds => ["gustavo-petro", "marco-rubio", "united-states"];

        /// <summary>The document plus one relationship at the end.</summary>
        public KnowledgeDocument EndingWith(RelationshipRecord last) =>
            Document with { Relationships = [.. Document.Relationships, last] };
    }

    /// <summary>
    /// A second article, from another outlet: Petro received Rubio in Bogotá a week after the White House
    /// meeting. It declares three seed actors again, introduces an envoy, a meeting and a quote, and links
    /// to seed nodes it does not declare (Bogotá, the White House meeting).
    /// </summary>
    public static FollowUp FollowUpMeeting()
    {
        var source = Unique("andes-wire-2026-02-10-petro-rubio");
        var meeting = Unique("petro-rubio-meeting-2026-02-09");
        var envoy = Unique("john-mcnamara");
        var quote = Unique("rubio-frank-and-productive");
        var document = new KnowledgeDocument
        {
            Source = new SourceRecord
            {
                Id = source,
                Title = "Petro receives Rubio in Bogotá to follow up on the White House talks",
                Outlet = "andes-wire.example",
                Published = "2026-02-10T08:15",
                Language = "en",
            },
            Actors =
            [
                new ActorRecord { Id = "gustavo-petro", Kind = "person", Name = "Gustavo Petro", Aliases = ["Petro"], Evidence = MeetingSentence },
                new ActorRecord { Id = "marco-rubio", Kind = "person", Name = "Marco Rubio", Aliases = ["Rubio"], Evidence = MeetingSentence },
                new ActorRecord { Id = "united-states", Kind = "country", Name = "United States", Evidence = MeetingSentence },
                new ActorRecord
                {
                    Id = envoy, Kind = "person", Name = "John McNamara", Aliases = ["McNamara"],
                    Description = "US chargé d’affaires in Bogotá; travelled with Rubio.", Evidence = DelegationSentence,
                },
            ],
            Events =
            [
                new EventRecord
                {
                    Id = meeting, Kind = "CONSULT", Mode = "visit", Title = "Meeting of Gustavo Petro and Marco Rubio in Bogotá",
                    Date = "2026-02-09", Topics = ["drug trafficking"], Evidence = MeetingSentence,
                },
            ],
            Statements =
            [
                new StatementRecord
                {
                    Id = quote, Text = "Rubio said the talks with Petro had been frank and productive.", Quote = "frank and productive",
                    Medium = "spoken-to-journalists", Date = "2026-02-09", Evidence = QuoteSentence,
                },
            ],
            Relationships =
            [
                Link("PARTICIPATED_IN", "gustavo-petro", meeting, MeetingSentence, ("role", "host"), ("side", "colombia"), ("title", "President")),
                Link("PARTICIPATED_IN", "marco-rubio", meeting, MeetingSentence, ("role", "head of delegation"), ("side", "united-states"), ("title", "Secretary of State")),
                Link("PARTICIPATED_IN", envoy, meeting, DelegationSentence, ("role", "delegation member"), ("side", "united-states")),
                Link("HOLDS_OFFICE", "marco-rubio", "united-states", MeetingSentence, ("title", "Secretary of State"), ("status", "current")),
                Link("OCCURRED_IN", meeting, "bogota", MeetingSentence),
                Link("PRECEDED", SeedMeeting, meeting, MeetingSentence),
                Link("SAID", "marco-rubio", quote, QuoteSentence),
                Link("ABOUT", quote, meeting, QuoteSentence),
                Link("MADE_AT", quote, meeting, QuoteSentence, ("timing", "after")),
            ],
        };
        return new FollowUp(document, source, meeting, envoy, quote);
    }

    /// <summary>A small document from its own source: one new actor taking part in one new event.</summary>
    public static KnowledgeDocument Briefing(string sourceId, string actorId, string eventId, string sentence, params string[] aliases) => new()
    {
        Source = new SourceRecord { Id = sourceId, Title = $"Briefing {sourceId}", Outlet = "briefings.example", Published = "2026-02-11" },
        Actors = [new ActorRecord { Id = actorId, Kind = "person", Name = "Camila Restrepo", Aliases = aliases, Evidence = sentence }],
        Events = [new EventRecord { Id = eventId, Kind = "CONSULT", Title = "Working session on extraditions", Date = "2026-02-11", Evidence = sentence }],
        Relationships =
        [
            Link("PARTICIPATED_IN", actorId, eventId, sentence, ("side", "colombia")),
            Link("PARTICIPATED_IN", "gustavo-petro", eventId, sentence, ("side", "colombia")),
        ],
    };

    public static RelationshipRecord Link(string type, string from, string to, string evidence, params (string Key, string Value)[] properties) => new()
    {
        Type = type,
        From = from,
        To = to,
        Evidence = evidence,
        Properties = properties.ToDictionary(p => p.Key, p => p.Value),
    };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Json);

    /// <summary>The document as a JSON tree, for bodies the C# records cannot express (unknown properties).</summary>
    public static JsonObject Tree(KnowledgeDocument document) => JsonSerializer.SerializeToNode(document, Json)!.AsObject();

    /// <summary>The edge id the service gives a relationship: <c>from:TYPE:to</c>.</summary>
    public static string EdgeId(RelationshipRecord r) => $"{r.From}:{r.Type}:{r.To}";
}

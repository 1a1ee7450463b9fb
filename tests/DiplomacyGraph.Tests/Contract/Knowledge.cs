using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>Small hand-made knowledge documents for the contract tests.</summary>
internal static class Knowledge
{
    public static SourceRecord Source(string id, string title = "A report") =>
        new() { Id = id, Title = title, Outlet = "example.org", Published = "2026-02-04T11:20" };

    public static KnowledgeDocument Document(string sourceId) => new() { Source = Source(sourceId) };

    public static ActorRecord Actor(string id, string name, string kind = ActorKinds.Person, string[]? aliases = null, string? description = null, string? evidence = null) =>
        new() { Id = id, Kind = kind, Name = name, Aliases = aliases ?? [], Description = description, Evidence = evidence ?? $"{name} is named." };

    public static EventRecord Event(string id, string title, string? date, string kind = "CONSULT", string[]? topics = null) =>
        new() { Id = id, Kind = kind, Title = title, Date = date, Topics = topics ?? [], Evidence = $"{title} happened." };

    public static SanctionRecord Sanction(string id, string description, string? date, string kind = "financial") =>
        new() { Id = id, Kind = kind, Description = description, Date = date, Evidence = $"{description}." };

    public static StatementRecord Statement(string id, string text, string? date, string? quote = null) =>
        new() { Id = id, Text = text, Quote = quote, Medium = "spoken", Date = date, Evidence = $"{text}." };

    public static PlaceRecord Place(string id, string name) => new() { Id = id, Name = name, Evidence = $"{name} is a place." };

    public static FigureRecord Figure(string id, string metric, double value, bool approximate = false) =>
        new() { Id = id, Metric = metric, Value = value, Unit = "people", Approximate = approximate, Evidence = $"{metric}: {value}." };

    public static RelationshipRecord Rel(string from, string type, string to, Dictionary<string, string>? properties = null, string? evidence = null) =>
        new() { From = from, Type = type, To = to, Properties = properties ?? [], Evidence = evidence ?? $"{from} {type} {to}." };

    public const string Petro = "gustavo-petro", Trump = "donald-trump", Vance = "jd-vance", Garcia = "laura-garcia-pena",
        Colombia = "colombia", Usa = "united-states", Ofac = "ofac",
        Meeting = "white-house-meeting", Call = "phone-call", Strikes = "boat-strikes", Protest = "bogota-protest",
        OfacSanction = "ofac-sanction", Visa = "visa-revocation", DrugLeader = "drug-leader-remark", GoodMeeting = "good-meeting-remark",
        Undated = "undated-remark", WhiteHouse = "white-house", World = "world-report";

    /// <summary>A small world: seven actors, four events (one undated), two sanctions, three statements, a place.</summary>
    public static KnowledgeDocument WorldDocument() => Document(World) with
    {
        Actors =
        [
            Actor(Petro, "Gustavo Petro", aliases: ["Petro"], description: "President of Colombia."),
            Actor(Trump, "Donald Trump", aliases: ["Trump"]),
            Actor(Vance, "JD Vance", aliases: ["Vance"]),
            Actor(Garcia, "Laura García-Peña"),
            Actor(Colombia, "Colombia", ActorKinds.Country),
            Actor(Usa, "United States", ActorKinds.Country),
            Actor(Ofac, "OFAC", ActorKinds.Organization),
        ],
        Events =
        [
            Event(Meeting, "White House meeting", "2026-02-03"),
            Event(Call, "Phone call", "2026-01-07"),
            Event(Strikes, "Boat strikes", null, "ASSAULT"),
            Event(Protest, "Protest in Bogotá", "2025-09", "PROTEST"),
        ],
        Sanctions =
        [
            Sanction(OfacSanction, "OFAC sanctions on Petro", "2025-10-24"),
            Sanction(Visa, "Visa revoked", "2025-09-27", "visa-revocation"),
        ],
        Statements =
        [
            Statement(DrugLeader, "Trump called Petro a drug leader", "2025-10-19", "an illegal drug leader"),
            Statement(GoodMeeting, "Petro said the meeting was good", "2026-02-03"),
            Statement(Undated, "Someone said something", null),
        ],
        Places = [Place(WhiteHouse, "White House")],
        Relationships =
        [
            Rel(Petro, "PARTICIPATED_IN", Meeting, new() { ["role"] = "guest" }),
            Rel(Trump, "PARTICIPATED_IN", Meeting, new() { ["role"] = "host" }),
            Rel(Vance, "PARTICIPATED_IN", Meeting),
            Rel(Petro, "PARTICIPATED_IN", Call),
            Rel(Trump, "PARTICIPATED_IN", Call),
            Rel(Meeting, "OCCURRED_IN", WhiteHouse),
            Rel(Petro, "HOLDS_OFFICE", Colombia, new() { ["title"] = "President" }),
            Rel(Trump, "HOLDS_OFFICE", Usa, new() { ["title"] = "President" }),
            Rel(Usa, "IMPOSED", OfacSanction),
            Rel(OfacSanction, "TARGETS", Petro),
            Rel(Usa, "IMPOSED", Visa),
            Rel(Visa, "TARGETS", Petro),
            Rel(Trump, "SAID", DrugLeader),
            Rel(DrugLeader, "ABOUT", Petro),
            Rel(Petro, "SAID", GoodMeeting),
            Rel(GoodMeeting, "ABOUT", Meeting),
            Rel(GoodMeeting, "MADE_AT", Meeting),
            Rel(Strikes, "TARGETED", Colombia),
            Rel(Petro, "CRITIC_OF", Trump),
            Rel(Trump, "CRITIC_OF", Petro),
            Rel(Garcia, "ORIGINATES_FROM", Colombia),
        ],
    };
}

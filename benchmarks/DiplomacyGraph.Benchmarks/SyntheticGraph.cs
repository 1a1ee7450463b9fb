using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// A deterministic synthetic graph the size of a year of news, as knowledge documents:
/// 2,000 actors (30 countries, 170 organizations, 1,800 persons), 1,000 events of 3–8 participants,
/// 500 statements and 300 sanctions, about 8,000 relationships in all.
/// </summary>
/// <remarks>
/// Events draw their participants from a window of neighbouring persons (people who meet tend to meet
/// again), and persons belong to countries and organizations, which act as hubs. That gives the graph
/// both far-apart actors (six hops) and dense neighbourhoods, as real news graphs have.
/// The first document declares the actors; each later one, a batch of facts, as separate sources would.
/// </remarks>
public sealed class SyntheticGraph
{
    public const int Seed = 20260203;
    public const int Countries = 30;
    public const int Organizations = 170;
    public const int Persons = 1800;
    public const int Events = 1000;
    public const int Statements = 500;
    public const int Sanctions = 300;
    private const int FactBatches = 4;
    private const int ParticipantWindow = 30;

    private static readonly string[] FirstNames =
        ["José", "María", "Ana", "Luis", "Jürgen", "Zoë", "Sérgio", "Ingrid", "Chloé", "Ömer", "Łukasz", "Nuño", "Inês", "Kwame", "Mei", "Olúwasẹ́yẹ"];

    private static readonly string[] LastNames =
        ["García", "Peña", "Müller", "Núñez", "Smith", "Rossi", "Kowalski", "Öztürk", "Dubois", "Gonçalves", "Nakamura", "Mensah", "Ivanova", "Søndergaard", "Villavicencio", "O'Brien"];

    private static readonly string[] Topics = ["drugs", "trade", "migration", "security", "energy", "climate", "elections", "tariffs"];

    public IReadOnlyList<KnowledgeDocument> Documents { get; }

    /// <summary>Every relationship, for the benchmarks to pick their arguments by walking the graph.</summary>
    public IReadOnlyList<RelationshipRecord> Relationships { get; }

    public static string Country(int i) => $"country-{i:D2}";
    public static string Organization(int i) => $"organization-{i:D3}";
    public static string Person(int i) => $"person-{i:D4}";

    public SyntheticGraph()
    {
        var random = new Random(Seed);
        var relationships = new List<RelationshipRecord>();
        var actorDocument = Actors(random, relationships);
        var documents = new List<KnowledgeDocument> { actorDocument };
        for (var batch = 0; batch < FactBatches; batch++)
        {
            documents.Add(Facts(random, batch, relationships));
        }
        Documents = documents;
        Relationships = relationships;
    }

    private static KnowledgeDocument Actors(Random random, List<RelationshipRecord> all)
    {
        const string source = "synthetic-actors";
        var actors = new List<ActorRecord>();
        var relationships = new List<RelationshipRecord>();
        for (var i = 0; i < Countries; i++)
        {
            actors.Add(new ActorRecord { Id = Country(i), Kind = ActorKinds.Country, Name = $"Republic of {LastNames[i % LastNames.Length]}land {i}", Evidence = "A country." });
        }
        for (var i = 0; i < Organizations; i++)
        {
            actors.Add(new ActorRecord { Id = Organization(i), Kind = ActorKinds.Organization, Name = $"{Pick(random, Topics)} council {i}", Evidence = "An organization." });
            if (random.NextDouble() < 0.5)
            {
                relationships.Add(Relationship(RelationshipTypes.PartOf, Organization(i), Country(random.Next(Countries))));
            }
        }
        for (var i = 0; i < Persons; i++)
        {
            var name = $"{Pick(random, FirstNames)} {Pick(random, LastNames)}-{Pick(random, LastNames)}";
            actors.Add(new ActorRecord
            {
                Id = Person(i),
                Kind = ActorKinds.Person,
                Name = name,
                Aliases = random.NextDouble() < 0.2 ? [$"{Pick(random, LastNames)} {i}"] : [],
                Description = $"A person of the synthetic graph, number {i}.",
                Evidence = $"{name} is mentioned.",
            });
            // Regional: neighbouring persons share a country, so the country hubs do not collapse distances.
            if (random.NextDouble() < 0.3)
            {
                relationships.Add(Relationship(RelationshipTypes.OriginatesFrom, Person(i), Country(i * Countries / Persons)));
            }
            if (random.NextDouble() < 0.2)
            {
                relationships.Add(Relationship(RelationshipTypes.MemberOf, Person(i), Organization(random.Next(Organizations))));
            }
        }
        all.AddRange(relationships);
        return new KnowledgeDocument { Source = Source(source), Actors = actors, Relationships = relationships };
    }

    private static KnowledgeDocument Facts(Random random, int batch, List<RelationshipRecord> all)
    {
        var source = $"synthetic-facts-{batch}";
        var events = new List<EventRecord>();
        var statements = new List<StatementRecord>();
        var sanctions = new List<SanctionRecord>();
        var relationships = new List<RelationshipRecord>();
        var kinds = EventKinds.All.Order(StringComparer.Ordinal).ToArray();

        for (var i = batch * Events / FactBatches; i < (batch + 1) * Events / FactBatches; i++)
        {
            var id = $"event-{i:D4}";
            events.Add(new EventRecord
            {
                Id = id,
                Kind = Pick(random, kinds),
                Title = $"Meeting {i} on {Pick(random, Topics)}",
                Date = RandomDate(random),
                Topics = [Pick(random, Topics)],
                Evidence = $"Event {i} took place.",
            });
            var centre = random.Next(Persons);
            var participants = new HashSet<int>();
            var count = random.Next(3, 9);
            while (participants.Count < count)
            {
                participants.Add(((centre + random.Next(-ParticipantWindow, ParticipantWindow + 1)) % Persons + Persons) % Persons);
            }
            foreach (var person in participants.Order())
            {
                relationships.Add(Relationship(RelationshipTypes.ParticipatedIn, Person(person), id));
            }
        }
        for (var i = batch * Statements / FactBatches; i < (batch + 1) * Statements / FactBatches; i++)
        {
            var id = $"statement-{i:D4}";
            statements.Add(new StatementRecord
            {
                Id = id,
                Text = $"Statement {i} about {Pick(random, Topics)}.",
                Medium = "spoken",
                Kind = "DISAPPROVE",
                Date = RandomDate(random),
                Evidence = $"Statement {i} was made.",
            });
            relationships.Add(Relationship(RelationshipTypes.Said, Person(random.Next(Persons)), id));
            var about = random.NextDouble() < 0.8 ? Person(random.Next(Persons)) : Country(random.Next(Countries));
            relationships.Add(Relationship(RelationshipTypes.About, id, about));
        }
        for (var i = batch * Sanctions / FactBatches; i < (batch + 1) * Sanctions / FactBatches; i++)
        {
            var id = $"sanction-{i:D4}";
            sanctions.Add(new SanctionRecord { Id = id, Kind = "financial", Description = $"Sanction {i}", Date = RandomDate(random), Evidence = $"Sanction {i} was imposed." });
            relationships.Add(Relationship(RelationshipTypes.Imposed, Country(random.Next(Countries)), id));
            var target = random.NextDouble() < 0.7 ? Person(random.Next(Persons)) : Organization(random.Next(Organizations));
            relationships.Add(Relationship(RelationshipTypes.Targets, id, target));
        }
        all.AddRange(relationships);
        return new KnowledgeDocument { Source = Source(source), Events = events, Statements = statements, Sanctions = sanctions, Relationships = relationships };
    }

    /// <summary>A document of 50 nodes (its source, 20 events, 29 statements) that cite existing actors, with fresh ids.</summary>
    public static KnowledgeDocument SmallDocument(string prefix, int seed)
    {
        var random = new Random(seed);
        var source = $"{prefix}-source";
        var events = new List<EventRecord>();
        var statements = new List<StatementRecord>();
        var relationships = new List<RelationshipRecord>();
        for (var i = 0; i < 20; i++)
        {
            var id = $"{prefix}-event-{i:D2}";
            events.Add(new EventRecord { Id = id, Kind = "CONSULT", Title = $"Small meeting {i}", Date = RandomDate(random), Evidence = "It happened." });
            foreach (var person in Enumerable.Range(0, 4).Select(_ => random.Next(Persons)).Distinct())
            {
                relationships.Add(Relationship(RelationshipTypes.ParticipatedIn, Person(person), id));
            }
        }
        for (var i = 0; i < 29; i++)
        {
            var id = $"{prefix}-statement-{i:D2}";
            statements.Add(new StatementRecord { Id = id, Text = $"Small statement {i}.", Medium = "written", Date = RandomDate(random), Evidence = "It was said." });
            relationships.Add(Relationship(RelationshipTypes.Said, Person(random.Next(Persons)), id));
        }
        return new KnowledgeDocument { Source = Source(source), Events = events, Statements = statements, Relationships = relationships };
    }

    private static SourceRecord Source(string id) =>
        new() { Id = id, Title = $"Synthetic source {id}", Outlet = "example.org", Url = $"https://example.org/{id}", Published = "2026-02-04T11:20" };

    private static RelationshipRecord Relationship(string type, string from, string to) =>
        new() { Type = type, From = from, To = to, Evidence = $"{from} {type} {to}." };

    private static string RandomDate(Random random) =>
        new DateOnly(2020, 1, 1).AddDays(random.Next(6 * 365)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}

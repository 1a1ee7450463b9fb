using System.Globalization;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Benchmarks;

/// <summary>The sizes <see cref="ScaledGraph"/> makes.</summary>
public sealed record GraphSize(string Name, int Countries, int Organizations, int Persons, int Places, int Events, int Statements, int Sanctions)
{
    /// <summary>About the seed: 60 actors, some 200 relationships.</summary>
    public static readonly GraphSize Seed = new("seed", 6, 8, 46, 4, 30, 10, 5);

    /// <summary>10,000 actors, about 100,000 relationships.</summary>
    public static readonly GraphSize Medium = new("medium", 100, 400, 9_500, 200, 8_000, 1_500, 500);

    /// <summary>100,000 actors, about 1,000,000 relationships.</summary>
    public static readonly GraphSize Large = new("large", 200, 2_000, 97_800, 1_000, 80_000, 15_000, 5_000);

    public static GraphSize Parse(string name) => name switch
    {
        "seed" => Seed,
        "medium" => Medium,
        "large" => Large,
        _ => throw new ArgumentException($"Unknown size '{name}': seed, medium or large."),
    };

    public int Actors => Countries + Organizations + Persons;
}

/// <summary>
/// A deterministic synthetic news graph at any <see cref="GraphSize"/>, as a stream of valid knowledge documents
/// (each within the validator's 5,000 items a section), so the large one never has to sit in memory whole.
/// </summary>
/// <remarks>
/// Degrees are skewed as in real news: countries and organizations are picked with a cubic bias towards the first
/// ones, so a few countries are hubs with tens of thousands of links; persons get an origin, memberships, sometimes
/// an office, and events drawn from a window of neighbours with a squared bias, so most have 5–15 links and some 50+.
/// Events have 3–10 participants, persons on a country's side and one or two countries; statements have a speaker
/// and a subject; sanctions an imposing country and a target. Dates run over 15 years (2011–2025). Every fact of
/// an event cites the event's one sentence, as articles do.
/// </remarks>
public static class ScaledGraph
{
    public const int Seed = 20260203;
    private const int Chunk = 4_000;

    private static readonly string[] FirstNames =
        ["José", "María", "Ana", "Luis", "Jürgen", "Zoë", "Sérgio", "Ingrid", "Chloé", "Ömer", "Łukasz", "Nuño", "Inês", "Kwame", "Mei", "Olúwasẹ́yẹ", "Gustavo", "Petra"];

    private static readonly string[] LastNames =
        ["García", "Peña", "Müller", "Núñez", "Smith", "Rossi", "Kowalski", "Öztürk", "Dubois", "Gonçalves", "Nakamura", "Mensah", "Ivanova", "Søndergaard", "Villavicencio", "O'Brien", "Petrov"];

    private static readonly string[] Topics = ["drugs", "trade", "migration", "security", "energy", "climate", "elections", "tariffs"];

    public static string Country(int i) => $"country-{i:D3}";
    public static string Organization(int i) => $"organization-{i:D4}";
    public static string Person(int i) => $"person-{i:D5}";
    public static string Place(int i) => $"place-{i:D4}";
    public static string Event(int i) => $"event-{i:D5}";

    /// <summary>The documents, in import order: actors and places first, then batches of facts.</summary>
    public static IEnumerable<KnowledgeDocument> Documents(GraphSize size)
    {
        var random = new Random(Seed);
        int Skewed(int count, double power) => (int)(count * Math.Pow(random.NextDouble(), power));

        // Countries, organizations (each part of a country) and places.
        var countries = Enumerable.Range(0, size.Countries).Select(i => new ActorRecord
        {
            Id = Country(i), Kind = ActorKinds.Country, Name = $"Republic of {LastNames[i % LastNames.Length]}land {i}",
            Aliases = [$"{LastNames[i % LastNames.Length]}land {i}"], Evidence = $"Republic of {LastNames[i % LastNames.Length]}land {i} is a country.",
        }).ToList();
        var organizations = Enumerable.Range(0, size.Organizations).Select(i => new ActorRecord
        {
            Id = Organization(i), Kind = ActorKinds.Organization, Name = $"{Topics[i % Topics.Length]} council {i}", Evidence = $"The {Topics[i % Topics.Length]} council {i} met.",
        }).ToList();
        var places = Enumerable.Range(0, size.Places).Select(i => new PlaceRecord
        {
            Id = Place(i), Name = $"{LastNames[i % LastNames.Length]} Palace {i}", Evidence = $"{LastNames[i % LastNames.Length]} Palace {i} is a venue.",
        }).ToList();
        yield return new KnowledgeDocument
        {
            Source = Source("scaled-institutions"),
            Actors = [.. countries, .. organizations],
            Places = places,
            Relationships = [.. Enumerable.Range(0, size.Organizations).Select(i => Rel(RelationshipTypes.PartOf, Organization(i), Country(Skewed(size.Countries, 3)), $"The {Topics[i % Topics.Length]} council {i} met."))],
        };

        // Persons, in chunks, each with an origin, memberships and sometimes an office.
        for (var start = 0; start < size.Persons; start += Chunk / 2)
        {
            var persons = new List<ActorRecord>();
            var relationships = new List<RelationshipRecord>();
            for (var i = start; i < Math.Min(size.Persons, start + Chunk / 2); i++)
            {
                var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}-{LastNames[random.Next(LastNames.Length)]} {i}";
                var sentence = $"{name} was named in the report.";
                persons.Add(new ActorRecord
                {
                    Id = Person(i), Kind = ActorKinds.Person, Name = name,
                    Aliases = random.NextDouble() < 0.2 ? [$"{LastNames[random.Next(LastNames.Length)]} {i}"] : [],
                    Evidence = sentence,
                });
                relationships.Add(Rel(RelationshipTypes.OriginatesFrom, Person(i), Country(Skewed(size.Countries, 3)), sentence));
                var memberships = random.Next(0, 3);
                foreach (var organization in Enumerable.Range(0, memberships).Select(_ => Skewed(size.Organizations, 3)).Distinct())
                {
                    relationships.Add(Rel(RelationshipTypes.MemberOf, Person(i), Organization(organization), sentence));
                }
                if (random.NextDouble() < 0.1)
                {
                    relationships.Add(Rel(RelationshipTypes.HoldsOffice, Person(i), Country(Skewed(size.Countries, 3)), sentence, ("title", "Minister")));
                }
            }
            yield return new KnowledgeDocument { Source = Source($"scaled-persons-{start / (Chunk / 2):D3}"), Actors = persons, Relationships = relationships };
        }

        // Facts, in batches: events with participants on sides, statements, sanctions.
        // About 400 events a batch keeps a batch's relationships (9 an event on average) under the 5,000 a section may hold.
        var batches = Math.Max(1, size.Events / 400);
        for (var batch = 0; batch < batches; batch++)
        {
            var events = new List<EventRecord>();
            var statements = new List<StatementRecord>();
            var sanctions = new List<SanctionRecord>();
            var relationships = new List<RelationshipRecord>();
            var kinds = EventKinds.Plover.Order(StringComparer.Ordinal).ToArray();
            for (var i = batch * size.Events / batches; i < (batch + 1) * size.Events / batches; i++)
            {
                var date = RandomDate(random);
                var topic = Topics[random.Next(Topics.Length)];
                var sentence = $"On {date}, delegations met to discuss {topic} (meeting {i}).";
                events.Add(new EventRecord { Id = Event(i), Kind = kinds[random.Next(kinds.Length)], Title = $"Meeting {i} on {topic}", Date = date, Topics = [topic], Evidence = sentence });
                relationships.Add(Rel(RelationshipTypes.OccurredIn, Event(i), Place(Skewed(size.Places, 2)), sentence));
                var sides = new[] { Skewed(size.Countries, 3), Skewed(size.Countries, 3) }.Distinct().ToArray();
                foreach (var country in sides)
                {
                    relationships.Add(Rel(RelationshipTypes.ParticipatedIn, Country(country), Event(i), sentence, ("role", "host")));
                }
                // People who meet tend to meet again: a window of neighbouring persons, biased towards the first ones.
                var centre = Skewed(size.Persons, 2);
                var count = random.Next(3, 11);
                var participants = new SortedSet<int>();
                for (var tries = 0; participants.Count < count && tries < 50; tries++)
                {
                    participants.Add(Math.Clamp(centre + random.Next(-40, 41), 0, size.Persons - 1));
                }
                foreach (var person in participants)
                {
                    relationships.Add(Rel(RelationshipTypes.ParticipatedIn, Person(person), Event(i), sentence,
                        ("role", "delegate"), ("side", Country(sides[random.Next(sides.Length)]))));
                }
            }
            for (var i = batch * size.Statements / batches; i < (batch + 1) * size.Statements / batches; i++)
            {
                var id = $"statement-{i:D5}";
                var text = $"Statement {i} on {Topics[random.Next(Topics.Length)]}.";
                statements.Add(new StatementRecord { Id = id, Text = text, Medium = "spoken", Date = RandomDate(random), Evidence = text });
                relationships.Add(Rel(RelationshipTypes.Said, Person(Skewed(size.Persons, 2)), id, text));
                relationships.Add(Rel(RelationshipTypes.About, id, random.NextDouble() < 0.7 ? Person(Skewed(size.Persons, 2)) : Country(Skewed(size.Countries, 3)), text));
            }
            for (var i = batch * size.Sanctions / batches; i < (batch + 1) * size.Sanctions / batches; i++)
            {
                var id = $"sanction-{i:D5}";
                var text = $"Sanction {i} was imposed.";
                sanctions.Add(new SanctionRecord { Id = id, Kind = "financial", Description = $"Sanction {i}", Date = RandomDate(random), Evidence = text });
                relationships.Add(Rel(RelationshipTypes.Imposed, Country(Skewed(size.Countries, 3)), id, text));
                relationships.Add(Rel(RelationshipTypes.Targets, id, random.NextDouble() < 0.7 ? Person(Skewed(size.Persons, 2)) : Organization(Skewed(size.Organizations, 3)), text));
            }
            yield return new KnowledgeDocument
            {
                Source = Source($"scaled-facts-{batch:D3}"), Events = events, Statements = statements, Sanctions = sanctions, Relationships = relationships,
            };
        }
    }

    private static SourceRecord Source(string id) =>
        new() { Id = id, Title = $"Synthetic source {id}", Outlet = "example.org", Url = $"https://example.org/{id}", Published = "2026-02-04T11:20" };

    private static RelationshipRecord Rel(string type, string from, string to, string evidence, params (string Key, string Value)[] properties) =>
        new() { Type = type, From = from, To = to, Evidence = evidence, Properties = properties.ToDictionary(p => p.Key, p => p.Value) };

    private static string RandomDate(Random random) =>
        new DateOnly(2011, 1, 1).AddDays(random.Next(15 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

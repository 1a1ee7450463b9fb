using DiplomacyGraph.Api.Actors;
using DiplomacyGraph.Api.Events;
using DiplomacyGraph.Api.Graph;
using DiplomacyGraph.Api.Paths;
using DiplomacyGraph.Api.Sanctions;
using DiplomacyGraph.Api.Statements;
using DiplomacyGraph.Api.Timeline;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Tests.Validation;

/// <summary>
/// Each rule of the knowledge document format, named by the JSON path an analyst would fix
/// (<c>relationships[0].properties.office</c>). Every test breaks one thing in an otherwise valid document.
/// </summary>
public sealed class KnowledgeDocumentValidatorTests
{
    private const string Sentence = "After months of public accusations, sanctions and threats, the President of Colombia, Gustavo Petro, met this Tuesday (3) with the President of the United States, Donald Trump, at the White House.";

    public KnowledgeDocumentValidatorTests() => ValidationConventions.Apply();

    private static readonly SourceRecord Source = new()
    {
        Id = "vermelho-2026-02-04-petro-trump",
        Title = "Petro and Trump meet at the White House",
        Outlet = "vermelho.org.br",
        Published = "2026-02-04T11:20",
        Edited = "2026-02-04T11:47",
        Url = "https://vermelho.org.br/",
    };

    private static readonly ActorRecord Petro = new() { Id = "gustavo-petro", Kind = "person", Name = "Gustavo Petro", Aliases = ["Petro"], Evidence = Sentence };
    private static readonly ActorRecord Colombia = new() { Id = "colombia", Kind = "country", Name = "Colombia", Evidence = Sentence };
    private static readonly PlaceRecord WhiteHouse = new() { Id = "white-house", Name = "White House", Evidence = Sentence };
    private static readonly EventRecord Meeting = new() { Id = "white-house-meeting-2026-02-03", Kind = "CONSULT", Title = "Meeting", Date = "2026-02-03", Evidence = Sentence };
    private static readonly SanctionRecord Visa = new() { Id = "gustavo-petro-visa-revocation", Kind = "visa-revocation", Description = "Trump revoked Petro's visa.", Evidence = Sentence };
    private static readonly StatementRecord Positive = new() { Id = "petro-meeting-positive", Text = "Petro called the meeting positive.", Quote = "positive", Medium = "spoken", Kind = "CONSULT", Date = "2026-02-03", Evidence = Sentence };
    private static readonly FigureRecord Extraditions = new() { Id = "extraditions", Metric = "extraditions carried out", Value = 810, Unit = "extraditions", Evidence = Sentence };
    private static readonly ProgramRecord Substitution = new() { Id = "voluntary-substitution-program", Name = "Voluntary substitution", Description = "Farmers stop planting coca.", Evidence = Sentence };

    private static readonly RelationshipRecord Office = new()
    {
        Type = "HOLDS_OFFICE", From = "gustavo-petro", To = "colombia",
        Properties = new Dictionary<string, string> { ["title"] = "President", ["status"] = "current" },
        Evidence = Sentence,
    };

    private static readonly RelationshipRecord TookPart = new()
    {
        Type = "PARTICIPATED_IN", From = "gustavo-petro", To = "white-house-meeting-2026-02-03",
        Properties = new Dictionary<string, string> { ["side"] = "colombia", ["role"] = "head of delegation" },
        Evidence = Sentence,
    };

    private static readonly KnowledgeDocument Valid = new()
    {
        Source = Source,
        Actors = [Petro, Colombia],
        Places = [WhiteHouse],
        Events = [Meeting],
        Sanctions = [Visa],
        Statements = [Positive],
        Figures = [Extraditions],
        Programs = [Substitution],
        Relationships = [Office, TookPart],
    };

    [Fact]
    public void The_example_document_is_valid()
    {
        Assert.Empty(Errors(Valid));
    }

    // ---------------------------------------------------------------- ids

    [Theory]
    [InlineData("Gustavo-Petro")]
    [InlineData("gustavo petro")]
    [InlineData("gustavo_petro")]
    [InlineData("gustavo--petro")]
    [InlineData("-gustavo-petro")]
    [InlineData("gustavo-petro-")]
    [InlineData("garcía-peña")]
    [InlineData("")]
    public void An_id_that_is_not_a_lowercase_slug_is_named_by_its_path(string id)
    {
        AssertOnly(Valid with { Actors = [Petro with { Id = id }, Colombia] }, "actors[0].id");
    }

    [Fact]
    public void An_id_of_120_characters_is_allowed_and_of_121_is_not()
    {
        Assert.Empty(Errors(Valid with { Places = [WhiteHouse with { Id = new string('a', 120) }] }));
        AssertOnly(Valid with { Places = [WhiteHouse with { Id = new string('a', 121) }] }, "places[0].id");
    }

    [Fact]
    public void The_same_id_in_two_sections_is_reported_at_its_second_use()
    {
        AssertOnly(Valid with { Places = [WhiteHouse with { Id = "colombia" }] }, "places[0].id");
    }

    [Fact]
    public void A_node_may_not_take_the_source_id()
    {
        AssertOnly(Valid with { Programs = [Substitution with { Id = Source.Id }] }, "programs[0].id");
    }

    [Fact]
    public void The_same_id_twice_in_one_section_is_reported_at_the_second()
    {
        AssertOnly(Valid with { Events = [Meeting, Meeting with { Title = "Again" }] }, "events[1].id");
    }

    // ---------------------------------------------------------------- vocabularies

    [Theory]
    [InlineData("persn")]
    [InlineData("Person")]
    [InlineData("")]
    public void An_unknown_actor_kind_is_named_by_its_path(string kind)
    {
        AssertOnly(Valid with { Actors = [Petro, Colombia with { Kind = kind }] }, "actors[1].kind");
    }

    [Theory]
    [InlineData("consult")]
    [InlineData("MEETING")]
    public void An_unknown_event_kind_is_named_by_its_path(string kind)
    {
        AssertOnly(Valid with { Events = [Meeting with { Kind = kind }] }, "events[0].kind");
    }

    [Fact]
    public void TRAVEL_is_an_event_kind()
    {
        Assert.Empty(Errors(Valid with { Events = [Meeting with { Kind = "TRAVEL" }] }));
    }

    [Fact]
    public void TRAVEL_is_not_a_statement_kind()
    {
        AssertOnly(Valid with { Statements = [Positive with { Kind = "TRAVEL" }] }, "statements[0].kind");
    }

    [Fact]
    public void An_unknown_sanction_kind_is_named_by_its_path()
    {
        AssertOnly(Valid with { Sanctions = [Visa with { Kind = "embargo" }] }, "sanctions[0].kind");
    }

    [Fact]
    public void An_unknown_statement_medium_is_named_by_its_path()
    {
        AssertOnly(Valid with { Statements = [Positive with { Medium = "tweet" }] }, "statements[0].medium");
    }

    // ---------------------------------------------------------------- dates

    [Theory]
    [InlineData("2026-02-03")]
    [InlineData("2026-02")]
    [InlineData("2026")]
    public void Full_and_partial_ISO_dates_are_allowed(string date)
    {
        Assert.Empty(Errors(Valid with { Events = [Meeting with { Date = date }] }));
    }

    [Theory]
    [InlineData("2026-2-3")]
    [InlineData("2026-13")]
    [InlineData("2026-02-32")]
    [InlineData("02/03/2026")]
    [InlineData("this Tuesday")]
    [InlineData("2026-02-03T10:00")]
    public void A_date_that_is_not_ISO_yyyy_MM_dd_yyyy_MM_or_yyyy_is_named_by_its_path(string date)
    {
        AssertOnly(Valid with { Events = [Meeting with { Date = date }] }, "events[0].date");
        AssertOnly(Valid with { Figures = [Extraditions with { AsOf = date }] }, "figures[0].asOf");
    }

    [Theory]
    [InlineData("2026-02-04T11:20", true)]
    [InlineData("2026-02-04T11:20:59", true)]
    [InlineData("2026-02-04", true)]
    [InlineData("2026-02-04 11:20", false)]
    [InlineData("2026-02-04T11:20Z", false)]
    [InlineData("2026-02-04T24:00", false)]
    public void Publication_is_a_local_date_time_without_time_zone(string published, bool valid)
    {
        var errors = Errors(Valid with { Source = Source with { Published = published } });

        Assert.Equal(valid ? [] : ["source.published"], errors.Keys);
    }

    // ---------------------------------------------------------------- relationships

    [Fact]
    public void A_relationship_type_outside_the_allow_list_is_named_by_its_path()
    {
        AssertOnly(Valid with { Relationships = [Office with { Type = "FRIEND_OF" }] }, "relationships[0].type");
    }

    [Fact]
    public void A_relationship_type_in_lower_case_is_not_allowed()
    {
        AssertOnly(Valid with { Relationships = [Office with { Type = "holds_office" }] }, "relationships[0].type");
    }

    [Fact]
    public void A_property_the_type_does_not_allow_is_named_by_its_full_path()
    {
        var office = Office with { Properties = new Dictionary<string, string> { ["office"] = "President" } };

        AssertOnly(Valid with { Relationships = [office] }, "relationships[0].properties.office");
    }

    [Fact]
    public void A_blank_property_value_is_named_by_its_full_path()
    {
        var office = Office with { Properties = new Dictionary<string, string> { ["title"] = "  " } };

        AssertOnly(Valid with { Relationships = [TookPart, office] }, "relationships[1].properties.title");
    }

    [Fact]
    public void A_property_value_of_500_characters_is_allowed_and_of_501_is_not()
    {
        AssertTitleLength(500, valid: true);
        AssertTitleLength(501, valid: false);

        static void AssertTitleLength(int length, bool valid)
        {
            var office = Office with { Properties = new Dictionary<string, string> { ["title"] = new string('x', length) } };
            var errors = Errors(Valid with { Relationships = [office] });
            Assert.Equal(valid ? [] : ["relationships[0].properties.title"], errors.Keys);
        }
    }

    [Fact]
    public void A_relationship_ending_at_a_node_of_the_wrong_label_is_named_at_its_to()
    {
        AssertOnly(Valid with { Relationships = [Office with { To = "white-house" }] }, "relationships[0].to");
    }

    [Fact]
    public void A_relationship_starting_at_a_node_of_the_wrong_label_is_named_at_its_from()
    {
        AssertOnly(Valid with { Relationships = [TookPart with { From = "white-house" }] }, "relationships[0].from");
    }

    [Fact]
    public void A_relationship_to_the_source_is_not_allowed()
    {
        var about = new RelationshipRecord { Type = "ABOUT", From = "petro-meeting-positive", To = Source.Id, Evidence = Sentence };

        AssertOnly(Valid with { Relationships = [about] }, "relationships[0].to");
    }

    [Fact]
    public void A_relationship_to_an_id_the_document_does_not_declare_is_left_to_the_store()
    {
        Assert.Empty(Errors(Valid with { Relationships = [Office with { To = "united-states" }] }));
    }

    [Fact]
    public void A_relationship_joining_a_node_to_itself_is_named_at_its_to()
    {
        var self = new RelationshipRecord { Type = "CRITIC_OF", From = "gustavo-petro", To = "gustavo-petro", Evidence = Sentence };

        AssertOnly(Valid with { Relationships = [self] }, "relationships[0].to");
    }

    [Fact]
    public void The_same_relationship_twice_is_named_at_the_second()
    {
        AssertOnly(Valid with { Relationships = [Office, TookPart, Office with { Properties = new Dictionary<string, string>() }] }, "relationships[2]");
    }

    [Fact]
    public void The_same_pair_under_two_types_is_not_a_duplicate()
    {
        var member = new RelationshipRecord { Type = "MEMBER_OF", From = "gustavo-petro", To = "colombia", Evidence = Sentence };

        Assert.Empty(Errors(Valid with { Relationships = [Office, member] }));
    }

    // ---------------------------------------------------------------- evidence, blanks and caps

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_fact_without_evidence_is_named_by_its_path(string evidence)
    {
        AssertOnly(Valid with { Actors = [Petro with { Evidence = evidence }, Colombia] }, "actors[0].evidence");
        AssertOnly(Valid with { Relationships = [Office, TookPart with { Evidence = evidence }] }, "relationships[1].evidence");
        AssertOnly(Valid with { Statements = [Positive with { Evidence = evidence }] }, "statements[0].evidence");
    }

    [Fact]
    public void Evidence_of_4000_characters_is_allowed_and_of_4001_is_not()
    {
        Assert.Empty(Errors(Valid with { Programs = [Substitution with { Evidence = new string('e', 4000) }] }));
        AssertOnly(Valid with { Programs = [Substitution with { Evidence = new string('e', 4001) }] }, "programs[0].evidence");
    }

    [Fact]
    public void A_blank_optional_field_must_be_left_out_instead()
    {
        AssertOnly(Valid with { Actors = [Petro with { Description = " " }, Colombia] }, "actors[0].description");
        AssertOnly(Valid with { Statements = [Positive with { Quote = "" }] }, "statements[0].quote");
    }

    [Fact]
    public void A_blank_required_field_is_named_by_its_path()
    {
        AssertOnly(Valid with { Source = Source with { Outlet = " " } }, "source.outlet");
        AssertOnly(Valid with { Events = [Meeting with { Title = "" }] }, "events[0].title");
    }

    [Fact]
    public void A_name_of_200_characters_is_allowed_and_of_201_is_not()
    {
        Assert.Empty(Errors(Valid with { Actors = [Petro with { Name = new string('n', 200) }, Colombia] }));
        AssertOnly(Valid with { Actors = [Petro with { Name = new string('n', 201) }, Colombia] }, "actors[0].name");
    }

    [Fact]
    public void Five_hundred_aliases_or_weak_aliases_are_allowed_and_five_hundred_and_one_are_not()
    {
        Assert.Empty(Errors(Valid with { Actors = [Petro with { Aliases = [.. Enumerable.Repeat("Petro", 500)], WeakAliases = [.. Enumerable.Repeat("GP", 500)] }, Colombia] }));
        AssertOnly(Valid with { Actors = [Petro with { Aliases = [.. Enumerable.Repeat("Petro", 501)] }, Colombia] }, "actors[0].aliases");
        AssertOnly(Valid with { Actors = [Petro with { WeakAliases = [.. Enumerable.Repeat("GP", 501)] }, Colombia] }, "actors[0].weakAliases");
        AssertOnly(Valid with { Places = [WhiteHouse with { Aliases = [.. Enumerable.Repeat("WH", 501)] }] }, "places[0].aliases");
    }

    [Fact]
    public void An_actors_new_fields_are_checked_and_capped()
    {
        var full = Petro with
        {
            Topics = ["sanction", "role.pep"], BirthDate = "1960-04", BirthPlace = "Ciénaga de Oro", Gender = "male", Nationalities = ["co", "gb-nir"],
            Identifiers = [new IdentifierRecord { Scheme = "passport", Value = "AB|123", Country = "co" }, new IdentifierRecord { Scheme = "wikidata", Value = "Q57464" }],
            Referents = ["ftm-ofac-1234"],
        };
        Assert.Empty(Errors(Valid with { Actors = [full, Colombia] }));

        AssertOnly(Valid with { Actors = [full with { Topics = ["Sanction"] }, Colombia] }, "actors[0].topics");
        AssertOnly(Valid with { Actors = [full with { Topics = [.. Enumerable.Range(0, ActorFieldLimits.MaxTopics + 1).Select(i => $"t{i}")] }, Colombia] }, "actors[0].topics");
        AssertOnly(Valid with { Actors = [full with { BirthDate = "1960-13" }, Colombia] }, "actors[0].birthDate");
        AssertOnly(Valid with { Actors = [full with { Nationalities = ["Colombia"] }, Colombia] }, "actors[0].nationalities");
        AssertOnly(Valid with { Actors = [full with { Referents = ["Not A Slug"] }, Colombia] }, "actors[0].referents");
        AssertOnly(Valid with { Actors = [full with { Identifiers = [new IdentifierRecord { Scheme = "Pass port", Value = "1" }] }, Colombia] }, "actors[0].identifiers[0].scheme");
        AssertOnly(Valid with { Actors = [full with { Identifiers = [new IdentifierRecord { Scheme = "tax", Value = " " }] }, Colombia] }, "actors[0].identifiers[0].value");
        AssertOnly(Valid with { Actors = [full with { Identifiers = [new IdentifierRecord { Scheme = "tax", Value = "1", Country = "co|x" }] }, Colombia] }, "actors[0].identifiers[0].country");
        var many = Enumerable.Range(0, ActorFieldLimits.MaxIdentifiers + 1).Select(i => new IdentifierRecord { Scheme = "tax", Value = $"{i}" }).ToList();
        AssertOnly(Valid with { Actors = [full with { Identifiers = many }, Colombia] }, "actors[0].identifiers");
    }

    [Fact]
    public void A_blank_alias_or_topic_is_not_allowed()
    {
        AssertOnly(Valid with { Actors = [Petro with { Aliases = ["Petro", " "] }, Colombia] }, "actors[0].aliases");
        AssertOnly(Valid with { Events = [Meeting with { Topics = ["sanctions", ""] }] }, "events[0].topics");
    }

    [Fact]
    public void A_section_of_more_than_5000_items_is_named_by_the_section()
    {
        var places = Enumerable.Range(0, KnowledgeDocumentValidator.MaxItemsPerSection + 1)
            .Select(i => WhiteHouse with { Id = $"place-{i}" }).ToList();

        Assert.Contains("places", Errors(Valid with { Places = places }).Keys);
        Assert.DoesNotContain("places", Errors(Valid with { Places = places[..KnowledgeDocumentValidator.MaxItemsPerSection] }).Keys);
    }

    [Fact]
    public void A_figure_value_must_be_a_finite_number()
    {
        AssertOnly(Valid with { Figures = [Extraditions with { Value = double.NaN }] }, "figures[0].value");
        AssertOnly(Valid with { Figures = [Extraditions with { Value = double.PositiveInfinity }] }, "figures[0].value");
    }

    [Theory]
    [InlineData("ftp://vermelho.org.br/")]
    [InlineData("vermelho.org.br")]
    [InlineData("")]
    public void A_source_url_must_be_absolute_http_or_https(string url)
    {
        AssertOnly(Valid with { Source = Source with { Url = url } }, "source.url");
    }

    [Fact]
    public void Failure_messages_name_the_field_in_camelCase()
    {
        var errors = Errors(Valid with { Figures = [Extraditions with { AsOf = "yesterday" }] });

        Assert.Contains("'asOf'", Assert.Single(errors["figures[0].asOf"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_turns_a_path_into_section_index_id_and_field()
    {
        var document = Valid with { Relationships = [Office] };

        Assert.Equal("actors[1] ('colombia'), field 'kind'", KnowledgeJson.Describe(document, "actors[1].kind"));
        Assert.Equal("relationships[0] ('gustavo-petro -HOLDS_OFFICE-> colombia'), field 'properties.office'", KnowledgeJson.Describe(document, "relationships[0].properties.office"));
        Assert.Equal("field 'source.published'", KnowledgeJson.Describe(document, "source.published"));
    }

    private static Dictionary<string, string[]> Errors(KnowledgeDocument document) =>
        new(new KnowledgeDocumentValidator().Validate(document).ToDictionary());

    private static void AssertOnly(KnowledgeDocument document, string path)
    {
        var errors = Errors(document);
        Assert.True(errors.Keys.SequenceEqual([path]), $"expected only '{path}', got: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
    }
}

/// <summary>The boundaries of the API's query validators, checked without HTTP.</summary>
public sealed class QueryValidatorTests
{
    public QueryValidatorTests() => ValidationConventions.Apply();

    [Theory]
    [InlineData(1, true)]
    [InlineData(10_000, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(10_001, false)]
    public void Page_runs_from_1_to_10000(int page, bool valid)
    {
        AssertValid(new ActorsApi.ActorQueryValidator(), new ActorsApi.ActorQuery { Page = page }, valid, "page");
        AssertValid(new EventsApi.EventQueryValidator(), new EventsApi.EventQuery { Page = page }, valid, "page");
        AssertValid(new SanctionsApi.SanctionQueryValidator(), new SanctionsApi.SanctionQuery { Page = page }, valid, "page");
        AssertValid(new StatementsApi.StatementQueryValidator(), new StatementsApi.StatementQuery { Page = page }, valid, "page");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(0, false)]
    [InlineData(101, false)]
    public void Page_size_runs_from_1_to_100(int pageSize, bool valid)
    {
        AssertValid(new ActorsApi.ActorQueryValidator(), new ActorsApi.ActorQuery { PageSize = pageSize }, valid, "pageSize");
        AssertValid(new EventsApi.EventQueryValidator(), new EventsApi.EventQuery { PageSize = pageSize }, valid, "pageSize");
        AssertValid(new SanctionsApi.SanctionQueryValidator(), new SanctionsApi.SanctionQuery { PageSize = pageSize }, valid, "pageSize");
        AssertValid(new StatementsApi.StatementQueryValidator(), new StatementsApi.StatementQuery { PageSize = pageSize }, valid, "pageSize");
    }

    [Fact]
    public void An_empty_query_is_valid_everywhere()
    {
        AssertValid(new ActorsApi.ActorQueryValidator(), new ActorsApi.ActorQuery(), true, "");
        AssertValid(new EventsApi.EventQueryValidator(), new EventsApi.EventQuery(), true, "");
        AssertValid(new SanctionsApi.SanctionQueryValidator(), new SanctionsApi.SanctionQuery(), true, "");
        AssertValid(new StatementsApi.StatementQueryValidator(), new StatementsApi.StatementQuery(), true, "");
        AssertValid(new TimelineApi.TimelineQueryValidator(), new TimelineApi.TimelineQuery(), true, "");
        AssertValid(new GraphApi.GraphQueryValidator(), new GraphApi.GraphQuery(), true, "");
        AssertValid(new ActorsApi.NetworkQueryValidator(), new ActorsApi.NetworkQuery(), true, "");
        AssertValid(new ActorsApi.RelationshipQueryValidator(), new ActorsApi.RelationshipQuery(), true, "");
        AssertValid(new ActorsApi.RoleQueryValidator(), new ActorsApi.RoleQuery(), true, "");
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Search_text_is_at_most_200_characters(int length, bool valid)
    {
        AssertValid(new ActorsApi.ActorQueryValidator(), new ActorsApi.ActorQuery { Q = new string('q', length) }, valid, "q");
        AssertValid(new StatementsApi.StatementQueryValidator(), new StatementsApi.StatementQuery { Q = new string('q', length) }, valid, "q");
    }

    [Theory]
    [InlineData("person", true)]
    [InlineData("country", true)]
    [InlineData("organization", true)]
    [InlineData("Person", false)]
    [InlineData("people", false)]
    public void Actor_kind_is_one_of_the_vocabulary(string kind, bool valid)
    {
        AssertValid(new ActorsApi.ActorQueryValidator(), new ActorsApi.ActorQuery { Kind = kind }, valid, "kind");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(0, false)]
    [InlineData(4, false)]
    public void Network_depth_runs_from_1_to_3(int depth, bool valid)
    {
        AssertValid(new ActorsApi.NetworkQueryValidator(), new ActorsApi.NetworkQuery { Depth = depth }, valid, "depth");
        AssertValid(new GraphApi.GraphQueryValidator(), new GraphApi.GraphQuery { Actor = "gustavo-petro", Depth = depth }, valid, "depth");
    }

    [Theory]
    [InlineData("HOLDS_OFFICE", "out", true)]
    [InlineData("PARTICIPATED_IN", "both", true)]
    [InlineData("IMPOSED", "in", true)]
    [InlineData("FRIEND_OF", "out", false)]
    [InlineData("HOLDS_OFFICE", "Out", false)]
    public void Relationship_type_and_direction_come_from_their_allow_lists(string type, string direction, bool valid)
    {
        var errors = new ActorsApi.RelationshipQueryValidator().Validate(new ActorsApi.RelationshipQuery { Type = type, Direction = direction });

        Assert.Equal(valid, errors.IsValid);
    }

    [Theory]
    [InlineData("speaker", true)]
    [InlineData("subject", true)]
    [InlineData("imposer", true)]
    [InlineData("target", true)]
    [InlineData("author", false)]
    public void Role_is_one_of_the_four_roles_and_the_endpoint_narrows_it(string role, bool valid)
    {
        AssertValid(new ActorsApi.RoleQueryValidator(), new ActorsApi.RoleQuery { Role = role }, valid, "role");
    }

    [Theory]
    [InlineData("2026-02-03", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026-02", false)]
    [InlineData("yesterday", false)]
    [InlineData("2026-02-03T00:00", false)]
    public void Date_filters_are_real_calendar_dates_in_yyyy_MM_dd(string date, bool valid)
    {
        AssertValid(new EventsApi.EventQueryValidator(), new EventsApi.EventQuery { From = date }, valid, "from");
        AssertValid(new EventsApi.EventQueryValidator(), new EventsApi.EventQuery { To = date }, valid, "to");
        AssertValid(new TimelineApi.TimelineQueryValidator(), new TimelineApi.TimelineQuery { From = date }, valid, "from");
    }

    [Theory]
    [InlineData("2026-02-03", "2026-02-03", true)]
    [InlineData("2026-02-03", "2026-02-04", true)]
    [InlineData("2026-02-04", "2026-02-03", false)]
    public void From_may_equal_to_but_not_come_after_it(string from, string to, bool valid)
    {
        AssertValid(new EventsApi.EventQueryValidator(), new EventsApi.EventQuery { From = from, To = to }, valid, "from");
        AssertValid(new TimelineApi.TimelineQueryValidator(), new TimelineApi.TimelineQuery { From = from, To = to }, valid, "from");
    }

    [Theory]
    [InlineData("gustavo-petro", true)]
    [InlineData("Gustavo Petro", false)]
    [InlineData("gustavo_petro", false)]
    public void Actor_filters_must_be_ids(string id, bool valid)
    {
        AssertValid(new EventsApi.EventQueryValidator(), new EventsApi.EventQuery { Actor = id }, valid, "actor");
        AssertValid(new SanctionsApi.SanctionQueryValidator(), new SanctionsApi.SanctionQuery { Imposer = id }, valid, "imposer");
        AssertValid(new SanctionsApi.SanctionQueryValidator(), new SanctionsApi.SanctionQuery { Target = id }, valid, "target");
        AssertValid(new StatementsApi.StatementQueryValidator(), new StatementsApi.StatementQuery { Speaker = id }, valid, "speaker");
        AssertValid(new TimelineApi.TimelineQueryValidator(), new TimelineApi.TimelineQuery { Actor = id }, valid, "actor");
        AssertValid(new GraphApi.GraphQueryValidator(), new GraphApi.GraphQuery { Actor = id }, valid, "actor");
    }

    [Fact]
    public void An_id_filter_of_121_characters_is_too_long()
    {
        AssertValid(new EventsApi.EventQueryValidator(), new EventsApi.EventQuery { Actor = new string('a', 120) }, true, "actor");
        AssertValid(new EventsApi.EventQueryValidator(), new EventsApi.EventQuery { Actor = new string('a', 121) }, false, "actor");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(6, true)]
    [InlineData(0, false)]
    [InlineData(7, false)]
    public void Path_max_depth_runs_from_1_to_6(int maxDepth, bool valid)
    {
        AssertValid(new PathsApi.PathQueryValidator(), new PathsApi.PathQuery { From = "bernie-moreno", To = "rosa-villavicencio", MaxDepth = maxDepth }, valid, "maxDepth");
    }

    [Fact]
    public void A_path_needs_two_different_ends()
    {
        var validator = new PathsApi.PathQueryValidator();

        Assert.Equal(["from", "to"], Keys(validator.Validate(new PathsApi.PathQuery())));
        Assert.Equal(["to"], Keys(validator.Validate(new PathsApi.PathQuery { From = "bernie-moreno" })));
        Assert.Equal(["to"], Keys(validator.Validate(new PathsApi.PathQuery { From = "bernie-moreno", To = "bernie-moreno" })));
        Assert.Empty(Keys(validator.Validate(new PathsApi.PathQuery { From = "bernie-moreno", To = "rosa-villavicencio" })));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(500, true)]
    [InlineData(0, false)]
    [InlineData(501, false)]
    public void Timeline_limit_runs_from_1_to_500(int limit, bool valid)
    {
        AssertValid(new TimelineApi.TimelineQueryValidator(), new TimelineApi.TimelineQuery { Limit = limit }, valid, "limit");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2000, true)]
    [InlineData(0, false)]
    [InlineData(2001, false)]
    public void Graph_limit_runs_from_1_to_2000(int limit, bool valid)
    {
        AssertValid(new GraphApi.GraphQueryValidator(), new GraphApi.GraphQuery { Limit = limit }, valid, "limit");
    }

    [Fact]
    public void Graph_depth_needs_an_actor()
    {
        AssertValid(new GraphApi.GraphQueryValidator(), new GraphApi.GraphQuery { Depth = 2 }, false, "depth");
        AssertValid(new GraphApi.GraphQueryValidator(), new GraphApi.GraphQuery { Depth = 2, Actor = "gustavo-petro" }, true, "depth");
    }

    [Theory]
    [InlineData("CONSULT", true)]
    [InlineData("TRAVEL", true)]
    [InlineData("consult", false)]
    [InlineData("MEETING", false)]
    public void Event_kind_is_a_PLOVER_type_or_TRAVEL(string kind, bool valid)
    {
        AssertValid(new EventsApi.EventQueryValidator(), new EventsApi.EventQuery { Kind = kind }, valid, "kind");
    }

    [Theory]
    [InlineData("visa-revocation", true)]
    [InlineData("certification-denial", true)]
    [InlineData("embargo", false)]
    public void Sanction_kind_is_one_of_the_vocabulary(string kind, bool valid)
    {
        AssertValid(new SanctionsApi.SanctionQueryValidator(), new SanctionsApi.SanctionQuery { Kind = kind }, valid, "kind");
    }

    private static void AssertValid<T>(IValidator<T> validator, T query, bool valid, string field)
    {
        var keys = Keys(validator.Validate(query));
        Assert.True(valid ? keys.Count == 0 : keys.SequenceEqual([field]), $"{query}: expected {(valid ? "no errors" : $"only '{field}'")}, got [{string.Join(", ", keys)}]");
    }

    private static List<string> Keys(FluentValidation.Results.ValidationResult result) =>
        [.. result.ToDictionary().Keys.Order(StringComparer.Ordinal)];
}

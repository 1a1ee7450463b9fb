using DiplomacyGraph.Format;

namespace DiplomacyGraph.Tests.Validation;

/// <summary>
/// The PLOVER rules of events, statements, sources and places: each test breaks one field of an otherwise valid
/// document and expects exactly that field's path to be refused (the API's write bodies share these rules).
/// </summary>
public sealed class PloverValidationTests
{
    private const string Sentence = "After months of public accusations, sanctions and threats, the President of Colombia, Gustavo Petro, met this Tuesday (3) with the President of the United States, Donald Trump, at the White House.";

    public PloverValidationTests() => ValidationConventions.Apply();

    private static readonly EventRecord Meeting = new() { Id = "white-house-meeting-2026-02-03", Kind = "CONSULT", Mode = "visit", Title = "Meeting", Date = "2026-02-03", Evidence = Sentence };
    private static readonly StatementRecord Criticism = new() { Id = "petro-criticism", Text = "Petro criticized the operation.", Medium = "reported", Kind = "ACCUSE", Mode = "disapprove", Evidence = Sentence };
    private static readonly PlaceRecord WhiteHouse = new() { Id = "white-house", Name = "White House", Evidence = Sentence };

    private static readonly KnowledgeDocument Valid = new()
    {
        Source = new SourceRecord { Id = "vermelho-2026-02-04-petro-trump", Title = "Petro and Trump", Outlet = "vermelho.org.br", Published = "2026-02-04T11:20" },
        Places = [WhiteHouse],
        Events = [Meeting],
        Statements = [Criticism],
    };

    [Fact]
    public void The_valid_document_is_valid()
    {
        Assert.Empty(Errors(Valid));
    }

    [Theory]
    [InlineData("DEMAND")]
    [InlineData("DISAPPROVE")]
    [InlineData("INVESTIGATE")]
    [InlineData("FIGHT")]
    public void Older_drafts_event_types_are_no_longer_kinds(string kind)
    {
        AssertOnly(Valid with { Events = [Meeting with { Kind = kind, Mode = null }] }, "events[0].kind");
        AssertOnly(Valid with { Statements = [Criticism with { Kind = kind, Mode = null }] }, "statements[0].kind");
    }

    [Theory]
    [InlineData("CONSULT", "meeting")]
    [InlineData("CONSULT", "demo")]
    [InlineData("PROTEST", "demonstration")]
    [InlineData("SANCTION", "decertification")]
    [InlineData("AGREE", "visit")]
    [InlineData("TRAVEL", "visit")]
    public void A_mode_outside_the_kinds_modes_is_refused(string kind, string mode)
    {
        var errors = Errors(Valid with { Events = [Meeting with { Kind = kind, Mode = mode }] });

        Assert.Equal(["events[0].mode"], errors.Keys);
    }

    [Theory]
    [InlineData("CONSULT", "third-party")]
    [InlineData("PROTEST", "demo")]
    [InlineData("SANCTION", "discontinue")]
    [InlineData("ASSAULT", "heavy-weapons")]
    [InlineData("COERCE", "martial-law")]
    public void A_mode_of_the_kind_is_accepted(string kind, string mode)
    {
        Assert.Empty(Errors(Valid with { Events = [Meeting with { Kind = kind, Mode = mode }] }));
    }

    [Fact]
    public void The_mode_message_names_the_kinds_modes()
    {
        var errors = Errors(Valid with { Events = [Meeting with { Mode = "meeting" }] });

        Assert.Contains("visit, third-party, multilateral, phone", Assert.Single(errors["events[0].mode"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_mode_needs_a_kind_and_must_be_one_of_its_modes()
    {
        AssertOnly(Valid with { Statements = [Criticism with { Kind = null }] }, "statements[0].mode");
        AssertOnly(Valid with { Statements = [Criticism with { Mode = "criticize" }] }, "statements[0].mode");
        AssertOnly(Valid with { Statements = [Criticism with { Kind = "REQUEST", Mode = "disapprove" }] }, "statements[0].mode");
    }

    [Fact]
    public void Contexts_are_the_manuals_general_and_auxiliary_contexts()
    {
        Assert.Empty(Errors(Valid with { Events = [Meeting with { Contexts = ["military", "illegal_drugs", "negation", "future"] }] }));
        AssertOnly(Valid with { Events = [Meeting with { Contexts = ["military", "refugee"] }] }, "events[0].contexts[1]");
        AssertOnly(Valid with { Events = [Meeting with { Contexts = ["Military"] }] }, "events[0].contexts[0]");
    }

    [Fact]
    public void The_end_date_is_a_partial_date_not_before_the_date()
    {
        Assert.Empty(Errors(Valid with { Events = [Meeting with { EndDate = "2026-02" }] }));
        Assert.Empty(Errors(Valid with { Events = [Meeting with { EndDate = "2026-02-05" }] }));
        AssertOnly(Valid with { Events = [Meeting with { EndDate = "2026-02-02" }] }, "events[0].endDate");
        AssertOnly(Valid with { Events = [Meeting with { EndDate = "3 February" }] }, "events[0].endDate");
    }

    [Fact]
    public void Magnitudes_are_not_negative()
    {
        Assert.Empty(Errors(Valid with { Events = [Meeting with { Dead = 0, Injured = 3, Size = 10000 }] }));
        AssertOnly(Valid with { Events = [Meeting with { Dead = -1 }] }, "events[0].dead");
        AssertOnly(Valid with { Events = [Meeting with { Injured = -1 }] }, "events[0].injured");
        AssertOnly(Valid with { Events = [Meeting with { Size = -5 }] }, "events[0].size");
    }

    [Fact]
    public void Originals_are_short_free_text()
    {
        Assert.Empty(Errors(Valid with { Events = [Meeting with { OriginalKind = "DEMAND", OriginalMode = "military operation", OriginalContexts = ["refugee"] }] }));
        AssertOnly(Valid with { Events = [Meeting with { OriginalMode = new string('x', 101) }] }, "events[0].originalMode");
        AssertOnly(Valid with { Statements = [Criticism with { OriginalKind = " " }] }, "statements[0].originalKind");
    }

    [Fact]
    public void Machine_coding_is_checked()
    {
        Assert.Empty(Errors(Valid with { Events = [Meeting with { CameoCode = "042", GoldsteinScale = 1.9, AvgTone = -2.5, NumMentions = 10, CameoQuadClass = 1 }] }));
        AssertOnly(Valid with { Events = [Meeting with { CameoCode = "04a" }] }, "events[0].cameoCode");
        AssertOnly(Valid with { Events = [Meeting with { GoldsteinScale = 10.5 }] }, "events[0].goldsteinScale");
        AssertOnly(Valid with { Events = [Meeting with { NumArticles = -1 }] }, "events[0].numArticles");
        AssertOnly(Valid with { Events = [Meeting with { CameoQuadClass = 5 }] }, "events[0].cameoQuadClass");
    }

    [Fact]
    public void A_source_provenance_is_curated_or_coded()
    {
        Assert.Empty(Errors(Valid with { Source = Valid.Source with { Provenance = "coded" } }));
        AssertOnly(Valid with { Source = Valid.Source with { Provenance = "machine" } }, "source.provenance");
    }

    [Fact]
    public void Place_coordinates_and_country_are_checked()
    {
        Assert.Empty(Errors(Valid with { Places = [WhiteHouse with { Latitude = 38.8977, Longitude = -77.0365, Country = "us" }] }));
        AssertOnly(Valid with { Places = [WhiteHouse with { Latitude = 91 }] }, "places[0].latitude");
        AssertOnly(Valid with { Places = [WhiteHouse with { Longitude = -181 }] }, "places[0].longitude");
        AssertOnly(Valid with { Places = [WhiteHouse with { Country = "USA" }] }, "places[0].country");
    }

    private static Dictionary<string, string[]> Errors(KnowledgeDocument document) =>
        new(new KnowledgeDocumentValidator().Validate(document).ToDictionary());

    private static void AssertOnly(KnowledgeDocument document, string path)
    {
        var errors = Errors(document);
        Assert.True(errors.Keys.SequenceEqual([path]), $"expected only '{path}', got: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
    }
}

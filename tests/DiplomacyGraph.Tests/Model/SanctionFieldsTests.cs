using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Model;

/// <summary>The validator's rules for a sanction's programme and lifetime fields.</summary>
public sealed class SanctionFieldsTests
{
    public SanctionFieldsTests() => ValidationConventions.Apply();

    private static List<(string Field, string Message)> Errors(SanctionRecord sanction) =>
        [.. new KnowledgeDocumentValidator().Validate(Document("s") with { Sanctions = [sanction] }).Errors.Select(e => (e.PropertyName, e.ErrorMessage))];

    private static SanctionRecord Ofac => Sanction("ofac-petro", "OFAC blocked Petro's property", "2025-10-24") with
    {
        Authority = "US Treasury (OFAC)", Program = "ILLICIT-DRUGS-EO14059", LegalBasis = "Executive Order 14059", Listed = "2025-10-24", Start = "2025-10-24",
    };

    [Fact]
    public void A_sanction_with_programme_legal_basis_and_dates_is_valid()
    {
        Assert.Empty(Errors(Ofac));
        Assert.Empty(Errors(Ofac with { Status = "lifted", End = "2026-03" }));
    }

    [Theory]
    [InlineData("lifted")]
    [InlineData("expired")]
    public void A_lifted_or_expired_sanction_without_an_end_date_is_refused_saying_it_needs_one(string status)
    {
        Assert.Contains(("sanctions[0].end", $"A {status} sanction needs its 'end' date: when it was {status}."), Errors(Ofac with { Status = status }));
    }

    [Fact]
    public void A_start_marked_inferred_needs_the_inferred_start()
    {
        Assert.Empty(Errors(Ofac with { StartInferred = true }));
        Assert.Contains(("sanctions[0].start", "'startInferred' says the start was inferred; give the inferred 'start'."), Errors(Ofac with { Start = null, StartInferred = true }));
    }

    [Fact]
    public void An_unknown_status_a_bad_date_and_an_end_before_the_start_are_refused()
    {
        Assert.Contains(Errors(Ofac with { Status = "suspended" }), e => e.Field == "sanctions[0].status" && e.Message.Contains("active, expired, lifted", StringComparison.Ordinal));
        Assert.Contains(Errors(Ofac with { Listed = "24/10/2025" }), e => e.Field == "sanctions[0].listed");
        Assert.Contains(Errors(Ofac with { End = "2025-09" }), e => e.Field == "sanctions[0].end" && e.Message.StartsWith("'end' must not come before", StringComparison.Ordinal));
        Assert.Empty(Errors(Ofac with { End = "2025-10" }));
    }
}

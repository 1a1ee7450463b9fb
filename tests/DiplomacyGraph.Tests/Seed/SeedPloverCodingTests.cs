using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Tests.Seed;

/// <summary>
/// The seed is coded as the current PLOVER manual codes it (seed/README.md, "Re-coded to the current PLOVER manual"):
/// every kind, mode, context and sector is the manual's, and each re-coded record keeps its previous value.
/// </summary>
public sealed class SeedPloverCodingTests
{
    private static KnowledgeDocument Seed => RepositoryFiles.Seed;

    [Theory]
    [InlineData("white-house-meeting-2026-02-03", "CONSULT", "visit", "meeting")]
    [InlineData("us-military-operation-venezuela", "ASSAULT", null, "military operation")]
    [InlineData("plaza-bolivar-demonstration-2026-02-03", "PROTEST", "demo", "demonstration")]
    [InlineData("us-decertification-of-colombia", "SANCTION", "discontinue", "decertification")]
    [InlineData("petro-trip-to-white-house", "TRAVEL", null, "visit")]
    public void Each_event_has_a_mode_of_the_manual_and_keeps_its_free_text_mode_as_the_original(string id, string kind, string? mode, string original)
    {
        var e = Assert.Single(Seed.Events, e => e.Id == id);

        Assert.Equal((kind, mode, original, (string?)null), (e.Kind, e.Mode, e.OriginalMode, e.OriginalKind));
    }

    [Theory]
    [InlineData("petro-calls-operation-kidnapping", "ACCUSE", "disapprove", "DISAPPROVE")]
    [InlineData("colombian-government-contests-certification-framework", "ACCUSE", "disapprove", "DISAPPROVE")]
    [InlineData("moreno-warns-relationship-depends-on-coca-eradication", "REQUEST", "change", "DEMAND")]
    [InlineData("trump-calls-petro-illegal-drug-leader", "ACCUSE", "allege", null)]
    [InlineData("trump-accuses-colombia-of-flooding-us-with-cocaine", "ACCUSE", "allege", null)]
    [InlineData("trump-insinuates-colombia-could-be-target", "THREATEN", "violence", null)]
    public void Older_drafts_statement_kinds_are_re_coded_through_the_manuals_table_keeping_the_original(string id, string kind, string mode, string? original)
    {
        var s = Assert.Single(Seed.Statements, s => s.Id == id);

        Assert.Equal((kind, mode, original), (s.Kind, s.Mode, s.OriginalKind));
    }

    [Fact]
    public void No_record_uses_a_kind_mode_or_context_the_manual_lacks()
    {
        Assert.All(Seed.Events, e =>
        {
            Assert.True(e.Kind == "TRAVEL" || Plover.IsType(e.Kind), e.Kind);
            Assert.True(e.Mode is null || Plover.IsMode(e.Kind, e.Mode), $"{e.Id}: {e.Mode}");
            Assert.All(e.Contexts, c => Assert.True(Plover.IsContext(c), c));
        });
        Assert.All(Seed.Statements.Where(s => s.Kind is not null), s =>
            Assert.True(Plover.IsType(s.Kind) && (s.Mode is null || Plover.IsMode(s.Kind, s.Mode)), $"{s.Id}: {s.Kind} {s.Mode}"));
        Assert.DoesNotContain(Seed.Statements, s => s.Kind is "DEMAND" or "DISAPPROVE" or "INVESTIGATE");
    }

    [Theory]
    [InlineData("white-house-meeting-2026-02-03", "diplomatic,illegal_drugs")]
    [InlineData("us-military-operation-venezuela", "military")]
    [InlineData("us-decertification-of-colombia", "illegal_drugs")]
    [InlineData("plaza-bolivar-demonstration-2026-02-03", "")]
    public void Events_carry_the_manuals_contexts_the_article_supports(string id, string contexts)
    {
        var e = Assert.Single(Seed.Events, e => e.Id == id);

        Assert.Equal(contexts.Split(',', StringSplitOptions.RemoveEmptyEntries), e.Contexts);
    }

    [Theory]
    [InlineData("PARTICIPATED_IN", "bernie-moreno", "white-house-meeting-2026-02-03", "LEG")]
    [InlineData("PARTICIPATED_IN", "pedro-sanchez", "white-house-meeting-2026-02-03", "GOV")]
    [InlineData("PARTICIPATED_IN", "united-states", "us-military-operation-venezuela", "MIL")]
    [InlineData("TARGETED", "us-decertification-of-colombia", "colombia", "GOV")]
    public void Participants_and_recipients_have_PLOVER_sectors(string type, string from, string to, string sector)
    {
        var r = Assert.Single(Seed.Relationships, r => r.Type == type && r.From == from && r.To == to);

        Assert.Equal(sector, r.Properties["sector"]);
        Assert.True(Plover.IsSector(sector));
    }

    [Fact]
    public void Maduro_has_no_sector_because_the_article_states_no_office_for_him()
    {
        var r = Assert.Single(Seed.Relationships, r => r.Type == "TARGETED" && r.To == "nicolas-maduro");

        Assert.False(r.Properties.ContainsKey("sector"));
    }
}

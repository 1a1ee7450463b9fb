using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Contract;

// Family and associate ties, and sanctions in force on a day: the same answers from every store.
public abstract partial class GraphStoreContract
{
    private const string Wife = "veronica-alcocer", Son = "nicolas-petro", Minister = "armando-benedetti";

    private static KnowledgeDocument FamilyDocument(string sourceId) => Document(sourceId) with
    {
        Actors =
        [
            Actor(Petro, "Gustavo Petro"), Actor(Wife, "Verónica Alcocer"), Actor(Son, "Nicolás Petro"), Actor(Minister, "Armando Benedetti"),
            Actor(Usa, "United States", ActorKinds.Country),
        ],
        Relationships =
        [
            Rel(Son, "FAMILY_OF", Petro, new() { ["relation"] = FamilyRelations.Child }),
            Rel(Petro, "FAMILY_OF", Wife, new() { ["relation"] = FamilyRelations.Spouse }),
            Rel(Petro, "ASSOCIATE_OF", Minister, new() { ["relation"] = "close political ally" }),
        ],
    };

    [Fact]
    public async Task Family_ties_are_seen_from_both_ends_and_a_spouse_given_the_other_way_round_is_the_same_relationship()
    {
        await Store.Import(FamilyDocument("family-report"), None);

        Assert.Equal(["FAMILY_OF in nicolas-petro", "FAMILY_OF out veronica-alcocer"],
            Describe((await Store.GetRelationships(Petro, "FAMILY_OF", Directions.Both, None)).Found()));
        Assert.Equal(["FAMILY_OF out gustavo-petro"], Describe((await Store.GetRelationships(Son, "FAMILY_OF", Directions.Both, None)).Found()));
        Assert.Equal(["FAMILY_OF in gustavo-petro"], Describe((await Store.GetRelationships(Wife, "FAMILY_OF", Directions.Both, None)).Found()));
        // Associates are symmetric: stored from the smaller id whichever way the document gave them.
        Assert.Equal(["ASSOCIATE_OF in armando-benedetti"], Describe((await Store.GetRelationships(Petro, "ASSOCIATE_OF", Directions.Both, None)).Found()));

        var second = Document("second-report") with
        {
            Relationships = [Rel(Wife, "FAMILY_OF", Petro, new() { ["relation"] = FamilyRelations.Spouse }, "Alcocer, Petro's wife, was listed too.")],
        };
        var summary = await Store.Import(second, None).Imported();

        Assert.Equal([$"{Petro}:FAMILY_OF:{Wife}"], summary.EdgesUpdated);
        Assert.Empty(summary.EdgesCreated);
        var spouse = (await Store.GetEdge(Petro, "FAMILY_OF", Wife, None))!;
        Assert.Equal(["family-report", "second-report"], spouse.Evidence.Select(e => e.SourceId));
        Assert.Null(await Store.GetEdge(Wife, "FAMILY_OF", Petro, None));
        var network = (await Store.GetNetwork(Wife, 2, 100, None)).Found();
        Assert.Contains(Son, Ids(network.Nodes));
    }

    [Fact]
    public async Task A_family_tie_to_a_country_is_refused_and_nothing_is_written()
    {
        var document = FamilyDocument("bad-family") with
        {
            Relationships = [Rel(Son, "FAMILY_OF", Petro, new() { ["relation"] = FamilyRelations.Child }), Rel(Son, "FAMILY_OF", Usa, new() { ["relation"] = FamilyRelations.Child })],
        };

        var refused = Assert.IsType<WriteOutcome.EndpointMismatch>(await Store.Import(document, None));

        Assert.Contains("FAMILY_OF joins persons; 'united-states' is of kind country.", refused.Problems);
        Assert.False(await Store.Exists(NodeLabel.Actor, Son, None));
    }

    [Fact]
    public async Task Sanctions_in_force_on_a_day_follow_start_else_listed_else_date_to_end_with_partial_dates_covering_their_period()
    {
        SanctionRecord S(string id, string? date = null, string? listed = null, string? start = null, string? end = null, string? status = null) =>
            Sanction(id, $"Sanction {id}", date) with { Listed = listed, Start = start, End = end, Status = status, Program = "ILLICIT-DRUGS-EO14059" };
        var sanctions = new[]
        {
            S("a-ongoing", date: "2025-10-24", start: "2025-10-24"),
            S("b-lifted", listed: "2025-10", end: "2026-01", status: SanctionStatuses.Lifted),
            S("c-year", date: "2026"),
            S("d-undated"),
            S("e-later", start: "2026-02-04"),
        };
        await Store.Import(Document("lists") with
        {
            Actors = [Actor(Petro, "Gustavo Petro"), Actor(Usa, "United States", ActorKinds.Country)],
            Sanctions = sanctions,
            Relationships = [.. sanctions.Select(s => Rel(s.Id, "TARGETS", Petro)), .. sanctions.Select(s => Rel(Usa, "IMPOSED", s.Id))],
        }, None);

        async Task<string[]> ActiveOn(string day) =>
            Ids((await Store.FindSanctions(new SanctionSearch(null, Petro, null, 1, 20) { ActiveOn = day }, None)).Items).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["a-ongoing", "c-year"], await ActiveOn("2026-02-03"));
        Assert.Equal(["a-ongoing", "c-year", "e-later"], await ActiveOn("2026-02-04"));
        Assert.Equal(["a-ongoing", "b-lifted", "c-year"], await ActiveOn("2026-01-31"));
        Assert.Equal(["b-lifted"], await ActiveOn("2025-10-01"));
        Assert.Empty(await ActiveOn("2025-09-30"));
        Assert.Equal(5, (await Store.FindSanctions(new SanctionSearch(null, Petro, null, 1, 20), None)).Total);
        var lifted = (await Store.GetNode(NodeLabel.Sanction, "b-lifted", None)).Found().Node;
        Assert.Equal(("2025-10", "2026-01", "lifted", "ILLICIT-DRUGS-EO14059"),
            (lifted.Properties["listed"], lifted.Properties["end"], lifted.Properties["status"], lifted.Properties["program"]));
    }
}

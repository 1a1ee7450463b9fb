using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Contract;

// Reads that answer an actor's facts in one call: the same lists the single-list reads give, or the actor's miss.
public abstract partial class GraphStoreContract
{
    [Fact]
    public async Task An_actors_facts_in_both_roles_are_the_lists_of_each_role_and_a_role_not_asked_is_left_out()
    {
        await ImportWorld();

        foreach (var actor in new[] { Petro, Usa, Trump, Vance })
        {
            var sanctions = (await Store.FindActorSanctions(actor, imposed: true, targeted: true, null, 10, None)).Found();
            Assert.Equal(Json(await Store.FindSanctions(new SanctionSearch(actor, null, null, 1, 10), None)), Json(sanctions.First));
            Assert.Equal(Json(await Store.FindSanctions(new SanctionSearch(null, actor, null, 1, 10), None)), Json(sanctions.Second));
            var statements = (await Store.FindActorStatements(actor, said: true, about: true, 10, None)).Found();
            Assert.Equal(Json(await Store.FindStatements(new StatementSearch(actor, null, null, 1, 10), None)), Json(statements.First));
            Assert.Equal(Json(await Store.FindStatements(new StatementSearch(null, actor, null, 1, 10), None)), Json(statements.Second));
            var figures = (await Store.FindActorFigures(actor, about: true, reported: true, 10, None)).Found();
            Assert.Equal(Json(await Store.FindFigures(new FigureSearch(actor, null, null, null, 1, 10), None)), Json(figures.First));
            Assert.Equal(Json(await Store.FindFigures(new FigureSearch(null, actor, null, null, 1, 10), None)), Json(figures.Second));
        }
        var targeted = (await Store.FindActorSanctions(Petro, imposed: false, targeted: true, null, 1, None)).Found();
        Assert.Null(targeted.First);
        Assert.Equal(Json(await Store.FindSanctions(new SanctionSearch(null, Petro, null, 1, 1), None)), Json(targeted.Second));
        Assert.True(targeted.Second!.Total > targeted.Second.Items.Count);
        Assert.Null((await Store.FindActorStatements(Petro, said: true, about: false, 10, None)).Found().Second);
        Assert.Null((await Store.FindActorFigures(Petro, about: false, reported: true, 10, None)).Found().First);
    }

    [Fact]
    public async Task An_actors_facts_for_an_id_that_is_no_actor_are_its_miss_with_suggestions()
    {
        await ImportWorld();

        foreach (var miss in new[]
        {
            (await Store.FindActorSanctions("petro", true, true, null, 10, None)).Miss().As<object>(),
            (await Store.FindActorStatements("petro", true, false, 10, None)).Miss().As<object>(),
            (await Store.FindActorFigures("petro", false, true, 10, None)).Miss().As<object>(),
            (await Store.GetFamilySanctions("petro", null, 10, 10, None)).Miss().As<object>(),
        })
        {
            Assert.Equal((null, NodeLabel.Actor, "petro"), (miss.Parameter, miss.Label, miss.Id));
            Assert.Equal(Ids(await Store.Suggest("petro", NodeLabel.Actor, Lookups.MaxSuggestions, None)), Ids(miss.Suggestions));
            Assert.Contains(Petro, Ids(miss.Suggestions));
        }
        Assert.Equal(Meeting, (await Store.FindActorSanctions(Meeting, true, true, null, 10, None)).Miss().Id);
    }

    [Fact]
    public async Task A_familys_sanctions_are_each_members_sanctions_as_the_target_filter_lists_them_in_the_order_of_the_ties()
    {
        await Store.Import(FamilyDocument("family-report"), None);
        SanctionRecord S(string id, string? date, string? start = null, string? end = null) =>
            Sanction(id, $"Sanction {id}", date) with { Start = start, End = end };
        SanctionRecord[] onWife = [S("w-late", "2026-02-01", start: "2026-02-01"), S("w-early", "2025-10-24", start: "2025-10-24", end: "2025-12"), S("w-undated", null)];
        SanctionRecord[] onSon = [S("s-one", "2026-01-05", start: "2026-01-05")];
        await Store.Import(Document("family-sanctions") with
        {
            Sanctions = [.. onWife, .. onSon],
            Relationships = [.. onWife.Select(s => Rel(s.Id, "TARGETS", Wife)), .. onSon.Select(s => Rel(s.Id, "TARGETS", Son)), .. onWife.Concat(onSon).Select(s => Rel(Usa, "IMPOSED", s.Id))],
        }, None);

        foreach (var (day, maxSanctions) in new (string?, int)[] { (null, 10), ("2026-02-03", 10), ("2025-11-01", 10), (null, 2) })
        {
            var family = (await Store.GetFamilySanctions(Petro, day, 10, maxSanctions, None)).Found();

            var ties = (await Store.GetRelationships(Petro, "FAMILY_OF", Directions.Both, None)).Found();
            Assert.Equal(Describe(ties), Describe(family.Select(r => r.Tie)));
            foreach (var relative in family)
            {
                var expected = await Store.FindSanctions(new SanctionSearch(null, relative.Tie.Other.Id, null, 1, maxSanctions) { ActiveOn = day }, None);
                Assert.Equal(Json(expected.Items), Json(relative.Sanctions));
            }
        }
        Assert.Equal(["w-early", "w-late", "w-undated"], Ids(Assert.Single((await Store.GetFamilySanctions(Petro, null, 10, 10, None)).Found(), r => r.Tie.Other.Id == Wife).Sanctions));
        Assert.Single((await Store.GetFamilySanctions(Petro, null, 1, 10, None)).Found());
        Assert.Empty((await Store.GetFamilySanctions(Usa, null, 10, 10, None)).Found());
    }
}

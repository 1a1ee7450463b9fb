using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Contract;

/// <summary>The PLOVER filters of the event list follow every write: import, replace, relationship create and delete.</summary>
public abstract partial class GraphStoreContract
{
    private const string Strike = "dockworkers-strike", Union = "dockworkers-union", PloverSource = "plover-report";

    private async Task<string[]> EventsWhere(EventSearch search) => Ids((await Store.FindEvents(search, None)).Items);

    private static EventSearch AnyEvent => new(null, null, null, null, 1, 20);

    [Fact]
    public async Task Event_filters_by_mode_context_sector_and_quad_class_follow_writes()
    {
        await ImportWorld();
        var strike = Event(Strike, "Dockworkers strike", "2026-01-20", "PROTEST") with { Mode = "strike", Contexts = ["economic", "future"] };
        await Store.Import(Document(PloverSource) with
        {
            Actors = [Actor(Union, "Dockworkers union", "organization")],
            Events = [strike],
            Relationships = [Rel(Union, "PARTICIPATED_IN", Strike, new() { ["sector"] = "LAB" })],
        }, None).Imported();

        Assert.Equal([Strike], await EventsWhere(AnyEvent with { Mode = "strike" }));
        Assert.Equal([Strike], await EventsWhere(AnyEvent with { Context = "economic" }));
        Assert.Equal([Strike], await EventsWhere(AnyEvent with { Context = "future", Kind = "PROTEST", From = "2026-01-01" }));
        Assert.Equal([Strike], await EventsWhere(AnyEvent with { Sector = "LAB" }));
        Assert.Equal([Strike], await EventsWhere(AnyEvent with { Sector = "LAB", ActorId = Union }));
        Assert.Empty(await EventsWhere(AnyEvent with { Sector = "LAB", ActorId = Petro }));
        Assert.Equal([Protest, Strike], await EventsWhere(AnyEvent with { QuadClass = 4, Kind = "PROTEST" }));
        Assert.Empty(await EventsWhere(AnyEvent with { Context = "economic", From = "2026-02-01" }));

        Assert.IsType<WriteOutcome.Replaced>(await Store.ReplaceNode(KnowledgeGraph.ForEvent(strike with { Mode = "riot", Contexts = ["military"] }, PloverSource), None));

        Assert.Empty(await EventsWhere(AnyEvent with { Mode = "strike" }));
        Assert.Empty(await EventsWhere(AnyEvent with { Context = "economic" }));
        Assert.Equal([Strike], await EventsWhere(AnyEvent with { Mode = "riot" }));
        Assert.Equal([Strike], await EventsWhere(AnyEvent with { Context = "military" }));
        Assert.Equal([Strike], await EventsWhere(AnyEvent with { Sector = "LAB" }));

        Assert.IsType<WriteOutcome.Deleted>(await Store.DeleteEdge(Union, "PARTICIPATED_IN", Strike, None));
        Assert.Empty(await EventsWhere(AnyEvent with { Sector = "LAB" }));

        var recipient = KnowledgeGraph.ForRelationship(Rel(Strike, "TARGETED", Petro, new() { ["sector"] = "GOV" }), PloverSource);
        Assert.IsType<WriteOutcome.Created>(await Store.CreateEdge(recipient, None));
        Assert.Equal([Strike], await EventsWhere(AnyEvent with { Sector = "GOV" }));
        var page = await Store.FindEvents(AnyEvent with { Sector = "GOV", PageSize = 1 }, None);
        Assert.Equal(1, page.Total);
    }
}

using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Tests.Contract.Knowledge;

namespace DiplomacyGraph.Tests.Contract;

// Per-list projections: what a list promises of its links, on every store.
public abstract partial class GraphStoreContract
{
    [Fact]
    public async Task An_event_list_and_a_timeline_give_their_links_as_references_without_relationship_properties_or_evidence()
    {
        await ImportWorld();
        // The same links in full, where the node is read on its own: Trump hosted the meeting, as a source says.
        var full = (await Store.GetNode(NodeLabel.Event, Meeting, None)).Found()!.Links.Single(l => l.Other.Id == Trump);
        Assert.Equal("host", full.Edge.Properties["role"]);
        Assert.NotEmpty(full.Edge.Evidence);

        var listed = new[]
        {
            ("events", (await Store.FindEvents(new EventSearch(null, null, null, null, 1, 100), None)).Items.Single(e => e.Node.Id == Meeting)),
            ("events of an actor", (await Store.FindEvents(new EventSearch(null, null, null, Trump, 1, 100), None)).Items.Single(e => e.Node.Id == Meeting)),
            ("timeline", (await Store.GetTimeline(new TimelineSearch(null, null, null, 100), None)).Single(e => e.Node.Id == Meeting)),
            ("timeline of an actor", (await Store.GetTimeline(new TimelineSearch(Trump, null, null, 100), None)).Single(e => e.Node.Id == Meeting)),
        };

        foreach (var (list, meeting) in listed)
        {
            // The same links, in the same order, with the same ends and linked nodes ...
            Assert.Equal(Describe((await Store.GetNode(NodeLabel.Event, Meeting, None)).Found()!.Links), Describe(meeting.Links));
            var host = meeting.Links.Single(l => l.Other.Id == Trump);
            Assert.Equal((RelationshipTypes.ParticipatedIn, Trump, Meeting), (host.Edge.Type, host.Edge.From, host.Edge.To));
            Assert.Equal(full.Other.Name, host.Other.Name);
            // ... but no relationship carries its properties or evidence.
            Assert.True(meeting.Links.All(l => l.Edge.Properties.Count == 0 && l.Edge.Evidence.Count == 0), $"{list}: a link carries its relationship's properties or evidence.");
        }
    }
}

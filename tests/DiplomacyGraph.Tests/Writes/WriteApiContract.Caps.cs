using System.Net;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>An item's lists of linked nodes are cut at <see cref="LinkCap.Max"/>, and the item says so.</summary>
public abstract partial class WriteApiContract
{
    [Fact]
    public async Task A_hub_sanction_shows_the_first_targets_up_to_the_cap_and_says_it_was_cut()
    {
        var sourceId = Articles.Unique("hub-list");
        var sanctionId = Articles.Unique("hub-sanction");
        var stem = Articles.Unique("listed");
        const string Sentence = "The list names every one of them.";
        var targets = Enumerable.Range(0, LinkCap.Max + 1).Select(i => $"{stem}-{i:D4}").ToList();
        var document = new KnowledgeDocument
        {
            Source = new SourceRecord { Id = sourceId, Title = "A long list", Outlet = "lists.example", Published = "2026-02-12" },
            Actors = [.. targets.Select(id => new ActorRecord { Id = id, Kind = "person", Name = $"Listed {id[^4..]}", Evidence = Sentence })],
            Sanctions = [new SanctionRecord { Id = sanctionId, Kind = "financial", Description = "A listing of many", Evidence = Sentence }],
            Relationships =
            [
                new RelationshipRecord { Type = "IMPOSED", From = "united-states", To = sanctionId, Evidence = Sentence },
                .. targets.Select(id => new RelationshipRecord { Type = "TARGETS", From = sanctionId, To = id, Evidence = Sentence }),
            ],
        };

        await Post("/api/import", document, expect: HttpStatusCode.OK);

        var sanction = await GetJson<CappedSanctionView>($"/api/sanctions/{sanctionId}");
        Assert.True(sanction.Truncated);
        Assert.Equal(LinkCap.Max, sanction.Targets.Count);
        Assert.Equal(LinkCap.Max, sanction.Targets.Select(t => t.Actor.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(targets.ToHashSet(StringComparer.Ordinal), sanction.Targets.Select(t => t.Actor.Id).ToHashSet(StringComparer.Ordinal));
        Assert.Equal("united-states", Assert.Single(sanction.ImposedBy).Actor.Id);

        // The one left out is still reached from its own end.
        var left = Assert.Single(targets.Except(sanction.Targets.Select(t => t.Actor.Id), StringComparer.Ordinal));
        var itsSanctions = await GetJson<CappedView<CappedSanctionView>>($"/api/actors/{left}/sanctions");
        Assert.Equal(sanctionId, Assert.Single(itsSanctions.Items).Id);

        var source = await GetJson<CappedSourceView>($"/api/sources/{sourceId}");
        Assert.True(source.Truncated);
        Assert.Equal((LinkCap.Max, LinkCap.Max), (source.Nodes.Count, source.Edges.Count));

        var seedSanction = await GetJson<CappedSanctionView>("/api/sanctions/gustavo-petro-visa-revocation");
        Assert.False(seedSanction.Truncated);
        Assert.NotEmpty(seedSanction.Targets);
    }

    private sealed record PartyView(NodeRefView Actor);

    private sealed record CappedSanctionView(string Id, List<PartyView> ImposedBy, List<PartyView> Targets, bool Truncated);

    private sealed record CappedSourceView(List<SupportedNodeView> Nodes, List<EdgeView> Edges, bool Truncated);
}

using System.Text.Json;

namespace DiplomacyGraph.Tests.Writes;

// The wire shapes the write tests read, kept apart from the service's DTOs so that a renamed field fails here.
#pragma warning disable CA1812 // Instantiated by System.Text.Json.
internal sealed record EvidenceView(string SourceId, string Text);
internal sealed record NodeRefView(string Id, string Label, string Name, string? Kind);
internal sealed record PageView<T>(List<T> Items, int Page, int PageSize, int Total);
internal sealed record CappedView<T>(List<T> Items, int Limit, bool Truncated);
internal sealed record ActorView(string Id, string Kind, string Name, List<string> Aliases, string? Description, Dictionary<string, int> RelationshipCounts, List<EvidenceView> Evidence);
internal sealed record EventView(string Id, string Kind, string? Mode, string Title, string? Date, string? Description, List<EvidenceView> Evidence);
internal sealed record SanctionView(string Id, string Kind, string Description, List<EvidenceView> Evidence);
internal sealed record StatementView(string Id, string Text, string? Quote, string Medium, List<NodeRefView> Speakers, List<EvidenceView> Evidence);
internal sealed record SourceView(string Id, string Title, string Outlet, string? Published);
internal sealed record SourceDetailView(SourceView Source, List<SupportedNodeView> Nodes, List<EdgeView> Edges);
internal sealed record SupportedNodeView(NodeRefView Node, List<string> Sentences);
internal sealed record EdgeView(string Id, string Type, string From, string To, Dictionary<string, JsonElement> Properties, List<EvidenceView> Evidence);
internal sealed record LinkView(string Id, string Type, string Direction, List<EvidenceView> Evidence, NodeRefView Other);
internal sealed record PathNodeView(string Id, string Label, string Name, List<EvidenceView> Evidence);
internal sealed record PathView(string From, string To, bool Found, int? Length, List<PathNodeView> Nodes, List<EdgeView> Edges);
internal sealed record CoParticipantView(NodeRefView Actor, List<NodeRefView> Events);
internal sealed record ChangesView(List<string> Created, List<string> Updated, List<string> Unchanged);
internal sealed record ImportView(string SourceId, ChangesView Nodes, ChangesView Relationships);
#pragma warning restore CA1812

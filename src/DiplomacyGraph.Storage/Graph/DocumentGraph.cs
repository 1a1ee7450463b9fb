using DiplomacyGraph.Storage.Knowledge;

namespace DiplomacyGraph.Storage.Graph;

/// <summary>A knowledge document turned into the nodes and edges every store writes.</summary>
public sealed record DocumentGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    public static DocumentGraph From(KnowledgeDocument document)
    {
        var source = document.Source.Id;
        var nodes = new List<GraphNode> { ForSource(document.Source) };
        nodes.AddRange(document.Actors.Select(a => ForActor(a, source)));
        nodes.AddRange(document.Places.Select(p => ForPlace(p, source)));
        nodes.AddRange(document.Events.Select(e => ForEvent(e, source)));
        nodes.AddRange(document.Sanctions.Select(s => ForSanction(s, source)));
        nodes.AddRange(document.Statements.Select(s => ForStatement(s, source)));
        nodes.AddRange(document.Figures.Select(f => ForFigure(f, source)));
        nodes.AddRange(document.Programs.Select(p => ForProgram(p, source)));
        return new DocumentGraph(nodes, [.. document.Relationships.Select(r => ForRelationship(r, source))]);
    }

    public static GraphNode ForSource(SourceRecord s) => Node(s.Id, NodeLabel.Source, null,
        ("name", s.Title), ("title", s.Title), ("outlet", s.Outlet), ("url", s.Url), ("published", s.Published),
        ("edited", s.Edited), ("language", s.Language), ("file", s.File));

    public static GraphNode ForActor(ActorRecord a, string sourceId) => Node(a.Id, NodeLabel.Actor, Cite(sourceId, a.Evidence),
        ("name", a.Name), ("kind", a.Kind), ("aliases", a.Aliases), ("description", a.Description));

    public static GraphNode ForPlace(PlaceRecord p, string sourceId) => Node(p.Id, NodeLabel.Place, Cite(sourceId, p.Evidence),
        ("name", p.Name), ("aliases", p.Aliases), ("description", p.Description));

    public static GraphNode ForEvent(EventRecord e, string sourceId) => Node(e.Id, NodeLabel.Event, Cite(sourceId, e.Evidence),
        ("name", e.Title), ("kind", e.Kind), ("mode", e.Mode), ("date", e.Date), ("description", e.Description),
        ("outcome", e.Outcome), ("topics", e.Topics));

    public static GraphNode ForSanction(SanctionRecord s, string sourceId) => Node(s.Id, NodeLabel.Sanction, Cite(sourceId, s.Evidence),
        ("name", s.Description), ("kind", s.Kind), ("date", s.Date), ("authority", s.Authority), ("program", s.Program),
        ("legalBasis", s.LegalBasis), ("listed", s.Listed), ("start", s.Start), ("end", s.End), ("status", s.Status));

    public static GraphNode ForStatement(StatementRecord s, string sourceId) => Node(s.Id, NodeLabel.Statement, Cite(sourceId, s.Evidence),
        ("name", s.Quote ?? s.Text), ("text", s.Text), ("quote", s.Quote), ("medium", s.Medium), ("kind", s.Kind), ("date", s.Date));

    public static GraphNode ForFigure(FigureRecord f, string sourceId) => Node(f.Id, NodeLabel.Figure, Cite(sourceId, f.Evidence),
        ("name", f.Metric), ("metric", f.Metric), ("value", f.Value), ("unit", f.Unit), ("approximate", f.Approximate),
        ("period", f.Period), ("asOf", f.AsOf));

    public static GraphNode ForProgram(ProgramRecord p, string sourceId) => Node(p.Id, NodeLabel.Program, Cite(sourceId, p.Evidence),
        ("name", p.Name), ("description", p.Description));

    /// <summary>The stored edge; a symmetric relationship (spouses, associates) is stored once, from the smaller id (see <see cref="RelationshipTypes.Canonical"/>).</summary>
    public static GraphEdge ForRelationship(RelationshipRecord r, string sourceId)
    {
        var (from, to) = RelationshipTypes.Canonical(r.Type, r.From, r.To, r.Properties);
        return new(r.Type, from, to,
            new SortedDictionary<string, object?>(r.Properties.ToDictionary(p => p.Key, p => (object?)p.Value), StringComparer.Ordinal),
            Cite(sourceId, r.Evidence));
    }

    private static readonly string[] SearchedProperties = ["name", "aliases", "text", "quote"];

    private static Evidence[] Cite(string sourceId, string text) => [new Evidence(sourceId, text)];

    private static GraphNode Node(string id, NodeLabel label, Evidence[]? evidence, params (string Key, object? Value)[] properties)
    {
        var bag = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            // Absent values and empty lists are not stored, so that every store holds the same properties.
            switch (value)
            {
                case null:
                case IReadOnlyCollection<string> { Count: 0 }:
                    continue;
                case IEnumerable<string> list:
                    bag[key] = list.ToArray();
                    break;
                default:
                    bag[key] = value;
                    break;
            }
        }
        var name = (string)bag["name"]!;
        bag[InternalProperties.SortKey] = Text.Fold(name);
        bag[InternalProperties.SearchTerms] = SearchedValues(bag).Select(Text.Fold).Distinct(StringComparer.Ordinal).ToArray();
        return new GraphNode(id, label, bag, evidence ?? []);
    }

    /// <summary>The names, aliases, text and quote of a node's values: what its search terms are folded from.</summary>
    public static IEnumerable<string> SearchedValues(IReadOnlyDictionary<string, object?> values) =>
        SearchedProperties.SelectMany(key => values.GetValueOrDefault(key) switch { string s => [s], string[] list => list, _ => Array.Empty<string>() });
}

/// <summary>
/// How a write merges into what a store already holds, the same in every store:
/// new non-null values win, lists are unioned (existing items first), and evidence accumulates per source.
/// </summary>
public static class GraphMerge
{
    public static IReadOnlyDictionary<string, object?> MergeProperties(IReadOnlyDictionary<string, object?> existing, IReadOnlyDictionary<string, object?> incoming)
    {
        var merged = new SortedDictionary<string, object?>(existing.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        foreach (var (key, value) in incoming)
        {
            merged[key] = value is string[] list && merged.GetValueOrDefault(key) is string[] current
                ? current.Concat(list.Where(item => !current.Contains(item, StringComparer.Ordinal))).ToArray()
                : value;
        }
        return merged;
    }

    public static IReadOnlyList<Evidence> MergeEvidence(IReadOnlyList<Evidence> existing, IReadOnlyList<Evidence> incoming) =>
        [.. existing, .. incoming.Where(e => !existing.Contains(e)).Distinct()];

    public static GraphNode Node(GraphNode existing, GraphNode incoming) =>
        existing with { Properties = MergeProperties(existing.Properties, incoming.Properties), Evidence = MergeEvidence(existing.Evidence, incoming.Evidence) };

    public static GraphEdge Edge(GraphEdge existing, GraphEdge incoming) =>
        existing with { Properties = MergeProperties(existing.Properties, incoming.Properties), Evidence = MergeEvidence(existing.Evidence, incoming.Evidence) };

    /// <summary>Whether merging changed anything, for import summaries.</summary>
    public static bool SameContent(IReadOnlyDictionary<string, object?> a, IReadOnlyList<Evidence> ea, IReadOnlyDictionary<string, object?> b, IReadOnlyList<Evidence> eb) =>
        ea.SequenceEqual(eb) && SameValues(a, b);

    public static bool SameValues(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && ValueEquals(p.Value, v));

    private static bool ValueEquals(object? x, object? y) => (x, y) switch
    {
        (string[] l, string[] r) => l.SequenceEqual(r, StringComparer.Ordinal),
        (double l, double r) => l.Equals(r),
        _ => Equals(x, y),
    };
}

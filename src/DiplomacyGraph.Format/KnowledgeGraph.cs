using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Format;

/// <summary>A knowledge document turned into the graph that every store imports (<see cref="DocumentGraph"/>).</summary>
public static class KnowledgeGraph
{
    /// <summary>Properties the mapping derives from a record's fields (an event's quad class from its kind): stored and
    /// claimed like the others, never written in a document (an export leaves them out; the import derives them again).</summary>
    public static readonly IReadOnlySet<string> Derived = new HashSet<string>(StringComparer.Ordinal) { "quadClass" };

    public static DocumentGraph From(KnowledgeDocument document)
    {
        var source = document.Source.Id;
        List<GraphNode> nodes = [ForSource(document.Source), .. DocumentSections.All.SelectMany(section => section.Nodes(document, source))];
        return new DocumentGraph(nodes, [.. document.Relationships.Select(r => ForRelationship(r, source))]);
    }

    public static GraphNode ForSource(ISourceFields s) => DocumentGraph.Node(s.Id, NodeLabel.Source, null,
        ("name", s.Title), ("title", s.Title), ("outlet", s.Outlet), ("url", s.Url), ("published", s.Published),
        ("edited", s.Edited), ("language", s.Language), ("file", s.File), ("provenance", s.Provenance));

    public static GraphNode ForActor(IActorFields a, string sourceId) => DocumentGraph.Node(a.Id, NodeLabel.Actor, DocumentGraph.Cite(sourceId, a.Evidence),
        ("name", a.Name), ("kind", a.Kind), ("aliases", a.Aliases), ("weakAliases", a.WeakAliases), ("description", a.Description),
        ("topics", a.Topics), ("identifiers", a.Identifiers.Select(i => i.ToStored()).ToArray()), ("birthDate", a.BirthDate),
        ("birthPlace", a.BirthPlace), ("gender", a.Gender), ("nationalities", a.Nationalities), ("referents", a.Referents));

    public static GraphNode ForPlace(PlaceRecord p, string sourceId) => DocumentGraph.Node(p.Id, NodeLabel.Place, DocumentGraph.Cite(sourceId, p.Evidence),
        ("name", p.Name), ("aliases", p.Aliases), ("description", p.Description),
        ("latitude", p.Latitude), ("longitude", p.Longitude), ("country", p.Country));

    public static GraphNode ForEvent(IEventFields e, string sourceId) => DocumentGraph.Node(e.Id, NodeLabel.Event, DocumentGraph.Cite(sourceId, e.Evidence),
        ("name", e.Title), ("kind", e.Kind), ("mode", e.Mode), ("date", e.Date), ("description", e.Description),
        ("outcome", e.Outcome), ("topics", e.Topics), ("contexts", e.Contexts), ("endDate", e.EndDate), ("dead", e.Dead),
        ("injured", e.Injured), ("size", e.Size), ("quadClass", (long?)Plover.QuadClassOf(e.Kind)), ("originalKind", e.OriginalKind),
        ("originalMode", e.OriginalMode), ("originalContexts", e.OriginalContexts), ("cameoCode", e.CameoCode),
        ("goldsteinScale", e.GoldsteinScale), ("avgTone", e.AvgTone), ("numMentions", e.NumMentions), ("numSources", e.NumSources),
        ("numArticles", e.NumArticles), ("cameoQuadClass", (long?)e.CameoQuadClass));

    public static GraphNode ForSanction(ISanctionFields s, string sourceId) => DocumentGraph.Node(s.Id, NodeLabel.Sanction, DocumentGraph.Cite(sourceId, s.Evidence),
        ("name", s.Description), ("kind", s.Kind), ("date", s.Date), ("authority", s.Authority), ("program", s.Program),
        ("legalBasis", s.LegalBasis), ("listed", s.Listed), ("start", s.Start), ("end", s.End), ("status", s.Status),
        // Stored only when true, so that a sanction whose start is the source's holds no flag at all.
        ("startInferred", s.StartInferred == true ? true : null));

    public static GraphNode ForStatement(IStatementFields s, string sourceId) => DocumentGraph.Node(s.Id, NodeLabel.Statement, DocumentGraph.Cite(sourceId, s.Evidence),
        ("name", s.Quote ?? s.Text), ("text", s.Text), ("quote", s.Quote), ("medium", s.Medium), ("kind", s.Kind), ("mode", s.Mode),
        ("originalKind", s.OriginalKind), ("originalMode", s.OriginalMode), ("date", s.Date));

    public static GraphNode ForFigure(FigureRecord f, string sourceId) => DocumentGraph.Node(f.Id, NodeLabel.Figure, DocumentGraph.Cite(sourceId, f.Evidence),
        ("name", f.Metric), ("metric", f.Metric), ("value", f.Value), ("unit", f.Unit), ("approximate", f.Approximate),
        ("period", f.Period), ("asOf", f.AsOf));

    public static GraphNode ForProgram(ProgramRecord p, string sourceId) => DocumentGraph.Node(p.Id, NodeLabel.Program, DocumentGraph.Cite(sourceId, p.Evidence),
        ("name", p.Name), ("description", p.Description));

    /// <summary>The stored edge (see <see cref="DocumentGraph.Edge"/>).</summary>
    public static GraphEdge ForRelationship(IRelationshipFields r, string sourceId) =>
        DocumentGraph.Edge(r.Type, r.From, r.To, r.Properties, DocumentGraph.Cite(sourceId, r.Evidence));
}

/// <summary>Importing a knowledge document: its graph form, imported.</summary>
public static class GraphStoreImports
{
    public static Task<IImportOutcome> Import(this IGraphStore store, KnowledgeDocument document, CancellationToken ct) =>
        store.Import(KnowledgeGraph.From(document), ct);
}

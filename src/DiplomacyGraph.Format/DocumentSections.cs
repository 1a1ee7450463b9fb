using System.Linq.Expressions;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Format;

/// <summary>
/// A knowledge document's section of one node kind (every kind of <see cref="NodeKinds"/> but the source, which a
/// document has once): where its records are, their ids, their validator and their graph form. The validator, the
/// reader's messages and <see cref="KnowledgeGraph.From"/> all go through this table, so a new kind is one entry here.
/// </summary>
public abstract class DocumentSection
{
    private protected DocumentSection(NodeLabel label) => Kind = NodeKinds.Of(label);

    public NodeKind Kind { get; }

    /// <summary>The section's name in the document, e.g. <c>actors</c>.</summary>
    public string Name => Kind.Section;

    /// <summary>The id of each record of the section, null where a record or its id is missing.</summary>
    public abstract IEnumerable<string?> Ids(KnowledgeDocument document);

    /// <summary>The section's records as graph nodes, citing the document's source.</summary>
    public abstract IEnumerable<GraphNode> Nodes(KnowledgeDocument document, string sourceId);

    /// <summary>Adds the section's rules (its size cap, and each record's validator) to the document's validator.</summary>
    internal abstract void AddRules(KnowledgeDocumentValidator validator);
}

/// <inheritdoc />
public sealed class DocumentSection<TRecord>(
    NodeLabel label,
    Expression<Func<KnowledgeDocument, IReadOnlyList<TRecord>>> records,
    Func<TRecord, string?> id,
    Func<TRecord, string, GraphNode> toNode,
    Func<IValidator<TRecord>> validator) : DocumentSection(label)
{
    private readonly Func<KnowledgeDocument, IReadOnlyList<TRecord>> read = records.Compile();

    public override IEnumerable<string?> Ids(KnowledgeDocument document) =>
        (read(document) ?? []).Select(r => r is null ? null : id(r));

    public override IEnumerable<GraphNode> Nodes(KnowledgeDocument document, string sourceId) =>
        read(document).Select(r => toNode(r, sourceId));

    internal override void AddRules(KnowledgeDocumentValidator documentValidator) => documentValidator.Section(records, validator());
}

/// <summary>The document's sections, in the order the document lists them.</summary>
public static class DocumentSections
{
    public static readonly IReadOnlyList<DocumentSection> All =
    [
        new DocumentSection<ActorRecord>(NodeLabel.Actor, d => d.Actors, r => r.Id, KnowledgeGraph.ForActor, () => new ActorValidator()),
        new DocumentSection<PlaceRecord>(NodeLabel.Place, d => d.Places, r => r.Id, KnowledgeGraph.ForPlace, () => new PlaceValidator()),
        new DocumentSection<EventRecord>(NodeLabel.Event, d => d.Events, r => r.Id, KnowledgeGraph.ForEvent, () => new EventValidator()),
        new DocumentSection<SanctionRecord>(NodeLabel.Sanction, d => d.Sanctions, r => r.Id, KnowledgeGraph.ForSanction, () => new SanctionValidator()),
        new DocumentSection<StatementRecord>(NodeLabel.Statement, d => d.Statements, r => r.Id, KnowledgeGraph.ForStatement, () => new StatementValidator()),
        new DocumentSection<FigureRecord>(NodeLabel.Figure, d => d.Figures, r => r.Id, KnowledgeGraph.ForFigure, () => new FigureValidator()),
        new DocumentSection<ProgramRecord>(NodeLabel.Program, d => d.Programs, r => r.Id, KnowledgeGraph.ForProgram, () => new ProgramValidator()),
    ];

    private static readonly Dictionary<string, DocumentSection> ByName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The section of this name, e.g. <c>actors</c>; null for the source and relationships, which are not node sections.</summary>
    public static DocumentSection? Named(string name) => ByName.GetValueOrDefault(name);
}

using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Storage;

// What each write of IGraphStore can answer. Every expected answer is a value, so a caller sees from the method's type
// which cases to map; exceptions stay for a store that is down or misconfigured, and for bugs. A refusal means nothing
// was written. The cases are shared between the methods (a create and an import refuse an id conflict alike), so each
// method's answer is an interface that exactly its cases implement.

/// <summary><see cref="IGraphStore.CreateNode"/>: <see cref="WriteOutcome.Created"/>, <see cref="WriteOutcome.Conflict"/> or <see cref="WriteOutcome.UnknownReferences"/>.</summary>
public interface ICreateNodeOutcome;

/// <summary><see cref="IGraphStore.ReplaceNode"/>: <see cref="WriteOutcome.Replaced"/>, <see cref="WriteOutcome.NotFound"/> or <see cref="WriteOutcome.UnknownReferences"/>.</summary>
public interface IReplaceNodeOutcome;

/// <summary><see cref="IGraphStore.DeleteNode"/>: <see cref="WriteOutcome.Deleted"/>, <see cref="WriteOutcome.NotFound"/> or <see cref="WriteOutcome.InUse"/>.</summary>
public interface IDeleteNodeOutcome;

/// <summary><see cref="IGraphStore.RetractSource"/>: <see cref="WriteOutcome.Retracted"/> or <see cref="WriteOutcome.NotFound"/>.</summary>
public interface IRetractSourceOutcome;

/// <summary><see cref="IGraphStore.CreateEdge"/>: <see cref="WriteOutcome.Created"/>, <see cref="WriteOutcome.Conflict"/>,
/// <see cref="WriteOutcome.UnknownReferences"/> or <see cref="WriteOutcome.EndpointMismatch"/>.</summary>
public interface ICreateEdgeOutcome;

/// <summary><see cref="IGraphStore.DeleteEdge"/>: <see cref="WriteOutcome.Deleted"/> or <see cref="WriteOutcome.NotFound"/>.</summary>
public interface IDeleteEdgeOutcome;

/// <summary><see cref="IGraphStore.Import"/>: <see cref="WriteOutcome.Imported"/>, <see cref="WriteOutcome.Conflict"/>,
/// <see cref="WriteOutcome.UnknownReferences"/> or <see cref="WriteOutcome.EndpointMismatch"/>.</summary>
public interface IImportOutcome;

/// <summary>A refusal (<see cref="WriteOutcome.Conflict"/>, <see cref="WriteOutcome.UnknownReferences"/>, <see cref="WriteOutcome.EndpointMismatch"/>), in one sentence.</summary>
public interface IWriteRefusal
{
    string Detail { get; }
}

/// <summary>The cases of the write outcomes (nested, so that their names do not meet ASP.NET Core's result types).</summary>
public static class WriteOutcome
{
    /// <summary>The node or relationship was created.</summary>
    public sealed record Created : ICreateNodeOutcome, ICreateEdgeOutcome
    {
        public static readonly Created Value = new();
    }

    /// <summary>The node was replaced; it is shown as stored.</summary>
    public sealed record Replaced(GraphNode Node) : IReplaceNodeOutcome;

    /// <summary>Deleted, with how many relationships went with a node (0 for a source or a relationship).</summary>
    public sealed record Deleted(int Relationships) : IDeleteNodeOutcome, IDeleteEdgeOutcome;

    /// <summary>There is no such node (with that label) or relationship; nothing was written.</summary>
    public sealed record NotFound : IReplaceNodeOutcome, IDeleteNodeOutcome, IRetractSourceOutcome, IDeleteEdgeOutcome
    {
        public static readonly NotFound Value = new();
    }

    /// <summary>The node still has relationships (a source: facts cite it), and cascade was not asked for.</summary>
    /// <param name="Count">How many relationships (or citing facts) stand in the way.</param>
    public sealed record InUse(int Count) : IDeleteNodeOutcome;

    /// <summary>The source was retracted (<see cref="RetractionPlan"/>).</summary>
    public sealed record Retracted(SourceRetraction Summary) : IRetractSourceOutcome;

    /// <summary>The graph was merged in.</summary>
    public sealed record Imported(ImportSummary Summary) : IImportOutcome;

    /// <summary>An id is taken (by a node of another label, or the relationship exists); nothing was written.</summary>
    /// <param name="Conflicts">One sentence per conflict.</param>
    public sealed record Conflict(IReadOnlyList<string> Conflicts) : ICreateNodeOutcome, ICreateEdgeOutcome, IImportOutcome, IWriteRefusal
    {
        /// <summary>The conflicts in one sentence.</summary>
        public string Detail => string.Join("; ", Conflicts);
    }

    /// <summary>The write refers to ids that neither it nor the store holds; nothing was written.</summary>
    public sealed record UnknownReferences(IReadOnlyList<string> Ids) : ICreateNodeOutcome, IReplaceNodeOutcome, ICreateEdgeOutcome, IImportOutcome, IWriteRefusal
    {
        public string Detail => $"Unknown ids: {string.Join(", ", Ids)}.";
    }

    /// <summary>A relationship joins nodes its type does not allow (labels, or persons-only kinds); nothing was written.</summary>
    /// <param name="Problems">One sentence per problem.</param>
    public sealed record EndpointMismatch(IReadOnlyList<string> Problems) : ICreateEdgeOutcome, IImportOutcome, IWriteRefusal
    {
        public string Detail => string.Join(" ", Problems);
    }
}

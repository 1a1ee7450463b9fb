using DiplomacyGraph.Storage.Graph;
using DiplomacyGraph.Storage.Knowledge;

namespace DiplomacyGraph.Storage;

/// <summary>What a delete did, or why it did not.</summary>
public enum DeleteOutcome
{
    Deleted,
    NotFound,
    /// <summary>The node still has relationships (a source: facts cite it), and cascade was not asked for.</summary>
    InUse,
}

/// <summary>The outcome of a delete, with how many relationships (or citing facts) stood in the way or went with it.</summary>
public sealed record DeleteResult(DeleteOutcome Outcome, int Relationships);

/// <summary>Checks every store makes before a write, so both refuse the same writes with the same messages.</summary>
public static class WriteChecks
{
    /// <summary>Throws when an edge joins labels its type does not allow.</summary>
    public static void ThrowIfEndpointsMismatch(IEnumerable<GraphEdge> edges, Func<string, NodeLabel> labelOf)
    {
        var problems = new List<string>();
        foreach (var edge in edges)
        {
            var rule = RelationshipTypes.ByType[edge.Type];
            var (from, to) = (labelOf(edge.From), labelOf(edge.To));
            if (!rule.From.Contains(from)) problems.Add($"{edge.Type} cannot start at {from} '{edge.From}'; it starts at {string.Join(" or ", rule.From)}.");
            if (!rule.To.Contains(to)) problems.Add($"{edge.Type} cannot end at {to} '{edge.To}'; it ends at {string.Join(" or ", rule.To)}.");
        }
        if (problems.Count > 0) throw new EndpointMismatchException(problems);
    }

    /// <summary>Throws when a persons-only relationship (FAMILY_OF, ASSOCIATE_OF) has an end that is not a person.</summary>
    public static void ThrowIfNotPersons(IEnumerable<GraphEdge> edges, Func<string, string?> kindOf)
    {
        var problems = new List<string>();
        foreach (var edge in edges.Where(e => RelationshipTypes.ByType[e.Type].PersonsOnly))
        {
            foreach (var id in new[] { edge.From, edge.To })
            {
                if (kindOf(id) is { } kind && kind != ActorKinds.Person) problems.Add($"{edge.Type} joins persons; '{id}' is of kind {kind}.");
            }
        }
        if (problems.Count > 0) throw new EndpointMismatchException(problems);
    }

    /// <summary>The ids an element refers to that are not in the store: an edge's ends, and evidence sources.</summary>
    public static List<string> Unknown(IEnumerable<string> referenced, Func<string, bool> exists) =>
        [.. referenced.Distinct(StringComparer.Ordinal).Where(id => !exists(id)).Order(StringComparer.Ordinal)];

    public static IEnumerable<string> References(GraphEdge edge) => [edge.From, edge.To, .. edge.Evidence.Select(e => e.SourceId)];

    public static IEnumerable<string> References(GraphNode node) => node.Evidence.Select(e => e.SourceId);
}

/// <summary>A write joins nodes whose labels its relationship type does not allow.</summary>
public sealed class EndpointMismatchException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage;

/// <summary>Checks every store makes before a write, so both refuse the same writes with the same messages.</summary>
public static class WriteChecks
{
    /// <summary>The refusal of edges that join labels their type does not allow, or null when they all fit.</summary>
    public static WriteOutcome.EndpointMismatch? EndpointsMismatch(IEnumerable<GraphEdge> edges, Func<string, NodeLabel> labelOf)
    {
        var problems = new List<string>();
        foreach (var edge in edges)
        {
            var rule = RelationshipTypes.ByType[edge.Type];
            var (from, to) = (labelOf(edge.From), labelOf(edge.To));
            if (!rule.From.Contains(from)) problems.Add($"{edge.Type} cannot start at {from} '{edge.From}'; it starts at {string.Join(" or ", rule.From)}.");
            if (!rule.To.Contains(to)) problems.Add($"{edge.Type} cannot end at {to} '{edge.To}'; it ends at {string.Join(" or ", rule.To)}.");
        }
        return problems.Count > 0 ? new WriteOutcome.EndpointMismatch(problems) : null;
    }

    /// <summary>The refusal of persons-only relationships (FAMILY_OF, ASSOCIATE_OF) with an end that is not a person, or null.</summary>
    public static WriteOutcome.EndpointMismatch? NotPersons(IEnumerable<GraphEdge> edges, Func<string, string?> kindOf)
    {
        var problems = new List<string>();
        foreach (var edge in edges.Where(e => RelationshipTypes.ByType[e.Type].PersonsOnly))
        {
            foreach (var id in new[] { edge.From, edge.To })
            {
                if (kindOf(id) is { } kind && kind != ActorKinds.Person) problems.Add($"{edge.Type} joins persons; '{id}' is of kind {kind}.");
            }
        }
        return problems.Count > 0 ? new WriteOutcome.EndpointMismatch(problems) : null;
    }

    /// <summary>The refusal of the ids an element refers to that are not in the store (an edge's ends, evidence sources), or null when all are.</summary>
    public static WriteOutcome.UnknownReferences? Unknown(IEnumerable<string> referenced, Func<string, bool> exists) =>
        referenced.Distinct(StringComparer.Ordinal).Where(id => !exists(id)).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } unknown
            ? new WriteOutcome.UnknownReferences(unknown)
            : null;

    public static IEnumerable<string> References(GraphEdge edge) => [edge.From, edge.To, .. edge.Evidence.Select(e => e.SourceId)];

    public static IEnumerable<string> References(GraphNode node) => node.Evidence.Select(e => e.SourceId);
}

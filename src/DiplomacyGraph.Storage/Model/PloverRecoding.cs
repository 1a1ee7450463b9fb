using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Model;

/// <summary>
/// A stored event or statement in the current PLOVER manual's terms (<see cref="Plover.Recode"/>), for the stores'
/// migrations (issue 19). The node's values and each source's claims are re-coded alike: a fact's values follow from its
/// claims (<see cref="ClaimRules"/>), so a claim left in an older draft's terms would bring the old kind back at the
/// fact's next write. No claim is added or removed and the evidence is untouched: the same sources say the same thing
/// in today's vocabulary, and what they said before is kept in <c>originalKind</c>, <c>originalMode</c> and
/// <c>originalContexts</c>. A value already current is left as it is, so re-coding twice changes nothing.
/// </summary>
public static class PloverRecoding
{
    /// <summary>The outcome of re-coding one fact: the fact as it should be stored (null when nothing changes), or why it stays as it is.</summary>
    public sealed record Outcome(GraphNode? Recoded, string? Unmappable);

    /// <summary>Re-codes an event's or a statement's values and claims; other labels are never changed.</summary>
    public static Outcome Recode(GraphNode node)
    {
        if (node.Label is not (NodeLabel.Event or NodeLabel.Statement)) return new(null, null);
        var properties = Values(node.Label, node.Properties, out var unmappable);
        if (unmappable is not null) return new(null, unmappable);
        // A statement need not amount to a PLOVER type: one without a kind has nothing to re-code.
        if (properties is null) return new(null, null);
        var claims = node.Claims.Select(c => c with { Values = Values(node.Label, c.Values, out _) ?? c.Values }).ToList();
        var changed = !Same(properties, node.Properties) || claims.Where((c, i) => !Same(c.Values, node.Claims[i].Values)).Any();
        return new(changed ? node with { Properties = properties, Claims = claims } : null, null);
    }

    /// <summary>
    /// One set of values (a node's, or one source's claims on it) re-coded; null when they hold no kind to re-code
    /// (a claim from a source that gave no kind) or, with the reason, when the kind has nothing to map to.
    /// </summary>
    private static SortedDictionary<string, object?>? Values(NodeLabel label, IReadOnlyDictionary<string, object?> values, out string? unmappable)
    {
        unmappable = null;
        if (values.GetValueOrDefault("kind") is not string kind) return null;
        var isEvent = label == NodeLabel.Event;
        var coding = Plover.Recode(kind, values.GetValueOrDefault("mode") as string, isEvent ? Strings(values.GetValueOrDefault("contexts")) : null,
            out unmappable, isEvent ? [EventKinds.Travel] : []);
        if (coding is null) return null;
        var result = new SortedDictionary<string, object?>(values.ToDictionary(), StringComparer.Ordinal);
        Set(result, "kind", coding.Kind);
        Set(result, "mode", coding.Mode);
        // An original already recorded (by a source, or an earlier run) stays; a new one is only added where a value changed.
        if (coding.OriginalKind is not null) Set(result, "originalKind", coding.OriginalKind);
        if (coding.OriginalMode is not null) Set(result, "originalMode", coding.OriginalMode);
        if (isEvent)
        {
            Set(result, "contexts", coding.Contexts.Count == 0 ? null : coding.Contexts.ToArray());
            if (coding.OriginalContexts.Count > 0) Set(result, "originalContexts", coding.OriginalContexts.ToArray());
            // Numbers are stored as doubles (DocumentGraph.Node), as an import of the event would store it.
            var quadClass = Plover.QuadClassOf(coding.Kind);
            Set(result, "quadClass", quadClass is null ? null : (double)quadClass.Value);
        }
        return result;
    }

    /// <summary>Contexts as stored: a list, or (written by hand) one comma-separated string.</summary>
    private static IReadOnlyList<string>? Strings(object? value) => value switch
    {
        string s => [s],
        IEnumerable<string> list => [.. list],
        _ => null,
    };

    /// <summary>Absent values are not stored (DocumentGraph.Node): null removes the field.</summary>
    private static void Set(SortedDictionary<string, object?> values, string key, object? value)
    {
        if (value is null) values.Remove(key);
        else values[key] = value;
    }

    private static bool Same(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && SameValue(p.Value, other));

    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (IEnumerable<string> l, IEnumerable<string> r) when a is not string && b is not string => l.SequenceEqual(r, StringComparer.Ordinal),
        _ => Equals(a, b),
    };
}

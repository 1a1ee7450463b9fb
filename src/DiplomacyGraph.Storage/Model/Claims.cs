using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Storage.Model;

/// <summary>The values one source gives for the fields of one fact (a node or a relationship): its claims.</summary>
/// <param name="SourceId">The source.</param>
/// <param name="Values">Field to value, as the fact's properties hold them (strings, string lists, numbers, booleans).</param>
public sealed record SourceClaims(string SourceId, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>The fact these claims were made about when they now hang on another one (entity resolution), else null:
    /// a source's claims are kept per origin, so a merge never mixes two nodes' claims and its undo separates them again.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Origin { get; init; }
}

/// <summary>
/// How the values a fact shows follow from its sources' claims, the same in every store and independent of the order
/// the claims arrived in. Sources rank by provenance (curated above coded: <see cref="SourceRank"/>), then by
/// <c>published</c>, then by id (ordinal); the highest-ranked source that gives
/// a field gives its value, and list fields (aliases, topics) are the union of every source's items, the lowest-ranked
/// source's first. A write replaces the claims of its own source and leaves the other sources' claims as they are.
/// </summary>
public static class ClaimRules
{
    /// <summary>Fields whose claims are not values of their own: a node's sort and search keys follow from the others.</summary>
    public static bool IsClaimed(string field) => !InternalProperties.IsInternal(field) && field != SameAs;

    /// <summary>A canonical node's merged ids: the node origins of its claims (<see cref="SourceClaims.Origin"/>), never claimed itself.</summary>
    public const string SameAs = "sameAs";

    /// <summary>The claims a fact as a write gives it makes: its properties, claimed by each of its evidence's sources.</summary>
    public static IReadOnlyList<SourceClaims> Of(IReadOnlyDictionary<string, object?> properties, IReadOnlyList<Evidence> evidence, string? origin = null)
    {
        var values = Claimed(properties);
        return [.. evidence.Select(e => e.SourceId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(s => new SourceClaims(s, values) { Origin = origin })];
    }

    /// <summary>A node as written by its evidence's sources alone (a create): its claims are its properties.</summary>
    public static GraphNode Fresh(GraphNode node) => node.Evidence.Count == 0 ? node : node with
    {
        Claims = Of(node.Properties, node.Evidence, node.Origin),
        Evidence = Tagged(node.Evidence, node.Origin),
    };

    public static GraphEdge Fresh(GraphEdge edge) => edge with { Claims = Of(edge.Properties, edge.Evidence, edge.Origin), Evidence = Tagged(edge.Evidence, edge.Origin) };

    /// <summary>Evidence given under a merged id keeps that origin (<see cref="Evidence.Origin"/>).</summary>
    public static IReadOnlyList<Evidence> Tagged(IReadOnlyList<Evidence> evidence, string? origin) =>
        origin is null ? evidence : [.. evidence.Select(e => e with { Origin = origin })];

    /// <summary>
    /// A stored node merged with a write, the values resolved again and the evidence accumulated. An import adds to what
    /// its sources claimed (their new non-null values win, lists are unioned: a document never retracts a value); a
    /// replace (PUT) makes the body its source's whole claim. A source node (no evidence, no claims) takes the write's
    /// values, as it always has.
    /// </summary>
    public static GraphNode Merge(GraphNode stored, GraphNode incoming, Func<string, string?> publishedOf, bool replace = false)
    {
        if (incoming.Evidence.Count == 0) return GraphMerge.Node(stored, incoming);
        var claims = Put(stored.Claims, Of(incoming.Properties, incoming.Evidence, incoming.Origin), replace);
        return stored with
        {
            Properties = NodeValues(claims, publishedOf),
            Evidence = GraphMerge.MergeEvidence(stored.Evidence, Tagged(incoming.Evidence, incoming.Origin)),
            Claims = claims,
        };
    }

    public static GraphEdge Merge(GraphEdge stored, GraphEdge incoming, Func<string, string?> publishedOf)
    {
        var claims = Put(stored.Claims, Of(incoming.Properties, incoming.Evidence, incoming.Origin), replace: false);
        return stored with
        {
            Properties = Resolve(claims, publishedOf),
            Evidence = GraphMerge.MergeEvidence(stored.Evidence, Tagged(incoming.Evidence, incoming.Origin)),
            Claims = claims,
        };
    }

    /// <summary>A node without one source's evidence and claims; null when no evidence is left (the node goes).</summary>
    public static GraphNode? Without(GraphNode node, string sourceId, Func<string, string?> publishedOf)
    {
        var evidence = node.Evidence.Where(e => e.SourceId != sourceId).ToArray();
        if (evidence.Length == 0) return null;
        var claims = node.Claims.Where(c => c.SourceId != sourceId).ToArray();
        return node with { Evidence = evidence, Claims = claims, Properties = claims.Length == 0 ? node.Properties : NodeValues(claims, publishedOf) };
    }

    public static GraphEdge? Without(GraphEdge edge, string sourceId, Func<string, string?> publishedOf)
    {
        var evidence = edge.Evidence.Where(e => e.SourceId != sourceId).ToArray();
        if (evidence.Length == 0) return null;
        var claims = edge.Claims.Where(c => c.SourceId != sourceId).ToArray();
        return edge with { Evidence = evidence, Claims = claims, Properties = claims.Length == 0 ? edge.Properties : Resolve(claims, publishedOf) };
    }

    /// <summary>The sources in rank order, lowest first: by rank key (<see cref="SourceRank"/>: coded before curated, then
    /// <c>published</c>, none lowest; the stores pass it as <c>publishedOf</c>), then by id, then merged claims before own.</summary>
    public static IEnumerable<SourceClaims> Ranked(IEnumerable<SourceClaims> claims, Func<string, string?> publishedOf) =>
        claims.OrderBy(c => publishedOf(c.SourceId) ?? "", StringComparer.Ordinal).ThenBy(c => c.SourceId, StringComparer.Ordinal)
            // Within a source, a merged node's claims rank below the canonical node's own (entity resolution).
            .ThenBy(c => c.Origin is null).ThenBy(c => c.Origin, StringComparer.Ordinal);

    /// <summary>The values shown: each field from the highest-ranked source giving it; lists unioned, lowest rank first.</summary>
    public static IReadOnlyDictionary<string, object?> Resolve(IEnumerable<SourceClaims> claims, Func<string, string?> publishedOf) =>
        ResolveMap(claims, publishedOf);

    private static SortedDictionary<string, object?> ResolveMap(IEnumerable<SourceClaims> claims, Func<string, string?> publishedOf)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in Ranked(claims, publishedOf))
        {
            foreach (var (field, value) in source.Values)
            {
                values[field] = value is string[] list && values.GetValueOrDefault(field) is string[] current
                    ? current.Concat(list.Where(item => !current.Contains(item, StringComparer.Ordinal))).ToArray()
                    : value;
            }
        }
        return values;
    }

    /// <summary>A node's resolved values with its sort key and search terms (the latter from every source's names, so each stays findable).</summary>
    public static IReadOnlyDictionary<string, object?> NodeValues(IReadOnlyList<SourceClaims> claims, Func<string, string?> publishedOf)
    {
        var values = ResolveMap(claims, publishedOf);
        var name = values.GetValueOrDefault("name") as string ?? "";
        values[InternalProperties.SortKey] = Text.Fold(name);
        var sameAs = claims.Select(c => c.Origin).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (sameAs.Length > 0)
        {
            values[SameAs] = sameAs;
            // A merged node is found by every name of the nodes merged into it: their names the canonical one did not win become aliases.
            var aliases = values.GetValueOrDefault("aliases") as string[] ?? [];
            var others = claims.Select(c => c.Values.GetValueOrDefault("name") as string).OfType<string>()
                .Where(n => n != name && !aliases.Contains(n, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
            if (others.Length > 0) values["aliases"] = aliases.Concat(others).ToArray();
        }
        // Curated or coded, from the claiming sources (one per evidence source): lists filter on it (FactProvenance).
        values[FactProvenance.Property] = FactProvenance.FromSources(claims.Select(c => c.SourceId), publishedOf);
        values[InternalProperties.SearchTerms] = new[] { (IReadOnlyDictionary<string, object?>)values }
            .Concat(Ranked(claims, publishedOf).Reverse().Select(c => c.Values))
            .SelectMany(DocumentGraph.SearchedValues).Select(Text.Fold).Distinct(StringComparer.Ordinal).ToArray();
        return values;
    }

    /// <summary>Whether two claim lists hold the same values from the same sources.</summary>
    public static bool Same(IReadOnlyList<SourceClaims> a, IReadOnlyList<SourceClaims> b) =>
        a.Count == b.Count && a.All(x => b.FirstOrDefault(y => y.SourceId == x.SourceId && y.Origin == x.Origin) is { } y && GraphMerge.SameValues(x.Values, y.Values));

    /// <summary>The claims with the given sources' merged into (or replaced by) the incoming ones, in source id order.</summary>
    private static IReadOnlyList<SourceClaims> Put(IReadOnlyList<SourceClaims> stored, IReadOnlyList<SourceClaims> incoming, bool replace) =>
        [.. stored.Where(s => !incoming.Any(i => i.SourceId == s.SourceId && i.Origin == s.Origin))
            .Concat(incoming.Select(i => replace || stored.FirstOrDefault(s => s.SourceId == i.SourceId && s.Origin == i.Origin) is not { } mine
                ? i
                : i with { Values = GraphMerge.MergeProperties(mine.Values, i.Values) }))
            .OrderBy(c => c.SourceId, StringComparer.Ordinal).ThenBy(c => c.Origin, StringComparer.Ordinal)];

    private static SortedDictionary<string, object?> Claimed(IReadOnlyDictionary<string, object?> properties) =>
        new SortedDictionary<string, object?>(properties.Where(p => IsClaimed(p.Key) && p.Value is not null).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
}

/// <summary>Where the sources of a fact disagree: the fields with more than one distinct value among its claims.</summary>
public static class Disagreements
{
    /// <summary>List fields (aliases, topics) are unioned, so every source's items show: only single values can disagree.</summary>
    public static IReadOnlySet<string> Fields(IReadOnlyList<SourceClaims> claims) =>
        claims.SelectMany(c => c.Values.Where(v => v.Value is not string[]).Select(v => v.Key)).Distinct(StringComparer.Ordinal)
            .Where(field => claims.Where(c => c.Values.ContainsKey(field)).Select(c => Key(c.Values[field])).Distinct(StringComparer.Ordinal).Count() > 1)
            .ToHashSet(StringComparer.Ordinal);

    private static string Key(object? value) => value switch
    {
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

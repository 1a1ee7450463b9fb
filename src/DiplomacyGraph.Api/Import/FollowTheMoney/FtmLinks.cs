using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using static DiplomacyGraph.Api.Import.FtmValues;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// Money and control: Ownership becomes OWNS, Directorship DIRECTOR_OF, UnknownLink and Representation LINKED_TO, and
/// Payment PAID, each from FollowTheMoney's edge source to its target, keeping the properties our type allows.
/// The graph holds one relationship of a type between two actors, so several records of the same pair (a stake held,
/// sold and bought again) become one: its properties are the latest record's (<see cref="Latest"/>), and its
/// evidence quotes every record.
/// </summary>
internal static class FtmLinks
{
    /// <summary>A schema's edge: the properties naming its two ends, our type, and which FollowTheMoney property fills each of ours.</summary>
    private sealed record Edge(string From, string To, string Type, (string Ours, string[] Theirs)[] Properties);

    private static readonly Dictionary<string, Edge> Edges = new(StringComparer.Ordinal)
    {
        ["Ownership"] = new("owner", "asset", RelationshipTypes.Owns,
            [("percentage", ["percentage"]), ("shares", ["sharesCount"]), ("start", ["startDate"]), ("end", ["endDate"]), ("relation", ["role", "ownershipType"])]),
        ["Directorship"] = new("director", "organization", RelationshipTypes.DirectorOf,
            [("role", ["role"]), ("start", ["startDate"]), ("end", ["endDate"])]),
        ["UnknownLink"] = new("subject", "object", RelationshipTypes.LinkedTo, [("role", ["role"])]),
        ["Representation"] = new("agent", "client", RelationshipTypes.LinkedTo, [("role", ["role"])]),
        ["Payment"] = new("payer", "beneficiary", RelationshipTypes.Paid,
            [("amount", ["amount"]), ("currency", ["currency"]), ("date", ["date", "startDate"]), ("purpose", ["purpose"])]),
    };

    /// <summary>The schemata mapped here.</summary>
    public static IEnumerable<string> Schemata => Edges.Keys;

    /// <summary>Each schema mapped here with every FollowTheMoney property it reads (a test checks them against FollowTheMoney's model).</summary>
    public static IEnumerable<(string Schema, string[] Properties)> PropertiesRead =>
        Edges.Select(e => (e.Key, (string[])[e.Value.From, e.Value.To, .. e.Value.Properties.SelectMany(p => p.Theirs), "sourceUrl"]));

    private static readonly HashSet<string> Dates = new(StringComparer.Ordinal) { "start", "end", "date" };

    /// <summary>Maps one Ownership, Directorship, UnknownLink, Representation or Payment; the problem that stops the import, or null.</summary>
    public static string? Map(FtmEntity entity, string id, FtmRecords records)
    {
        var edge = Edges[entity.Schema];
        var (from, to) = (entity.First(edge.From), entity.First(edge.To));
        if (from is null || to is null)
        {
            return $"The {entity.Schema} '{entity.Id}' needs both '{edge.From}' and '{edge.To}'.";
        }
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = new List<string>();
        foreach (var (ours, theirs) in edge.Properties)
        {
            var (name, value) = theirs.Select(t => (t, entity.First(t))).FirstOrDefault(p => p.Item2 is not null);
            if (value is null) continue;
            read.Add($"{name} “{value}”");
            // A date FollowTheMoney writes in a form we do not read stays in the evidence only.
            if ((Dates.Contains(ours) ? Date(value) : Cap(value, 500)) is { } kept) properties[ours] = kept;
        }
        var (ourFrom, ourTo) = (records.OurId(from), records.OurId(to));
        if (ourFrom == ourTo)
        {
            records.Notes.Add($"line {entity.Line}: {entity.Schema} '{entity.Id}' joins '{from}' to itself; left out.");
            return null;
        }
        var evidence = $"FollowTheMoney {entity.Schema} '{entity.Id}': {edge.From} {records.Label(from)}, {edge.To} {records.Label(to)}"
            + string.Concat(read.Select(r => ", " + r)) + SourceUrls(entity) + ".";
        records.CombineRelationship(entity, edge.Type, ourFrom, ourTo, properties, evidence, Latest);
        return null;
    }

    /// <summary>The entity's <c>sourceUrl</c> values for its evidence, or nothing.</summary>
    public static string SourceUrls(FtmEntity entity) =>
        entity.All("sourceUrl") is { Count: > 0 } urls ? $", sourceUrl {string.Join(" ", urls.Take(3))}{(urls.Count > 3 ? $" (and {urls.Count - 3} more)" : "")}" : "";

    /// <summary>
    /// Two records of the same relationship as one: the properties of the one that is current (no end), else that
    /// ended last, else that started last (else the first read), and the evidence of both.
    /// </summary>
    public static RelationshipRecord Latest(RelationshipRecord first, RelationshipRecord second)
    {
        var later = Compare(second, first) > 0 ? second : first;
        return later with { Evidence = Cap(first.Evidence + " " + second.Evidence) };

        static int Compare(RelationshipRecord a, RelationshipRecord b)
        {
            var (endA, endB) = (a.Properties.GetValueOrDefault("end"), b.Properties.GetValueOrDefault("end"));
            if ((endA is null) != (endB is null)) return endA is null ? 1 : -1;
            var byEnd = string.CompareOrdinal(endA, endB);
            return byEnd != 0 ? byEnd : string.CompareOrdinal(Start(a), Start(b));
        }

        static string? Start(RelationshipRecord r) => r.Properties.GetValueOrDefault("start") ?? r.Properties.GetValueOrDefault("date");
    }
}

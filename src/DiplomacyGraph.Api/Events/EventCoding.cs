using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Events;

/// <summary>
/// An event's PLOVER coding and machine coding as stored (whole numbers are stored as doubles, so they are read back
/// here), read once for the summary, the detail and the CSV row alike.
/// </summary>
internal sealed record EventCoding(
    IReadOnlyList<string> Contexts, int? QuadClass, string? EndDate, long? Dead, long? Injured, long? Size,
    string? OriginalKind, string? OriginalMode, IReadOnlyList<string> OriginalContexts,
    string? CameoCode, double? GoldsteinScale, double? AvgTone, long? NumMentions, long? NumSources, long? NumArticles, int? CameoQuadClass)
{
    public static EventCoding Of(GraphNode e) => new(
        e.Strings("contexts"), (int?)Whole(e, "quadClass") ?? Plover.QuadClassOf(e.Kind), e.Text("endDate"),
        Whole(e, "dead"), Whole(e, "injured"), Whole(e, "size"),
        e.Text("originalKind"), e.Text("originalMode"), e.Strings("originalContexts"),
        e.Text("cameoCode"), Number(e, "goldsteinScale"), Number(e, "avgTone"),
        Whole(e, "numMentions"), Whole(e, "numSources"), Whole(e, "numArticles"), (int?)Whole(e, "cameoQuadClass"));

    /// <summary>PLOVER's event location: the first place the event occurred in.</summary>
    public static NodeRef? Location(NodeWithLinks e) => e.Out(RelationshipTypes.OccurredIn).Select(l => l.Other.Ref()).FirstOrDefault();

    private static double? Number(GraphNode node, string key) => node.Properties.GetValueOrDefault(key) switch
    {
        double d => d,
        long l => l,
        int i => i,
        _ => null,
    };

    private static long? Whole(GraphNode node, string key) => Number(node, key) is { } d ? (long)Math.Round(d) : null;
}

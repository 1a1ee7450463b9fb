namespace DiplomacyGraph.Storage.Model;

/// <summary>
/// When a sanction is in force, the same in every store (FindSanctionsActiveOn.cypher says it in Cypher):
/// from its begin (<c>start</c>, else <c>listed</c>, else <c>date</c>) to its <c>end</c>, both days included;
/// no end means ongoing. A partial date covers its whole month or year: a begin of "2025-10" is in force from
/// 1 October, an end of "2026" until 31 December. A sanction with no begin is in force on no day.
/// </summary>
public static class SanctionLifetime
{
    public static string? Begin(GraphNode sanction) =>
        Text(sanction, "start") ?? Text(sanction, "listed") ?? sanction.Date;

    public static string? End(GraphNode sanction) => Text(sanction, "end");

    /// <summary>Whether the sanction is in force on a day.</summary>
    /// <param name="sanction">A sanction node.</param>
    /// <param name="day">A full date, yyyy-MM-dd.</param>
    public static bool IsActiveOn(GraphNode sanction, string day) =>
        Begin(sanction) is { } begin
        && string.CompareOrdinal(begin, day) <= 0
        && (End(sanction) is not { } end || string.CompareOrdinal(day, end + "~") <= 0);

    private static string? Text(GraphNode node, string key) => node.Properties.GetValueOrDefault(key) as string;
}

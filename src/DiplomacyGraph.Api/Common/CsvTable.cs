using System.Globalization;
using System.Reflection;

namespace DiplomacyGraph.Api.Common;

/// <summary>A list item that can be a CSV row: the item's record names its own flat columns, beside its JSON shape.</summary>
internal interface ICsvRow<TSelf> where TSelf : ICsvRow<TSelf>
{
    static abstract CsvTable<TSelf> CsvColumns { get; }
}

/// <summary>The columns of one kind of CSV row, without the item type, for the list filter.</summary>
internal interface ICsvTable
{
    IReadOnlyList<string> Names { get; }

    string?[] Row(object item);
}

/// <summary>Named columns, each a function from an item to the text of its cell (null for an empty cell).</summary>
internal sealed class CsvTable<T>(params (string Name, Func<T, string?> Value)[] columns) : ICsvTable
{
    public IReadOnlyList<string> Names { get; } = [.. columns.Select(c => c.Name)];

    public string?[] Row(object item) => [.. columns.Select(c => c.Value((T)item))];
}

/// <summary>How values become cells, the same in every CSV answer.</summary>
internal static class Csv
{
    /// <summary>Several values in one cell (ids, names, evidence sentences) are joined with this.</summary>
    public const string Separator = " | ";

    /// <summary>The most rows a CSV answer holds; when more exist, the X-Truncated and X-Total-Count headers say so.</summary>
    public const int MaxRows = 10_000;

    public static string? Join(IEnumerable<string?> values)
    {
        var present = values.Where(v => !string.IsNullOrEmpty(v)).ToList();
        return present.Count == 0 ? null : string.Join(Separator, present);
    }

    /// <summary>The evidence sentences, in order.</summary>
    public static string? Evidence(IEnumerable<EvidenceDto> evidence) => Join(evidence.Select(e => e.Text));

    /// <summary>The distinct ids of the sources of the evidence, in order of first mention.</summary>
    public static string? Sources(IEnumerable<EvidenceDto> evidence) => Join(evidence.Select(e => e.SourceId).Distinct(StringComparer.Ordinal));

    public static string? Ids(IEnumerable<NodeRef> nodes) => Join(nodes.Select(n => n.Id));

    public static string? Names(IEnumerable<NodeRef> nodes) => Join(nodes.Select(n => n.Name));

    public static string? Value(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// <paramref name="cell"/> with a leading <c>'</c> when a spreadsheet would read it as a formula: it starts with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return (OWASP, CSV injection). Text from FollowTheMoney
    /// exports and imports is third-party, so a name such as <c>=HYPERLINK(…)</c> can reach a CSV answer. The price is that
    /// such a cell no longer round-trips as written (a negative number gains the quote too), which is why it is opt-in.
    /// </summary>
    public static string? EscapeFormula(string? cell) =>
        cell is [('=' or '+' or '-' or '@' or '\t' or '\r'), ..] ? "'" + cell : cell;

    /// <summary>The columns of a row type, or null when it has none (then its lists answer JSON only).</summary>
    public static ICsvTable? TableOf(Type itemType)
    {
        var isRow = itemType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICsvRow<>));
        return isRow
            ? (ICsvTable)typeof(Csv).GetMethod(nameof(Table), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(itemType).Invoke(null, null)!
            : null;
    }

    private static CsvTable<T> Table<T>() where T : ICsvRow<T> => T.CsvColumns;
}

/// <summary>The <c>Csv</c> configuration section.</summary>
public sealed class CsvOptions
{
    public const string Section = "Csv";

    /// <summary>Escape cells that a spreadsheet would run as formulas (<see cref="Csv.EscapeFormula"/>) in every CSV answer; <c>?csvEscapeFormulas=</c> overrides it per request.</summary>
    public bool EscapeFormulas { get; set; }

    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddOptions<CsvOptions>().BindConfiguration(Section);
        return services;
    }
}

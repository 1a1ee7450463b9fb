using System.Text.Json;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>The rows one statement returned: each row's values by column name.</summary>
internal sealed class CypherResult(IReadOnlyList<string> columns, IReadOnlyList<JsonElement> rows)
{
    public IReadOnlyList<string> Columns { get; } = columns;

    public IEnumerable<JsonElement> Column(string name)
    {
        var index = Columns.ToList().IndexOf(name);
        // Neo4j names a statement's columns even when it returns no row; an answer without columns (the documented wire
        // examples' {"columns":[],"data":[]}) has no row to read either, so it reads as an empty column.
        if (index < 0 && rows.Count == 0 && Columns.Count == 0) return [];
        if (index < 0) throw new InvalidOperationException($"The query returned no column '{name}'.");
        return rows.Select(row => row[index]);
    }

    public int Count => rows.Count;
}

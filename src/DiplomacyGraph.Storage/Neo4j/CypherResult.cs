using System.Text.Json;

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>The rows one statement returned: each row's values by column name.</summary>
internal sealed class CypherResult(IReadOnlyList<string> columns, IReadOnlyList<JsonElement> rows)
{
    public IReadOnlyList<string> Columns { get; } = columns;

    public IEnumerable<JsonElement> Column(string name)
    {
        var index = Columns.ToList().IndexOf(name);
        if (index < 0) throw new InvalidOperationException($"The query returned no column '{name}'.");
        return rows.Select(row => row[index]);
    }

    public int Count => rows.Count;
}

using System.Net;
using System.Text;
using CsvHelper;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>CSV answers escape formula-like cells on request (OWASP CSV injection), on every store.</summary>
public abstract partial class WriteApiContract
{
    [Fact]
    public async Task CSV_cells_that_a_spreadsheet_would_run_are_prefixed_with_a_quote_when_the_client_asks()
    {
        var id = Articles.Unique("csv-formula");
        // A word of its own in the name, for the search (which matches the starts of words) to find it alone.
        var word = "csvq" + id[^10..];
        var name = $"=HYPERLINK(\"http://evil.example\",\"Click {word}\")";
        const string Description = "-1 and @SUM(A1) are text here";
        await Post("/api/actors", ActorBody(id) with { Name = name, Description = Description }, expect: HttpStatusCode.Created);

        var raw = await CsvRow($"/api/actors?q={word}&format=csv");
        var escaped = await CsvRow($"/api/actors?q={word}&format=csv&csvEscapeFormulas=true");
        var plain = await CsvRow($"/api/actors?q={word}&format=csv&csvEscapeFormulas=false");

        Assert.Equal((id, name, Description), (raw["id"], raw["name"], raw["description"]));
        Assert.Equal((id, "'" + name, "'" + Description), (escaped["id"], escaped["name"], escaped["description"]));
        Assert.Equal(raw, plain);
        // JSON is never escaped.
        Assert.Equal(name, (await GetJson<ActorView>($"/api/actors/{id}")).Name);
    }

    /// <summary>The one row of a CSV answer, by column, read back with an RFC 4180 reader.</summary>
    private async Task<Dictionary<string, string>> CsvRow(string url)
    {
        var reply = await Get(url, HttpStatusCode.OK);
        Assert.Equal("text/csv", reply.MediaType);
        using var reader = CsvReader.Create(Encoding.UTF8.GetBytes(reply.Body), new CsvReaderOptions { Separator = ',' });
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            rows.Add(row.ToDictionary().ToDictionary(p => p.Key, p => p.Value ?? ""));
        }
        return Assert.Single(rows);
    }
}

using System.Net;
using System.Net.Http.Json;
using DiplomacyGraph.Api.Common;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Hardening;

/// <summary>
/// <c>Csv:EscapeFormulas</c> turns the OWASP escape on for every CSV answer, and <c>?csvEscapeFormulas=false</c> turns it
/// off again for one request. A setting of the host, not of a store: one store is enough (the per-request parameter runs
/// on both, in WriteApiContract).
/// </summary>
public sealed class CsvEscapeSettingTests : IDisposable
{
    private const string Key = "test-key-0123456789abcdef0123456789";
    private readonly DiplomacyGraphFactory factory = DiplomacyGraphFactory.Embedded(new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0"] = Key,
        ["Csv:EscapeFormulas"] = "true",
    });

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Petro = president", "Petro = president")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Only_cells_starting_with_a_formula_character_are_prefixed(string? cell, string? expected) =>
        Assert.Equal(expected, Csv.EscapeFormula(cell));

    [Fact]
    public async Task The_setting_escapes_every_CSV_answer_and_the_parameter_can_turn_it_off_for_one_request()
    {
        using var client = factory.CreateClient();
        var id = Articles.Unique("csv-setting");
        var word = "csvq" + id[^10..];
        var name = $"@cmd|' /C calc'!A0 {word}";
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/actors")
        {
            Content = JsonContent.Create(new
            {
                id, kind = "person", name, aliases = Array.Empty<string>(), evidence = Articles.SeedOpeningSentence, sourceId = Articles.SeedSource,
            }),
        };
        write.Headers.Add("X-Api-Key", Key);
        using (var created = await client.SendAsync(write))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var byDefault = await client.GetStringAsync(new Uri($"/api/actors?q={word}&format=csv", UriKind.Relative));
        var turnedOff = await client.GetStringAsync(new Uri($"/api/actors?q={word}&format=csv&csvEscapeFormulas=false", UriKind.Relative));

        Assert.Contains("'" + name, byDefault, StringComparison.Ordinal);
        Assert.Contains(name, turnedOff, StringComparison.Ordinal);
        Assert.DoesNotContain("'" + name, turnedOff, StringComparison.Ordinal);
    }

    public void Dispose() => factory.Dispose();
}

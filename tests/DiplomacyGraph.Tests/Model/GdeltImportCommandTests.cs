using System.IO.Compression;
using System.Text.Json;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Model;

/// <summary><c>import --format gdelt &lt;file&gt;</c> from a shell: the same reading and mapping as POST /api/import/gdelt.</summary>
public sealed class GdeltImportCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("diplomacygraph-gdelt-cli-");

    private string DatabasePath => Path.Combine(folder.FullName, "graph.db");

    public void Dispose()
    {
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    private Task<(int ExitCode, string Out, string Error)> ImportGdelt(string file) =>
        ApiProcess.RunAsync("import", "--format", "gdelt", file, $"--Embedded:Path={DatabasePath}");

    [Fact]
    public async Task The_zipped_fixture_imports_from_the_command_line_with_its_counts_and_the_plain_file_after_it_changes_nothing()
    {
        var expected = JsonDocument.Parse(File.ReadAllText(GdeltImportContract.DataFile("fixture.expected.json"))).RootElement;
        var zip = Path.Combine(folder.FullName, "20240603120000.export.CSV.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(GdeltImportContract.DataFile("fixture.export.CSV"), "20240603120000.export.CSV");
        }

        var first = await ImportGdelt(zip);
        var second = await ImportGdelt(GdeltImportContract.DataFile("fixture.export.CSV"));

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.Contains($"GDELT, {expected.GetProperty("rows").GetInt32()} rows in 1 batches", first.Out, StringComparison.Ordinal);
        var dropped = expected.GetProperty("dropped");
        Assert.Contains($"events: {expected.GetProperty("events").GetInt32()}; dropped (CAMEO roots PLOVER drops): 01 ({dropped.GetProperty("01").GetInt32()}), 02 ({dropped.GetProperty("02").GetInt32()})",
            first.Out, StringComparison.Ordinal);
        foreach (var (line, reason) in expected.GetProperty("badLines").EnumerateObject().Select(p => (p.Name, p.Value.GetString())))
        {
            Assert.Contains($"    line {line}: ", first.Out, StringComparison.Ordinal);
            Assert.Matches($@"line {line}: '[^']*' {reason}: ", first.Out);
        }
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Matches(@"nodes: 0 created, 0 updated, [1-9]\d* unchanged", second.Out);
        Assert.Matches(@"relationships: 0 created, 0 updated, [1-9]\d* unchanged", second.Out);
    }

    [Fact]
    public async Task A_file_with_no_rows_exits_2()
    {
        var empty = Path.Combine(folder.FullName, "empty.export.CSV");
        await File.WriteAllTextAsync(empty, "\n\n");

        var result = await ImportGdelt(empty);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds no rows", result.Error, StringComparison.Ordinal);
    }
}

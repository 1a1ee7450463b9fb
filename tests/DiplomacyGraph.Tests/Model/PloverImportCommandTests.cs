using DiplomacyGraph.Tests.Contract;
using DiplomacyGraph.Tests.Seed;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Model;

/// <summary><c>import --format plover &lt;file&gt;</c> from a shell: the same reading and merge as POST /api/import/plover.</summary>
public sealed class PloverImportCommandTests : IDisposable
{
    private static readonly string GoldStandard = Path.Combine(Stores.RepositoryRoot(), "tests", "DiplomacyGraph.Tests", "Data", "plover", "PLOVER_GSR_CAMEO.txt");

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("diplomacygraph-plover-cli-");

    private string DatabasePath => Path.Combine(folder.FullName, "graph.db");

    public void Dispose()
    {
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    private Task<(int ExitCode, string Out, string Error)> ImportPlover(string file) =>
        ApiProcess.RunAsync("import", "--format", "plover", file, $"--Embedded:Path={DatabasePath}");

    [Fact]
    public async Task The_gold_standard_file_imports_into_the_seeded_store_naming_the_records_left_out_and_the_next_run_changes_nothing()
    {
        var seed = await ApiProcess.ImportAsync(RepositoryFiles.SeedFile, DatabasePath);
        Assert.True(seed.ExitCode == 0, seed.Error);

        var first = await ImportPlover(GoldStandard);
        var second = await ImportPlover(GoldStandard);

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.Contains("(PLOVER, 320 of 323 records", first.Out, StringComparison.Ordinal);
        Assert.Contains("skipped records: duplicate-id (1), no-actor (1), unmappable-type (1)", first.Out, StringComparison.Ordinal);
        Assert.Contains("'PLOVER-GSR01-DOCUMENT-0001' unmappable-type (422)", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Matches(@"nodes: 0 created, 0 updated, [1-9]\d* unchanged", second.Out);
        Assert.Matches(@"relationships: 0 created, 0 updated, [1-9]\d* unchanged", second.Out);
    }

    [Fact]
    public async Task A_line_that_is_not_a_record_exits_2_naming_the_line_and_imports_nothing()
    {
        var file = Path.Combine(folder.FullName, "broken.ndjson");
        await File.WriteAllLinesAsync(file, [
            """{"id": "cli-1", "date": "2024-01-02", "event": "CONSULT", "actor": [{"code": "FRA"}], "text": "France held talks."}""",
            "[1, 2, 3]"]);

        var result = await ImportPlover(file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2: A line must hold one JSON object (a PLOVER record).", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        // Nothing of the broken file was written: its good record alone still creates the event (and France).
        var good = Path.Combine(folder.FullName, "good.ndjson");
        await File.WriteAllLinesAsync(good, [(await File.ReadAllLinesAsync(file))[0]]);
        var after = await ImportPlover(good);
        Assert.True(after.ExitCode == 0, after.Error + after.Out);
        Assert.Contains("nodes: 3 created, 0 updated, 0 unchanged", after.Out, StringComparison.Ordinal);
    }
}

using DiplomacyGraph.Tests.Seed;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Model;

/// <summary><c>import --format ftm [--mapping file] &lt;file&gt;</c> from a shell: the same reading and merge as POST /api/import/ftm.</summary>
public sealed class FtmImportCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("diplomacygraph-ftm-cli-");

    private string DatabasePath => Path.Combine(folder.FullName, "graph.db");

    public void Dispose()
    {
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    private Task<(int ExitCode, string Out, string Error)> ImportFtm(string file) =>
        ApiProcess.RunAsync("import", "--format", "ftm", "--mapping", FtmImportContract.DataFile("ofac-petro-2025.mapping.json"), file, $"--Embedded:Path={DatabasePath}");

    [Fact]
    public async Task A_FollowTheMoney_file_imports_into_the_seeded_store_through_the_mapping_and_the_next_run_changes_nothing()
    {
        var seed = await ApiProcess.ImportAsync(RepositoryFiles.SeedFile, DatabasePath);
        Assert.True(seed.ExitCode == 0, seed.Error);

        var first = await ImportFtm(FtmImportContract.TestFile);
        var second = await ImportFtm(FtmImportContract.TestFile);

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.Contains("FollowTheMoney, 27 entities in 2 batches", first.Out, StringComparison.Ordinal);
        Assert.Contains("sources ftm-co-peps-test-v20251120t0800, ftm-us-ofac-sdn-test)", first.Out, StringComparison.Ordinal);
        Assert.Contains("skipped schemata: Address (2), Identification (1)", first.Out, StringComparison.Ordinal);
        Assert.Contains("mapped: NK-petro -> gustavo-petro", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Matches(@"nodes: 0 created, 0 updated, [1-9]\d* unchanged", second.Out);
        Assert.Matches(@"relationships: 0 created, 0 updated, [1-9]\d* unchanged", second.Out);
    }

    [Fact]
    public async Task A_malformed_line_exits_2_naming_the_line_and_imports_nothing()
    {
        var lines = File.ReadAllLines(FtmImportContract.TestFile);
        lines[6] = "[1, 2, 3]";
        var file = Path.Combine(folder.FullName, "broken.ndjson");
        File.WriteAllLines(file, lines);
        var seed = await ApiProcess.ImportAsync(RepositoryFiles.SeedFile, DatabasePath);
        Assert.True(seed.ExitCode == 0, seed.Error);

        var result = await ImportFtm(file);
        var after = await ImportFtm(FtmImportContract.TestFile);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 7: A line must hold one JSON object (an entity).", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        // Nothing of the broken file was written: the next (valid) run still creates the file's actors.
        Assert.True(after.ExitCode == 0, after.Error);
        // 17 actors and sanctions, and the programme of the OFAC designation. Parties and the rest go in two batches:
        // a node both write (Colombia, a source) counts in each.
        Assert.Matches(@"nodes: 18 created, 3 updated, 2 unchanged", after.Out);
    }

    [Fact]
    public async Task An_undated_file_needs_published_and_takes_it_from_the_command_line()
    {
        var file = Path.Combine(folder.FullName, "undated.ndjson");
        File.WriteAllText(file, """{"id":"gen-1","schema":"Person","properties":{"name":["Undated Person"]},"datasets":["gen"]}""" + "\n");

        var refused = await ApiProcess.RunAsync("import", "--format", "ftm", file, $"--Embedded:Path={DatabasePath}");
        var dated = await ApiProcess.RunAsync("import", "--format", "ftm", "--published", "2024-06-01", file, $"--Embedded:Path={DatabasePath}");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("datasets.gen: The dataset 'gen' has no date", refused.Error, StringComparison.Ordinal);
        Assert.True(dated.ExitCode == 0, dated.Error);
        Assert.Contains("sources ftm-gen-v20240601)", dated.Out, StringComparison.Ordinal);
        Assert.Contains("nodes: 2 created, 0 updated, 0 unchanged", dated.Out, StringComparison.Ordinal);
    }
}

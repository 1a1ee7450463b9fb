using System.Diagnostics;
using DiplomacyGraph.Tests.Seed;
using DiplomacyGraph.Tests.Writes;

namespace DiplomacyGraph.Tests.Notebooks;

/// <summary>
/// notebooks/explore.ipynb, executed headlessly (<c>jupyter nbconvert --execute</c>) with Debian's Python and kernel
/// against the seeded service running as a child process: any failing cell fails the test. The executed copy is kept
/// as an HTML test artefact under TestResults/notebook/.
/// </summary>
public sealed class NotebookTests
{
    /// <summary>Debian's nbconvert; its shebang is Debian's /usr/bin/python3, whatever python3 comes first on PATH.</summary>
    public const string NbConvert = "/usr/bin/jupyter-nbconvert";

    // Test setting Timeouts:Notebook (default 10 minutes): nbconvert starts a kernel and runs every cell.
    private static TimeSpan RunTimeout => DiplomacyGraph.Tests.Infrastructure.TestSettings.Notebook;

    public static string Notebook => Path.Combine(RepositoryFiles.Root, "notebooks", "explore.ipynb");

    public static string OutputFolder => Path.Combine(RepositoryFiles.Root, "TestResults", "notebook");

    [Fact]
    public async Task The_explore_notebook_runs_every_cell_against_the_seeded_service()
    {
        Assert.True(File.Exists(NbConvert),
            $"{NbConvert} is missing. The notebook test runs Debian's Jupyter: apt-get install -y python3-pandas python3-networkx " +
            "python3-matplotlib python3-ipykernel jupyter-nbconvert (scripts/test.sh does this).");
        var folder = Directory.CreateTempSubdirectory("diplomacygraph-notebook-");
        try
        {
            await using var api = await ApiProcess.StartAsync(Path.Combine(folder.FullName, "graph.db"), apiKey: "notebook-test-key-0123456789abcdef");
            var (exitCode, output) = await RunNbConvert(api.Client.BaseAddress!, folder.FullName);
            Assert.True(exitCode == 0, $"jupyter nbconvert --execute failed (exit {exitCode}):\n{output}\nService log:\n{api.Output}");

            var html = await File.ReadAllTextAsync(Path.Combine(OutputFolder, "explore.html"));
            // What each section must have shown: the meeting's pairs, the sanctions, the plot and the path's hops.
            Assert.Contains("white-house-meeting-2026-02-03", html, StringComparison.Ordinal);
            Assert.Contains("visa-revocation", html, StringComparison.Ordinal);
            Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
            Assert.Contains("Bernie Moreno → Meeting of Gustavo Petro and Donald Trump at the White House → Rosa Villavicencio", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Traceback (most recent call last)", html, StringComparison.Ordinal);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunNbConvert(Uri service, string workFolder)
    {
        Directory.CreateDirectory(OutputFolder);
        var start = new ProcessStartInfo(NbConvert)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Notebook)!,
        };
        foreach (var argument in new[]
        {
            "--to", "html", "--execute", Notebook, "--output-dir", OutputFolder, "--output", "explore",
            "--ExecutePreprocessor.kernel_name=python3", $"--ExecutePreprocessor.timeout={(int)RunTimeout.TotalSeconds}",
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DIPLOMACYGRAPH_URL"] = service.ToString().TrimEnd('/');
        // Debian's kernel spec (/usr/share/jupyter/kernels/python3 runs /usr/bin/python3) before any other on this machine,
        // and Debian's own packages, not a PYTHONPATH of another interpreter.
        start.Environment["JUPYTER_PATH"] = "/usr/share/jupyter";
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(workFolder, "jupyter-data");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(workFolder, "jupyter-runtime");
        start.Environment["IPYTHONDIR"] = Path.Combine(workFolder, "ipython");
        start.Environment["MPLCONFIGDIR"] = Path.Combine(workFolder, "matplotlib");
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"nbconvert did not finish in time.\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }
}

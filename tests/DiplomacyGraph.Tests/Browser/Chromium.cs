using System.Diagnostics;

namespace DiplomacyGraph.Tests.Browser;

/// <summary>
/// Debian's headless Chromium, run once per page: it loads the page, lets its scripts run, and prints the DOM they
/// built. A missing browser fails the test with how to install it; it never skips.
/// </summary>
internal static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    private static TimeSpan ExitTimeout => DiplomacyGraph.Tests.Infrastructure.TestSettings.Browser;

    // Quiet and self-contained: no first-run UI, no update, sync or background traffic, nothing shared between runs.
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Fails with the install command when the browser is not there.</summary>
    public static void AssertInstalled() =>
        Assert.True(File.Exists(Executable),
            $"Chromium is missing: expected it at {Executable}. The browser tests render Swagger UI in a real browser; " +
            "install it with `apt-get install -y chromium` (scripts/test.sh does this).");

    /// <summary>
    /// The page's DOM after its scripts ran. Virtual time lets the page's fetches and renders finish before the
    /// dump, without a fixed sleep; the budget bounds how long the page may keep itself busy.
    /// </summary>
    public static async Task<string> DumpDomAsync(Uri page, string profileFolder) => (await DumpAsync(page, profileFolder)).Dom;

    /// <summary>
    /// As <see cref="DumpDomAsync"/>, with the browser's log: the page's console messages included, which is where
    /// Chromium reports what a Content-Security-Policy blocked.
    /// </summary>
    public static async Task<(string Dom, string Log)> DumpAsync(Uri page, string profileFolder)
    {
        AssertInstalled();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var flag in Flags)
        {
            start.ArgumentList.Add(flag);
        }

        start.ArgumentList.Add($"--user-data-dir={profileFolder}");
        start.ArgumentList.Add("--enable-logging=stderr");
        start.ArgumentList.Add("--v=0");
        start.ArgumentList.Add("--virtual-time-budget=10000");
        start.ArgumentList.Add("--dump-dom");
        start.ArgumentList.Add(page.ToString());

        using var process = Process.Start(start)!;
        try
        {
            var dom = process.StandardOutput.ReadToEndAsync();
            var log = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(ExitTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Chromium did not dump {page} within {ExitTimeout.TotalSeconds:0} s (test setting Timeouts:Browser).");
            }

            Assert.True(process.ExitCode == 0, $"Chromium exited with code {process.ExitCode} on {page}.\n{await log}");
            return (await dom, await log);
        }
        finally
        {
            // Renderer and helper processes go with the browser, also when it hangs or the assertions throw.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }
}

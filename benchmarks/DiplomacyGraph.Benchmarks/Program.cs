using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace DiplomacyGraph.Benchmarks;

/// <summary>
/// <c>load [--seconds N] [--concurrency N]</c> runs the HTTP load mode; anything else goes to BenchmarkDotNet
/// (<c>--filter '*'</c>, <c>--job short</c>, …).
/// </summary>
internal static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "load")
        {
            return await LoadRun.Run(args[1..]);
        }
        if (args.Length > 0 && args[0] is "generate" or "embedded" or "open")
        {
            return await ScaleRun.Run(args[0], args[1..]);
        }
        if (args.Length > 0 && args[0] == "write-load")
        {
            return await WriteLoadRun.Run(args[1..]);
        }
        // Results land in benchmarks/BenchmarkDotNet.Artifacts (git-ignored) wherever the command is run from.
        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(Repository.Root, "benchmarks", "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(Entry).Assembly).Run(args, config);
        return 0;
    }
}

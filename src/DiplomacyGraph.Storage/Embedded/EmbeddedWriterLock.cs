using System.Globalization;
using System.Text;

namespace DiplomacyGraph.Storage.Embedded;

/// <summary>
/// One writer per embedded store: the process that serves or imports into a database file holds an exclusive OS lock on
/// <c>&lt;file&gt;.lock</c> beside it, and writes its PID there. Each process keeps the graph's index in its own memory, so a
/// second writer would serve its own version of the graph while the file kept whichever wrote last. The database file
/// itself is not locked, so readers (<c>backup</c>, <c>export</c>) still open it while the service runs. The OS drops the
/// lock when its holder ends, <c>kill -9</c> included, so a stale lock file never blocks a restart.
/// </summary>
/// <remarks>
/// The lock is a POSIX record lock (<see cref="FileStream.Lock"/>, <c>fcntl</c>) on the file's first byte, not
/// <see cref="FileShare.None"/>: that one is a <c>flock</c> that also stops the next process from opening the file to read
/// who holds it. macOS has no record locks in .NET, so there the file is opened with <see cref="FileShare.None"/> and the
/// holder's PID cannot be read.
/// </remarks>
public sealed class EmbeddedWriterLock : IDisposable
{
    private readonly FileStream stream;

    private EmbeddedWriterLock(FileStream stream, string path)
    {
        this.stream = stream;
        Path = path;
    }

    /// <summary>The lock file, <c>&lt;database&gt;.lock</c>.</summary>
    public string Path { get; }

    /// <summary>The lock file of a database file.</summary>
    public static string LockPathOf(string databasePath) => System.IO.Path.GetFullPath(databasePath) + ".lock";

    /// <summary>Takes the lock on <paramref name="databasePath"/> for this process, or says which process holds it.</summary>
    /// <exception cref="StoreMisconfiguredException">Another process holds the lock; the message names its PID.</exception>
    public static EmbeddedWriterLock Acquire(string databasePath)
    {
        var path = LockPathOf(databasePath);
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, OperatingSystem.IsMacOS() ? FileShare.None : FileShare.ReadWrite);
        }
        catch (IOException)
        {
            throw Held(databasePath, path, null);
        }
        if (!OperatingSystem.IsMacOS())
        {
            try
            {
                stream.Lock(0, 1);
            }
            catch (IOException)
            {
                var holder = ReadHolder(stream);
                stream.Dispose();
                throw Held(databasePath, path, holder);
            }
        }
        var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        stream.SetLength(0);
        stream.Write(pid);
        stream.Flush(flushToDisk: true);
        return new EmbeddedWriterLock(stream, path);
    }

    public void Dispose() => stream.Dispose();

    private static StoreMisconfiguredException Held(string databasePath, string lockPath, int? holder) => new(
        $"The embedded store {System.IO.Path.GetFullPath(databasePath)} is in use by {(holder is { } pid ? $"process {pid}" : "another process")} " +
        $"(it holds {lockPath}); only one process may serve or write an embedded store.");

    /// <summary>The PID the holder wrote; null when it has not written it yet or it is not a number.</summary>
    private static int? ReadHolder(FileStream stream)
    {
        try
        {
            stream.Position = 0;
            var buffer = new byte[32];
            var read = stream.Read(buffer);
            return int.TryParse(Encoding.ASCII.GetString(buffer, 0, read).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace DiplomacyGraph.Api.Import.Gdelt;

/// <summary>A line of a GDELT file: its number and text, or null text when it was longer than the cap (then skipped unread).</summary>
internal readonly record struct GdeltLine(int Number, string? Text);

/// <summary>
/// A GDELT export's lines, streamed: the tab-separated <c>*.export.CSV</c> as it is, or zipped as GDELT publishes it
/// (a <c>.zip</c> holding one CSV), told apart by the zip signature (<c>PK\x03\x04</c>) at its start. Lines are capped
/// (<see cref="MaxLineChars"/>; real rows are under 2,000 characters), so a file without line breaks cannot fill memory.
/// </summary>
internal static class GdeltReader
{
    public const int MaxLineChars = 64 * 1024;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Whether the file starts with the zip signature.</summary>
    public static bool IsZip(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(ZipSignature);
    }

    /// <summary>The problem with a zip that is not one CSV, or null (also for a file that is not a zip).</summary>
    public static string? ZipProblem(string path)
    {
        if (!IsZip(path)) return null;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            return files.Count == 1 ? null : $"A GDELT zip holds one CSV file; this one holds {files.Count} files.";
        }
        catch (InvalidDataException e)
        {
            return $"The file starts like a zip but is not a readable one: {e.Message}";
        }
    }

    /// <summary>The lines of the file (unzipped when it is a zip; check <see cref="ZipProblem"/> first), empty ones left out.</summary>
    public static async IAsyncEnumerable<GdeltLine> Lines(string path, [EnumeratorCancellation] CancellationToken ct)
    {
        ZipArchive? zip = null;
        Stream stream;
        if (IsZip(path))
        {
            zip = ZipFile.OpenRead(path);
            stream = zip.Entries.Single(e => !e.FullName.EndsWith('/')).Open();
        }
        else
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        try
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            var buffer = new char[1 << 16];
            var line = new StringBuilder();
            var (number, tooLong) = (0, false);
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
            {
                var start = 0;
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != '\n') continue;
                    if (!tooLong) line.Append(buffer, start, i - start);
                    number++;
                    if (Line(number, line, tooLong) is { } done) yield return done;
                    (line.Length, tooLong, start) = (0, false, i + 1);
                }
                if (!tooLong) line.Append(buffer, start, read - start);
                if (line.Length > MaxLineChars) (line.Length, tooLong) = (0, true);
            }
            if (line.Length > 0 || tooLong)
            {
                number++;
                if (Line(number, line, tooLong) is { } last) yield return last;
            }
        }
        finally
        {
            await stream.DisposeAsync();
            zip?.Dispose();
        }
    }

    private static GdeltLine? Line(int number, StringBuilder line, bool tooLong)
    {
        if (tooLong || line.Length > MaxLineChars) return new GdeltLine(number, null);
        if (line.Length > 0 && line[^1] == '\r') line.Length--;
        return line.Length == 0 ? null : new GdeltLine(number, line.ToString());
    }
}

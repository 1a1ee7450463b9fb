using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// The byte rules of an NDJSON line, checked before it is parsed: UTF-8 (RFC 8259 §8.1), no NUL byte, and a byte order
/// mark only at the start of the body, where RFC 8259 lets a reader ignore it and editors on Windows put one. A mark at
/// the start of a later line is refused rather than skipped: it means files were concatenated, and the client should know.
/// A U+FEFF inside a JSON string is a character like any other.
/// </summary>
internal static class NdjsonBytes
{
    public static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static bool StartsWithByteOrderMark(ReadOnlySequence<byte> line)
    {
        if (line.Length < ByteOrderMark.Length) return false;
        Span<byte> start = stackalloc byte[3];
        line.Slice(0, 3).CopyTo(start);
        return start.SequenceEqual(ByteOrderMark);
    }

    /// <summary>What is wrong with the line's bytes, naming the first bad byte (from 1); null when they are fine.</summary>
    public static string? Problem(ReadOnlySequence<byte> line)
    {
        var bytes = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
        if (StartsWithByteOrderMark(line))
        {
            return "The line starts with a byte order mark (EF BB BF): only the body's first line may; were files concatenated?";
        }
        if (bytes.IndexOf((byte)0) is >= 0 and var nul)
        {
            return $"The line holds a NUL byte (at byte {nul + 1} of the line), which JSON text cannot hold.";
        }
        if (!Utf8.IsValid(bytes))
        {
            return $"The line is not valid UTF-8 (at byte {FirstInvalid(bytes) + 1} of the line); send the body as UTF-8.";
        }
        return null;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var used) != OperationStatus.Done) return at;
            at += used;
        }
        return at;
    }
}

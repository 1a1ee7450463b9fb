using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// One non-empty line of an NDJSON stream: its number (from 1), and what was made of it, or that it was too long, or
/// what is wrong with its bytes (<see cref="Problem"/>: not UTF-8, a NUL, a byte order mark), which it was not read for.
/// </summary>
internal readonly record struct NdjsonLine<T>(int Number, T? Value, bool TooLarge, string? Problem = null);

/// <summary>
/// Reads an NDJSON body one line at a time, holding at most one line (up to <paramref name="maxLineBytes"/>) in memory,
/// never the body. A line longer than the limit is reported as too large and skipped to its end without being kept;
/// empty and blank lines are skipped (their numbers still count). Reading stops before the first byte past
/// <paramref name="maxTotalBytes"/>, with <see cref="OverTotal"/> set: every line reported before ends within the limit.
/// Each line's bytes are checked before it is parsed (<see cref="NdjsonBytes"/>), so a JSON reader never meets text it
/// cannot decode: System.Text.Json checks UTF-8 inside strings only when a value is read, and throws then.
/// </summary>
internal sealed class NdjsonLines(PipeReader reader, long maxLineBytes, long maxTotalBytes)
{
    /// <summary>True when the body went past the total limit; reading stopped there.</summary>
    public bool OverTotal { get; private set; }

    /// <summary>
    /// The lines, each made into a <typeparamref name="T"/> by <paramref name="prepare"/> while its bytes are at hand
    /// (they are released as soon as it returns).
    /// </summary>
    public IAsyncEnumerable<NdjsonLine<T>> Read<T>(Func<ReadOnlySequence<byte>, T> prepare, CancellationToken ct) =>
        Read((_, line) => prepare(line), ct);

    /// <summary>The lines, as <see cref="Read{T}(Func{ReadOnlySequence{byte}, T}, CancellationToken)"/>, <paramref name="prepare"/> given the line's number too.</summary>
    public async IAsyncEnumerable<NdjsonLine<T>> Read<T>(Func<int, ReadOnlySequence<byte>, T> prepare, [EnumeratorCancellation] CancellationToken ct)
    {
        var (number, consumed, skipping) = (0, 0L, false);
        while (true)
        {
            var read = await reader.ReadAsync(ct);
            var buffer = read.Buffer;
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is null && !read.IsCompleted)
            {
                // Part of a line: wait for more, unless it is already too much.
                if (consumed + buffer.Length > maxTotalBytes)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    OverTotal = true;
                    yield break;
                }
                if (skipping || buffer.Length > maxLineBytes)
                {
                    consumed += buffer.Length;
                    reader.AdvanceTo(buffer.End);
                    if (skipping) continue;
                    skipping = true;
                    yield return new NdjsonLine<T>(++number, default, TooLarge: true);
                    continue;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }
            // A whole line: up to its newline, or the rest of a body that has ended.
            var line = newline is { } end ? buffer.Slice(0, end) : buffer;
            var next = newline is { } at ? buffer.GetPosition(1, at) : buffer.End;
            var length = buffer.Slice(0, next).Length;
            if (length == 0)
            {
                reader.AdvanceTo(buffer.End);
                yield break;
            }
            if (consumed + length > maxTotalBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                OverTotal = true;
                yield break;
            }
            consumed += length;
            if (skipping)
            {
                // The end of a line already reported as too large.
                skipping = false;
                reader.AdvanceTo(next);
                continue;
            }
            number++;
            var first = consumed == length;
            if (line.Length > maxLineBytes)
            {
                reader.AdvanceTo(next);
                yield return new NdjsonLine<T>(number, default, TooLarge: true);
                continue;
            }
            if (first && NdjsonBytes.StartsWithByteOrderMark(line))
            {
                line = line.Slice(NdjsonBytes.ByteOrderMark.Length);
            }
            if (IsBlank(line))
            {
                reader.AdvanceTo(next);
                continue;
            }
            if (NdjsonBytes.Problem(line) is { } problem)
            {
                reader.AdvanceTo(next);
                yield return new NdjsonLine<T>(number, default, TooLarge: false, problem);
                continue;
            }
            var value = prepare(number, line);
            reader.AdvanceTo(next);
            yield return new NdjsonLine<T>(number, value, TooLarge: false);
        }
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
            }
        }
        return true;
    }
}

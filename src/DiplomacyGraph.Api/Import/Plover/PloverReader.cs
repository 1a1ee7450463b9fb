using System.Text;
using System.Text.Json;
using System.Text.Unicode;

// The PLOVER import's types keep the Import namespace: a namespace named after the folder would clash with the
// registry class DiplomacyGraph.Storage.Vocabulary.Plover, as FollowTheMoney's would with its class.
namespace DiplomacyGraph.Api.Import;

/// <summary>One PLOVER record as read: its line in the body (from 1) and the JSON object, or why it could not be read.</summary>
internal sealed record PloverLine(int Line, JsonElement? Record, string? Problem);

/// <summary>What a body held: its records, or why it is not PLOVER JSON at all (then nothing is imported).</summary>
internal sealed record PloverBody(IReadOnlyList<PloverLine> Lines, string? Problem);

/// <summary>
/// PLOVER records as people publish them: newline-delimited JSON (the manual's suggestion, one record a line) or one
/// JSON array of records. The gold-standard file is a loose array: it has trailing commas, which the JSON reader is
/// told to allow (never rewritten with a pattern). A line of NDJSON that is not a JSON object is that record's problem;
/// an array that is not JSON stops the whole body, since where its records end is then unknown.
/// </summary>
internal static class PloverReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    public static PloverBody Read(ReadOnlyMemory<byte> body, int maxRecords)
    {
        var span = body.Span;
        if (span.StartsWith(Encoding.UTF8.Preamble)) { body = body[Encoding.UTF8.Preamble.Length..]; span = body.Span; }
        var first = span.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0) return new PloverBody([], "The body holds no PLOVER record.");
        if (span[first] != (byte)'[') return Lines(body, maxRecords);
        // The JSON reader checks a string's UTF-8 only when it is read: check the whole body first.
        return Utf8.IsValid(span) ? Array(body, maxRecords) : new PloverBody([], "The body is not valid UTF-8.");
    }

    private static PloverBody Array(ReadOnlyMemory<byte> body, int maxRecords)
    {
        var lines = new List<PloverLine>();
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        var (line, counted) = (1, 0);
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                line += body.Span[counted..start].Count((byte)'\n');
                counted = start;
                if (lines.Count == maxRecords) return new PloverBody(lines, $"The array holds more than {maxRecords} records, the most one import takes; split it.");
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    lines.Add(new PloverLine(line, null, "An item of the array must be a JSON object (a PLOVER record)."));
                    continue;
                }
                using var record = JsonDocument.ParseValue(ref reader);
                lines.Add(new PloverLine(line, record.RootElement.Clone(), null));
            }
            if (reader.TokenType != JsonTokenType.EndArray) return new PloverBody(lines, "The JSON array is not closed.");
        }
        catch (JsonException e)
        {
            return new PloverBody(lines, $"The body is not a JSON array of records: {e.Message}");
        }
        return new PloverBody(lines, null);
    }

    private static PloverBody Lines(ReadOnlyMemory<byte> body, int maxRecords)
    {
        var lines = new List<PloverLine>();
        var (number, rest) = (0, body);
        while (rest.Length > 0)
        {
            number++;
            var end = rest.Span.IndexOf((byte)'\n');
            var text = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (text.Span.IndexOfAnyExcept(" \t\r"u8) < 0) continue;
            if (lines.Count == maxRecords) return new PloverBody(lines, $"The body holds more than {maxRecords} records, the most one import takes; split it.");
            if (!Utf8.IsValid(text.Span))
            {
                lines.Add(new PloverLine(number, null, "The line is not valid UTF-8."));
                continue;
            }
            try
            {
                using var record = JsonDocument.Parse(text, DocumentOptions);
                lines.Add(record.RootElement.ValueKind == JsonValueKind.Object
                    ? new PloverLine(number, record.RootElement.Clone(), null)
                    : new PloverLine(number, null, "A line must hold one JSON object (a PLOVER record)."));
            }
            catch (JsonException e)
            {
                lines.Add(new PloverLine(number, null, $"Not a JSON object: {e.Message}"));
            }
        }
        return new PloverBody(lines, null);
    }
}

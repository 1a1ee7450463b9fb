using System.Text;

namespace DiplomacyGraph.Tests.OpenApi;

/// <summary>
/// The negative run's byte-level cases: for every operation that takes NDJSON (the bulk import, the FollowTheMoney
/// import), its documented example line made into bytes that are not text (invalid UTF-8 of every kind, NUL, byte order
/// marks where they do not belong, UTF-16) or into a line over the endpoint's limit. Sent with a valid key and content
/// type, so the answer is about the bytes: 400 (or 413), never a 500. Every body holds only bad lines, so nothing applies.
/// </summary>
public static class ByteLevelRequests
{
    private static readonly byte[] Mark = [0xEF, 0xBB, 0xBF];

    /// <summary>Each defect: its name, and the bytes put into the example line's first string value.</summary>
    private static readonly (string Name, byte[] Bytes)[] InString =
    [
        ("byte FF", [0xFF]),
        ("lone continuation byte", [0x80]),
        ("over-long NUL (C0 80)", [0xC0, 0x80]),
        ("over-long slash (E0 80 AF)", [0xE0, 0x80, 0xAF]),
        ("encoded surrogate (ED A0 80)", [0xED, 0xA0, 0x80]),
        ("code point past U+10FFFF (F4 90 80 80)", [0xF4, 0x90, 0x80, 0x80]),
        ("five-byte form (F8 88 80 80 80)", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("truncated sequence (E2 82)", [0xE2, 0x82]),
        ("Latin-1 é (E9)", [0xE9]),
        ("raw NUL", [0x00]),
        ("byte order mark inside a string (valid text) and FF", [.. Mark, 0xFF]),
    ];

    /// <param name="maxLineBytes">The longest line each operation takes, by operation id; a line one byte longer is a case.</param>
    public static IReadOnlyList<BadRequest> For(IEnumerable<DocumentedOperation> operations, string key, IReadOnlyDictionary<string, long> maxLineBytes)
    {
        var requests = new List<BadRequest>();
        foreach (var operation in operations.Where(o => o.TakesJsonLines))
        {
            var example = (operation.BodyExample?.GetValue<string>() ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).First();
            var line = Encoding.UTF8.GetBytes(example);
            var url = operation.FillPath(_ => "x") + Query(operation);
            BadRequest Case(string defect, byte[] body) => new(operation, url, "application/json", key, null, "application/x-ndjson", $"bytes: {defect}", body);

            foreach (var (name, bytes) in InString)
            {
                requests.Add(Case(name, [.. Insert(line, bytes), (byte)'\n']));
            }
            requests.Add(Case("invalid UTF-8 in a property name", [.. line.AsSpan(0, 1), (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)',', .. line.AsSpan(1), (byte)'\n']));
            requests.Add(Case("truncated sequence at the end of the body", [.. Insert(line, [(byte)'x']).AsSpan(0, line.Length - 2), 0xE2, 0x82]));
            requests.Add(Case("NUL before the line", [0x00, .. line, (byte)'\n']));
            requests.Add(Case("NUL line between CRLFs", [0x00, (byte)'\r', (byte)'\n', .. Insert(line, [0xFF]), (byte)'\r', (byte)'\n']));
            requests.Add(Case("two byte order marks at the start", [.. Mark, .. Mark, .. line, (byte)'\n']));
            requests.Add(Case("byte order mark between two bad lines", [.. Insert(line, [0xFF]), (byte)'\n', .. Mark, .. line, (byte)'\n']));
            requests.Add(Case("byte order mark outside a string", [.. line.AsSpan(0, 1), .. Mark, .. line.AsSpan(1), (byte)'\n']));
            requests.Add(Case("UTF-16LE with its mark", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(example + "\n")]));
            requests.Add(Case("UTF-16BE", Encoding.BigEndianUnicode.GetBytes(example + "\n")));
            requests.Add(Case("UTF-32LE", Encoding.UTF32.GetBytes(example + "\n")));
            if (maxLineBytes.TryGetValue(operation.Id, out var max))
            {
                // The example line padded with spaces (valid JSON) to one byte over the limit: too long, whatever it holds.
                requests.Add(Case($"line of {max + 1} bytes", [.. line.AsSpan(0, line.Length - 1), .. Enumerable.Repeat((byte)' ', (int)(max + 1 - line.Length)), line[^1], (byte)'\n']));
            }
        }
        return requests;
    }

    /// <summary><paramref name="line"/> with <paramref name="bytes"/> right after the opening quote of its first string value.</summary>
    private static byte[] Insert(byte[] line, byte[] bytes)
    {
        var at = line.AsSpan().IndexOf("\":\""u8) + 3;
        return [.. line.AsSpan(0, at), .. bytes, .. line.AsSpan(at)];
    }

    /// <summary>The documented examples of the operation's required query parameters (the FollowTheMoney import's date).</summary>
    private static string Query(DocumentedOperation operation)
    {
        var values = operation.Parameters.Where(p => p.In == "query" && p.Example is not null && p.Name == "published")
            .Select(p => $"{p.Name}={Uri.EscapeDataString(DocumentedOperation.UrlValue(p.Example!))}").ToList();
        return values.Count == 0 ? "" : "?" + string.Join("&", values);
    }
}

using System.Text.Json;

namespace DiplomacyGraph.Api.Idempotency;

/// <summary>An answer as an idempotency key keeps it: status, the headers a client acts on, and the body's bytes.</summary>
internal static class StoredAnswer
{
    /// <summary>The headers replayed with the body; the rest (Date, security headers …) the pipeline writes afresh.</summary>
    private static readonly string[] Kept = ["Content-Type", "Content-Language", "Location", "Content-Location", "ETag", "Last-Modified", "Link"];

    public static string Of(HttpResponse response, byte[] body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("status", response.StatusCode);
            json.WriteStartObject("headers");
            foreach (var name in Kept)
            {
                if (response.Headers.TryGetValue(name, out var value)) json.WriteString(name, value.ToString());
            }
            json.WriteEndObject();
            json.WriteBase64String("body", body);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Sends the stored answer again, marked <c>Idempotent-Replayed: true</c>.</summary>
    public static async Task Replay(HttpResponse response, string stored, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(stored);
        var root = document.RootElement;
        response.StatusCode = root.GetProperty("status").GetInt32();
        foreach (var header in root.GetProperty("headers").EnumerateObject()) response.Headers[header.Name] = header.Value.GetString();
        response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        var body = root.GetProperty("body").GetBytesFromBase64();
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }
}

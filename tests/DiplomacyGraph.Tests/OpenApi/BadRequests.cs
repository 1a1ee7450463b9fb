using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DiplomacyGraph.Tests.OpenApi;

/// <summary>One generated request, and why it is bad.</summary>
/// <remarks><paramref name="Bytes"/>, when set, is the body as sent, for bodies that are not text (<see cref="ByteLevelRequests"/>).</remarks>
public sealed record BadRequest(DocumentedOperation Operation, string Url, string? Accept, string? Key, string? Body, string? ContentType, string Defect, byte[]? Bytes = null)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Operation.Method), new Uri(Url, UriKind.Relative));
        if (Accept is not null) message.Headers.TryAddWithoutValidation("Accept", Accept);
        if (Key is not null) message.Headers.TryAddWithoutValidation("X-Api-Key", Key);
        if (Body is not null || Bytes is not null)
        {
            message.Content = new ByteArrayContent(Bytes ?? Encoding.UTF8.GetBytes(Body!));
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return message;
    }

    public override string ToString() => $"{Operation.Method} {Truncate(Url)} [{Defect}] Accept={Accept ?? "-"} Key={(Key is null ? "-" : Truncate(Key))} Content-Type={ContentType ?? "-"} " +
        (Bytes is null ? $"Body={Truncate(Body ?? "-")}" : $"Bytes={Truncate(Convert.ToHexString(Bytes.AsSpan(0, Math.Min(Bytes.Length, 200))))}({Bytes.Length} bytes)");

    private static string Truncate(string s) => s.Length <= 120 ? s : $"{s[..120]}…({s.Length} chars)";
}

/// <summary>
/// Bad requests for every operation of the OpenAPI document: wrong types, huge and negative numbers, 10 kB strings,
/// Unicode, NUL, injection strings, malformed and deeply nested JSON, wrong content types and Accept headers,
/// with and without a key. A fixed seed, so that every run sends the same requests. Every write carries at least
/// one defect the server must refuse, so a write that succeeds is itself a finding.
/// </summary>
public sealed class BadRequestGenerator(IReadOnlyList<DocumentedOperation> operations, int seed, string validKey)
{
    private static readonly string TenKilobytes = new('x', 10_240);

    private static readonly string[] BadStrings =
    [
        "", " ", TenKilobytes, string.Concat(Enumerable.Repeat("ü𝕏", 3_500)), "\u0000", "a\u0000b", "' OR '1'='1", "\" OR 1=1 --",
        "MATCH (n) DETACH DELETE n", "x'}) DETACH DELETE n //", "$where", "<script>alert(1)</script>", "../../etc/passwd",
        "%00", "%2e%2e%2f", "😀🇨🇴", "\u202egnp.exe", "Ω≈ç√∫", "null", "-1", "1e309", "NaN", "Gustavo-Petro", "petro--x", "-petro",
        new string('a', 121), "gustavo petro", "\r\nX-Injected: 1", "{{7*7}}", "${jndi:ldap://x}",
    ];

    // Not empty either: "/api/actors/" is another resource, not a bad id.
    private static readonly string[] PathStrings = [.. BadStrings.Where(s => s.Length > 0 && !s.Contains('\u0000', StringComparison.Ordinal))];

    private static readonly string[] BadNumbers =
    [
        "-1", "0", "-2147483649", "2147483648", "99999999999999999999999", "1.5", "1e3", "abc", "", "0x10", "NaN", "Infinity", " 1", "١", "1,2", "+5", "9".PadRight(500, '9'),
    ];

    private static readonly string[] BadBooleans = ["abc", "2", "yes", "", "TRUE1", "null", "0x1"];

    private static readonly string?[] Accepts =
    [
        "application/json", "application/problem+json", "application/xml", "text/html", "text/csv", "*/*", null, "image/png", "application/json;q=0, text/plain",
    ];

    private static readonly string[] JsonContentTypes = ["application/json", "application/json; charset=utf-8"];

    private static readonly string[] JsonLinesContentTypes = ["application/x-ndjson", "application/x-ndjson; charset=utf-8"];

    /// <summary>JSON-lines bodies that no line of which can be applied: malformed or wrong-shaped lines.</summary>
    private static readonly string[] BrokenJsonLines =
    [
        "{\n", "nul\n", "[]\n", "{\"id\":1}\n", "\"text\"\n", "{\"id\":\"x\",\"schema\":12}\n", "{\"id\":\"x\",\"schema\":\"Person\",\"properties\":[]}\n",
        "\u0000\n", "{\"a\":1} trailing\n", "{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":\"not a list\"}}\n",
    ];

    private static readonly string?[] BadContentTypes = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null, "text/html"];

    private static readonly string[] MalformedJson =
    [
        "{", "{\"id\":", "[", "nul", "{\"id\" \"x\"}", "\u0000", "{'id':'x'}", "{\"id\":\"x\",}", "{\"id\":\"x\"} trailing", "\"unterminated", "{\"a\":01}", "\uFEFF\uFEFF{}",
    ];

    private static readonly string[] WrongRoots = ["[]", "null", "123", "\"text\"", "true", "{}", "[{}]"];

    private readonly Random random = new(seed);

    /// <summary><paramref name="count"/> requests, taking the operations in turn so that each gets its share.</summary>
    public IReadOnlyList<BadRequest> Generate(int count) => [.. Enumerable.Range(0, count).Select(i => Next(operations[i % operations.Count]))];

    private BadRequest Next(DocumentedOperation operation)
    {
        var defects = new List<string>();
        var accept = Pick(Accepts);
        var keyChoice = random.Next(operation.IsWrite ? 4 : 6);
        var key = keyChoice switch
        {
            0 => null,
            1 => Pick(["wrong-key", TenKilobytes, "' OR 1=1 --", ""]),
            _ => operation.IsWrite || keyChoice == 2 ? validKey : null,
        };
        if (operation.IsWrite && key != validKey) defects.Add(key is null ? "no key" : "wrong key");

        // Path values: the example, or a bad string. A NUL in the path is refused by the server before the application
        // (the test host throws on it, as Kestrel answers 400): KestrelAnswersTests covers it.
        var pathValues = operation.Parameters.Where(p => p.In == "path")
            .ToDictionary(p => p.Name, p => random.Next(2) == 0 && p.Example is not null ? OpenApiUrl(p.Example) : Pick(PathStrings));
        if (operation.Parameters.Where(p => p.In == "path").Any(p => Breaks(p, pathValues[p.Name]))) defects.Add("bad path value");
        var url = operation.FillPath(p => pathValues[p.Name]);

        // Query: some examples, then one to three mutations.
        var query = new List<(string Name, string Value)>();
        var documented = operation.Parameters.Where(p => p.In == "query").ToList();
        foreach (var parameter in documented.Where(p => p.Example is not null && random.Next(2) == 0))
        {
            query.Add((parameter.Name, OpenApiUrl(parameter.Example!)));
        }
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            switch (random.Next(documented.Count == 0 ? 1 : 3))
            {
                case 0:
                    query.Add((Pick(["zzz", "PAGE", "q", "page[]", "$filter", "\u0000", "ünïcode"]), Pick(BadStrings)));
                    break;
                case 1:
                    var parameter = Pick(documented);
                    query.Add((parameter.Name, BadValueFor(parameter)));
                    defects.Add($"bad {parameter.Name}");
                    break;
                default:
                    var repeated = Pick(documented);
                    query.Add((repeated.Name, repeated.Example is null ? "1" : OpenApiUrl(repeated.Example)));
                    query.Add((repeated.Name, repeated.Example is null ? "2" : OpenApiUrl(repeated.Example)));
                    break;
            }
        }
        if (query.Count > 0)
        {
            url += "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}"));
        }

        string? body = null, contentType = null;
        if (operation.HasBody)
        {
            var goodTypes = operation.TakesJsonLines ? JsonLinesContentTypes : JsonContentTypes;
            contentType = random.Next(10) < 7 ? Pick(goodTypes) : Pick(operation.TakesJsonLines ? [.. BadContentTypes, .. JsonContentTypes] : BadContentTypes);
            if (!goodTypes.Contains(contentType)) defects.Add("bad content type");
            (body, var bodyDefect) = operation.Id == "ImportBulk"
                ? BulkLines(operation)
                : operation.TakesJsonLines
                ? JsonLines(operation, forceDefect: operation.IsWrite && defects.Count == 0)
                : Body(operation, forceDefect: operation.IsWrite && defects.Count == 0);
            if (bodyDefect is not null) defects.Add(bodyDefect);
        }
        if (operation.IsWrite && defects.Count == 0)
        {
            // A write without a body and with good values: break its path.
            var name = operation.Parameters.First(p => p.In == "path").Name;
            url = operation.FillPath(p => p.Name == name ? "Not An Id!" : pathValues[p.Name]) + (url.Contains('?') ? url[url.IndexOf('?')..] : "");
            defects.Add("bad path value");
        }
        return new BadRequest(operation, url, accept, key, body, contentType, defects.Count == 0 ? "noise" : string.Join(", ", defects));
    }

    /// <summary>A JSON-lines body: the example, or broken lines, an empty body, deep JSON, or a broken line after good ones.</summary>
    private (string Body, string? Defect) JsonLines(DocumentedOperation operation, bool forceDefect)
    {
        var example = operation.BodyExample?.GetValue<string>() ?? "";
        switch (random.Next(forceDefect ? 1 : 0, 6))
        {
            case 0:
                return (example, null);
            case 1:
                return ("", "empty body");
            case 2:
                var depth = random.Next(65, 5_000);
                return (new string('[', depth) + new string(']', depth) + "\n", "deep JSON");
            case 3:
                return (example + Pick(BrokenJsonLines), "a broken line after a good one");
            default:
                return (string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(BrokenJsonLines))), "broken lines");
        }
    }

    private (string Body, string? Defect) Body(DocumentedOperation operation, bool forceDefect)
    {
        // A text body (GDELT's tab-separated rows): rows cut short, malformed JSON where rows belong, or nothing at all.
        if (operation.BodyExample is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var row = text.GetValue<string>().Split('\t');
            return random.Next(3) switch
            {
                0 => (string.Join('\t', row.Take(random.Next(1, row.Length - 1))) + "\n", "a row with too few columns"),
                1 => (Pick(MalformedJson), "not tab-separated rows"),
                _ => ("", "empty body"),
            };
        }
        var choice = random.Next(forceDefect ? 1 : 0, 10);
        switch (choice)
        {
            case 0 when operation.BodyExample is not null:
                return (Noise(operation.BodyExample.DeepClone().AsObject()).ToJsonString(), null);
            case 1:
                return (Pick(MalformedJson), "malformed JSON");
            case 2:
                var depth = random.Next(65, 5_000);
                return (random.Next(2) == 0 ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth), "deep JSON");
            case 3:
                return (Pick(WrongRoots), "wrong root");
            case 4:
                return ("", "empty body");
            default:
                return operation.BodyExample is JsonObject example ? FieldDefect(operation, Noise(example.DeepClone().AsObject())) : (Pick(WrongRoots), "wrong root");
        }
    }

    /// <summary>
    /// A stream for the bulk import, every line of which is bad (malformed, too deep, the wrong root, or an example document
    /// with a field made wrong), with empty and blank lines between, or no document at all. The bulk import applies each
    /// good line by design, so unlike <see cref="JsonLines"/> no good line may appear: nothing in the stream may be applied.
    /// </summary>
    private (string Body, string Defect) BulkLines(DocumentedOperation operation)
    {
        var examples = (operation.BodyExample?.GetValue<string>() ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (random.Next(8) == 0) return (Pick(["", "\n", " \n\r\n\t\n"]), "no documents");
        var lines = new List<string>();
        var defects = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            var (line, defect) = random.Next(5) switch
            {
                0 => (Pick(MalformedJson).Replace("\n", "", StringComparison.Ordinal), "malformed line"),
                1 => (Deep(random.Next(65, 2_000)), "deep line"),
                2 => (Pick(WrongRoots), "wrong root line"),
                _ when examples.Length > 0 => FieldDefect(operation, JsonNode.Parse(Pick(examples))!.AsObject()),
                _ => (Pick(WrongRoots), "wrong root line"),
            };
            lines.Add(line);
            defects.Add(defect);
            if (random.Next(3) == 0) lines.Add(Pick(["", " ", "\t"]));
        }
        return (string.Join(random.Next(2) == 0 ? "\n" : "\r\n", lines) + (random.Next(2) == 0 ? "\n" : ""), $"every line bad ({string.Join(", ", defects)})");
    }

    private static string Deep(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    /// <summary>The example with one field made definitely wrong.</summary>
    private (string Body, string Defect) FieldDefect(DocumentedOperation operation, JsonObject body)
    {
        var names = body.Select(p => p.Key).ToList();
        var name = Pick(names);
        switch (random.Next(8))
        {
            case 0:
                body[name] = body[name] is JsonValue ? JsonValue.Create(12345) : JsonValue.Create("not a list");
                return (body.ToJsonString(), $"wrong type of {name}");
            case 1:
                body[name] = body[name] is JsonValue ? JsonValue.Create(TenKilobytes + "\u0000") : new JsonArray([.. Enumerable.Range(0, 6_000).Select(i => (JsonNode)JsonValue.Create("x"))]);
                return (body.ToJsonString(), $"oversized {name}");
            case 2 when operation.BodyRequired.Count > 0:
                var required = Pick([.. operation.BodyRequired]);
                if (random.Next(2) == 0) body.Remove(required);
                else body[required] = null;
                return (body.ToJsonString(), $"missing {required}");
            case 3 when body.ContainsKey("id"):
                body["id"] = Pick(["Not An Id!", "gustavo petro", "-x-", new string('a', 121), "a\u0000b", "ПЕТРО"]);
                return (body.ToJsonString(), "bad id");
            case 4 when body.ContainsKey("kind") || body.ContainsKey("type"):
                body[body.ContainsKey("kind") ? "kind" : "type"] = Pick(["not-a-kind", "PERSON", "' OR 1=1", "DETACH_DELETE"]);
                return (body.ToJsonString(), "bad kind or type");
            case 5:
                var text = body.ToJsonString();
                return (text[..^1] + $",\"{name}\":{body[name]?.ToJsonString() ?? "null"}}}", $"duplicate {name}");
            case 6:
                var upper = name.Any(char.IsLower) ? char.ToUpperInvariant(name[0]) + name[1..] : name.ToLowerInvariant();
                body[upper] = body[name]?.DeepClone();
                return (body.ToJsonString(), $"wrong-case {upper}");
            default:
                body[Pick(["unexpected", "__proto__", "$type", "sourceID"])] = "x";
                return (body.ToJsonString(), "unknown property");
        }
    }

    /// <summary>Harmless-looking text in a free-text field, which must not by itself change the answer's class.</summary>
    private JsonObject Noise(JsonObject body)
    {
        foreach (var field in new[] { "description", "evidence", "title", "name", "text" })
        {
            if (body.ContainsKey(field) && random.Next(3) == 0)
            {
                body[field] = Pick(["Ünïcödé ✓ 😀 — ‮", "'; DROP TABLE nodes; --", "MATCH (n) DETACH DELETE n", "<img src=x onerror=alert(1)>", "line\nbreak\ttab"]);
            }
        }
        return body;
    }

    private string BadValueFor(DocumentedParameter parameter) => parameter.Type switch
    {
        "integer" => Pick(BadNumbers),
        "boolean" => Pick(BadBooleans),
        _ => Pick(BadStrings),
    };

    /// <summary>Whether a value breaks what the document states for the parameter: its enum, pattern or maximum length.</summary>
    private static bool Breaks(DocumentedParameter parameter, string value)
    {
        var schema = parameter.Schema;
        if (schema["enum"] is JsonArray allowed) return !allowed.Any(a => a?.GetValue<string>() == value);
        if (schema["maxLength"] is { } max && value.Length > max.GetValue<int>()) return true;
        return schema["pattern"] is { } pattern && !Regex.IsMatch(value, pattern.GetValue<string>());
    }

    private static string OpenApiUrl(JsonNode example) => DocumentedOperation.UrlValue(example);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

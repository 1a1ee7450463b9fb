using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DiplomacyGraph.Format;
using static DiplomacyGraph.Tests.Writes.Articles;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// Bytes that are not text, on every store: invalid UTF-8, a NUL, a byte order mark where it does not belong. Each is
/// that line's 400 on both NDJSON endpoints, never a 500 (invalid UTF-8 in a bulk line's source id once threw from
/// <c>GetString()</c>). And a problem lists at most <see cref="FieldErrors.Max"/> errors with <c>errorCount</c>.
/// </summary>
public abstract partial class WriteApiContract
{
    /// <summary>Byte-level defects, each placed inside an otherwise well-formed line: what the client sent, and a word the answer names.</summary>
    public static TheoryData<string, string> NotText => new()
    {
        { "ff", "UTF-8" },          // a byte no UTF-8 text has
        { "c0 80", "UTF-8" },       // an over-long encoding of NUL
        { "ed a0 80", "UTF-8" },    // a UTF-16 surrogate, encoded
        { "e2 82", "UTF-8" },       // a sequence cut short
        { "00", "NUL" },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public async Task A_bulk_line_whose_bytes_are_not_text_is_that_lines_400_and_the_good_lines_around_it_apply(string hex, string named)
    {
        var (before, bad, after) = (SmallBriefing(), SmallBriefing(), SmallBriefing());
        // The defect sits in the source id, the first string a reader decodes, and the one that once answered 500.
        var broken = Encoding.UTF8.GetBytes(Serialize(bad.Document)).Replace(Encoding.UTF8.GetBytes(bad.SourceId), [.. Encoding.UTF8.GetBytes(bad.SourceId), .. Convert.FromHexString(Hex(hex))]);

        var result = Read<BulkView>(await PostNdjsonBytes("/api/import/bulk", [.. NdLine(Serialize(before.Document)), .. broken, (byte)'\n', .. NdLine(Serialize(after.Document))]), HttpStatusCode.OK);

        Assert.Equal([200, 400, 200], result.Items.Select(i => i.Status));
        Assert.Contains(named, Assert.Single(result.Items[1].Error!.Errors!["body"]), StringComparison.Ordinal);
        await Get($"/api/sources/{before.SourceId}", HttpStatusCode.OK);
        await Get($"/api/sources/{after.SourceId}", HttpStatusCode.OK);
        await Get($"/api/actors/{bad.ActorId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_byte_order_mark_is_skipped_at_the_start_of_a_bulk_body_and_is_the_lines_400_anywhere_else()
    {
        var (first, second, third) = (SmallBriefing(), SmallBriefing(), SmallBriefing());
        byte[] mark = [0xEF, 0xBB, 0xBF];

        var result = Read<BulkView>(await PostNdjsonBytes("/api/import/bulk",
            [.. mark, .. NdLine(Serialize(first.Document)), .. mark, .. NdLine(Serialize(second.Document)), .. NdLine(Serialize(third.Document))]), HttpStatusCode.OK);

        Assert.Equal([200, 400, 200], result.Items.Select(i => i.Status));
        Assert.Contains("byte order mark", Assert.Single(result.Items[1].Error!.Errors!["body"]), StringComparison.Ordinal);
        await Get($"/api/sources/{first.SourceId}", HttpStatusCode.OK);
        await Get($"/api/actors/{second.ActorId}", HttpStatusCode.NotFound);
        await Get($"/api/sources/{third.SourceId}", HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_followthemoney_file_with_lines_that_are_not_text_answers_400_naming_each_line_and_writes_nothing()
    {
        var stem = Unique("NK-bytes");
        string Entity(string suffix, string name) =>
            $$"""{"id":"{{stem}}-{{suffix}}","schema":"Person","properties":{"name":["{{name}}"]},"datasets":["us_ofac_sdn"],"last_seen":"2024-06-01T00:00:00"}""";
        byte[] body =
        [
            0xEF, 0xBB, 0xBF, .. NdLine(Entity("a", "Good Person")),
            .. Encoding.UTF8.GetBytes(Entity("b", "Bad")).Replace("Bad"u8.ToArray(), [(byte)'B', 0xFF]), (byte)'\n',
            .. Encoding.UTF8.GetBytes(Entity("c", "Nul")).Replace("Nul"u8.ToArray(), [(byte)'N', 0x00]), (byte)'\n',
            0xEF, 0xBB, 0xBF, .. NdLine(Entity("d", "Marked")),
        ];

        var problem = AssertProblem(await PostNdjsonBytes("/api/import/ftm?published=2024-06-01", body), HttpStatusCode.BadRequest, "line 2", "line 3", "line 4");

        Assert.Contains("UTF-8", ErrorText(problem), StringComparison.Ordinal);
        Assert.Contains("NUL", ErrorText(problem), StringComparison.Ordinal);
        Assert.Contains("byte order mark", ErrorText(problem), StringComparison.Ordinal);
        Assert.Equal(3, problem.GetProperty(FieldErrors.CountName).GetInt32());
        var good = $"/api/actors/ftm-{stem.ToLowerInvariant()}-a";
        await Get(good, HttpStatusCode.NotFound);
        // The control: the first line alone, its byte order mark at the start of the body, imports (so the 404 above meant something).
        await PostNdjsonBytes("/api/import/ftm?published=2024-06-01", [0xEF, 0xBB, 0xBF, .. NdLine(Entity("a", "Good Person"))]);
        await Get(good, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_with_thousands_of_errors_lists_the_first_hundred_and_counts_them_all()
    {
        const int Wrong = 3_000;
        var id = Unique("many-aliases");
        var body = System.Text.Json.Nodes.JsonNode.Parse(Serialize(ActorBody(id)))!.AsObject();
        body["aliases"] = new System.Text.Json.Nodes.JsonArray([.. Enumerable.Range(0, Wrong).Select(i => (System.Text.Json.Nodes.JsonNode)i)]);

        var problem = AssertProblem(await PostJson("/api/actors", body.ToJsonString()), HttpStatusCode.BadRequest,
            [.. Enumerable.Range(0, FieldErrors.Max).Select(i => $"aliases[{i}]")]);

        Assert.Equal(Wrong, problem.GetProperty(FieldErrors.CountName).GetInt32());
        await Get($"/api/actors/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_followthemoney_file_of_more_bad_lines_than_are_listed_counts_every_one()
    {
        const int Bad = 1_200;

        var problem = AssertProblem(await PostNdjsonBytes("/api/import/ftm?published=2024-06-01", [.. Enumerable.Range(0, Bad).SelectMany(_ => "{}\n"u8.ToArray())]),
            HttpStatusCode.BadRequest, [.. Enumerable.Range(1, FieldErrors.Max).Select(i => $"line {i}")]);

        Assert.Equal(Bad, problem.GetProperty(FieldErrors.CountName).GetInt32());
    }

    [Fact]
    public async Task Bulk_lines_share_one_cap_of_listed_errors_and_each_line_keeps_its_count()
    {
        const int Empty = 2_000;
        var (first, second) = (SmallBriefing(), SmallBriefing());
        string Hollow(Briefed b)
        {
            var tree = Tree(b.Document);
            tree["actors"] = new System.Text.Json.Nodes.JsonArray([.. Enumerable.Range(0, Empty).Select(_ => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject())]);
            return tree.ToJsonString();
        }

        var reply = await PostNdjson("/api/import/bulk", Lines(Hollow(first), Hollow(second)));

        Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{reply.Request}: expected 400, got {(int)reply.Status}: {reply.Body}");
        using var answer = JsonDocument.Parse(reply.Body);
        var problem = answer.RootElement;
        var errors = problem.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("error")).ToList();
        var counts = errors.Select(e => e.GetProperty(FieldErrors.CountName).GetInt32()).ToList();
        // Each empty actor misses every required property; the first line lists up to the cap, the second nothing.
        Assert.All(counts, c => Assert.True(c >= Empty, $"A line of {Empty} empty actors counted {c} errors."));
        Assert.Equal(FieldErrors.Max, Listed(errors[0].GetProperty("errors")));
        Assert.Equal(JsonValueKind.Null, errors[1].GetProperty("errors").ValueKind);
        Assert.Contains($"{counts[1]} errors are not listed", errors[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(FieldErrors.Max, Listed(problem.GetProperty("errors")));
        Assert.Equal(counts.Sum(), problem.GetProperty(FieldErrors.CountName).GetInt32());
        await Get($"/api/sources/{first.SourceId}", HttpStatusCode.NotFound);

        static int Listed(JsonElement byField) => byField.EnumerateObject().Sum(e => e.Value.GetArrayLength());
    }

    private static byte[] NdLine(string json) => [.. Encoding.UTF8.GetBytes(json), (byte)'\n'];

    private async Task<Reply> PostNdjsonBytes(string url, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(Ndjson);
        return await Send(HttpMethod.Post, url, content);
    }

    private static string Hex(string spaced) => spaced.Replace(" ", "", StringComparison.Ordinal);
}

internal static class ByteArrays
{
    /// <summary><paramref name="bytes"/> with the first occurrence of <paramref name="find"/> replaced.</summary>
    public static byte[] Replace(this byte[] bytes, byte[] find, byte[] with)
    {
        var at = bytes.AsSpan().IndexOf(find);
        Assert.True(at >= 0, "The bytes to replace are not there.");
        return [.. bytes.AsSpan(0, at), .. with, .. bytes.AsSpan(at + find.Length)];
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace DiplomacyGraph.Tests.Api;

/// <summary>The shared list shape, Link headers, CSV answers and the timeline, over HTTP on every store.</summary>
public abstract partial class ApiContract
{
    // ---------------------------------------------------------------- one list shape, Link headers

    [Fact]
    public async Task Following_next_links_from_the_first_page_visits_every_actor_once_and_last_names_the_final_page()
    {
        var pageSize = 5;
        var expectedLast = (SeedDoc.Actors.Count + pageSize - 1) / pageSize;
        var seen = new List<string>();
        string? url = $"/api/actors?pageSize={pageSize}";
        var visited = 0;
        while (url is not null)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonSerializer.Deserialize<PageOf<ActorSummary>>(await response.Content.ReadAsStringAsync(), Json)!;
            seen.AddRange(page.Items.Select(a => a.Id));
            var links = Links(response);
            Assert.Equal(1, PageIn(links["first"]));
            Assert.Equal(expectedLast, PageIn(links["last"]));
            Assert.Equal(page.Page > 1, links.ContainsKey("prev"));
            if (links.TryGetValue("prev", out var prev)) Assert.Equal(page.Page - 1, PageIn(prev));
            Assert.All(links.Values, l => Assert.Contains($"pageSize={pageSize}", l, StringComparison.Ordinal));
            url = links.GetValueOrDefault("next");
            visited++;
        }

        Assert.Equal(expectedLast, visited);
        Assert.Equal(SeedDoc.Actors.Select(a => a.Id).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Link_headers_are_relative_references_so_a_forged_Host_never_appears_in_them()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/actors?pageSize=2&page=2", UriKind.Relative));
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = Links(response);
        Assert.Equal(["alternate", "first", "last", "next", "prev"], links.Keys.Order(StringComparer.Ordinal));
        Assert.All(links.Values, l => Assert.StartsWith("/api/actors?", l, StringComparison.Ordinal));
        Assert.All(response.Headers.GetValues("Link"), l => Assert.DoesNotContain("evil.example", l, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_list_links_to_its_CSV_form_keeping_its_filters()
    {
        using var response = await client.GetAsync(new Uri("/api/actors/gustavo-petro/relationships?type=PARTICIPATED_IN", UriKind.Relative));

        var csv = Links(response)["alternate"];
        Assert.Contains("type=PARTICIPATED_IN", csv, StringComparison.Ordinal);
        Assert.Contains("format=csv", csv, StringComparison.Ordinal);
        Assert.False(Links(response).ContainsKey("next"));
    }

    [Fact]
    public async Task Lists_that_are_not_paged_say_their_limit_and_whether_they_were_cut()
    {
        var everything = await GetJson<CappedOf<TimelineEntry>>("/api/timeline?includeUndated=true&limit=500");
        var three = await GetJson<CappedOf<TimelineEntry>>("/api/timeline?includeUndated=true&limit=3");

        Assert.Equal((500, false), (everything.Limit, everything.Truncated));
        Assert.Equal((3, true), (three.Limit, three.Truncated));
        Assert.Equal(everything.Items.Take(3).Select(e => e.Id), three.Items.Select(e => e.Id));
    }

    // ---------------------------------------------------------------- CSV

    [Fact]
    public async Task Events_as_CSV_by_Accept_header_have_one_row_per_event_with_documented_columns()
    {
        var (response, table) = await GetCsv("/api/events", accept: "text/csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal(["id", "kind", "mode", "title", "date", "description", "placeIds", "placeNames", "participantIds", "participantNames",
            "contexts", "quadClass", "locationId", "locationName", "endDate", "dead", "injured", "size", "originalKind", "originalMode", "originalContexts",
            "cameoCode", "goldsteinScale", "avgTone", "numMentions", "numSources", "numArticles", "cameoQuadClass"], table.Columns);
        Assert.Equal(SeedDoc.Events.Select(e => e.Id).Order(StringComparer.Ordinal), table.Rows.Select(r => r["id"]).Order(StringComparer.Ordinal));
        var meeting = table.Rows.Single(r => r["id"] == Meeting);
        var participants = SeedDoc.Relationships.Where(r => r.Type == "PARTICIPATED_IN" && r.To == Meeting).Select(r => r.From);
        Assert.Equal(participants.Order(StringComparer.Ordinal), meeting["participantIds"].Split(" | ").Order(StringComparer.Ordinal));
        Assert.Equal(("CONSULT", "2026-02-03", "white-house"), (meeting["kind"], meeting["date"], meeting["placeIds"]));
        Assert.Equal(("visit", "meeting", "diplomatic | illegal_drugs", "1", "white-house"),
            (meeting["mode"], meeting["originalMode"], meeting["contexts"], meeting["quadClass"], meeting["locationId"]));
        Assert.Equal(SeedDoc.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(response, "X-Total-Count"));
        Assert.Null(Header(response, "X-Truncated"));
    }

    [Fact]
    public async Task CSV_by_format_parameter_is_not_paged_but_holds_every_statement()
    {
        var (response, table) = await GetCsv("/api/statements?format=csv&pageSize=2&page=3");

        Assert.Equal(SeedDoc.Statements.Count, table.Rows.Count);
        Assert.Equal(SeedDoc.Statements.Select(s => s.Id).Order(StringComparer.Ordinal), table.Rows.Select(r => r["id"]).Order(StringComparer.Ordinal));
        Assert.Null(Header(response, "X-Truncated"));
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task CSV_rows_carry_the_evidence_sentence_and_its_source_id()
    {
        var (_, table) = await GetCsv("/api/actors/pedro-sanchez/relationships?format=csv");

        var participation = table.Rows.Single(r => r["type"] == "PARTICIPATED_IN");
        Assert.Equal((Meeting, "event", "colombia", "Defense Minister"), (participation["otherId"], participation["otherLabel"], participation["side"], participation["title"]));
        Assert.Equal(AccompaniedSentence, participation["evidence"]);
        Assert.Equal(SourceId, participation["sourceIds"]);
        Assert.All(table.Rows, r => Assert.Equal(SourceId, r["sourceIds"]));
    }

    [Fact]
    public async Task CSV_is_RFC_4180_UTF_8_with_CRLF_records_and_doubled_quotes_inside_quoted_fields()
    {
        using var response = await Send("/api/events?format=csv", accept: null);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);

        var description = SeedDoc.Events.Single(e => e.Id == "petro-trip-to-white-house").Description!;
        Assert.Contains('"', description);
        Assert.Contains($"\"{description.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", text, StringComparison.Ordinal);
        Assert.StartsWith("id,kind,mode,title,date,description,", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Bogotá", text, StringComparison.Ordinal);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
    }

    [Fact]
    public async Task A_CSV_cut_by_its_limit_says_so_in_a_header()
    {
        var (response, table) = await GetCsv("/api/timeline?format=csv&limit=3&includeUndated=true");

        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("true", Header(response, "X-Truncated"));
    }

    public static TheoryData<string, string> ListUrls() => new()
    {
        { "/api/actors?q=petro", "id" },
        { "/api/actors/gustavo-petro/relationships", "id" },
        { "/api/actors/pedro-sanchez/events", "eventId" },
        { "/api/actors/bernie-moreno/co-participants", "actorId" },
        { "/api/actors/gustavo-petro/statements", "id" },
        { "/api/actors/gustavo-petro/sanctions", "id" },
        { "/api/events?kind=CONSULT", "id" },
        { "/api/sanctions?target=gustavo-petro", "id" },
        { "/api/statements?speaker=donald-trump", "id" },
        { "/api/timeline?actor=gustavo-petro", "id" },
        { "/api/sources", "id" },
    };

    [Theory]
    [MemberData(nameof(ListUrls))]
    public async Task Every_list_answers_CSV_with_the_same_items_as_its_JSON(string url, string idColumn)
    {
        using var json = await GetDocument(url);
        var (_, table) = await GetCsv(url, accept: "text/csv");

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, table.Rows.Count);
        var first = items[0];
        var firstId = first.TryGetProperty("id", out var id) ? id.GetString() : first.EnumerateObject().First().Value.GetProperty("id").GetString();
        Assert.Equal(firstId, table.Rows[0][idColumn]);
    }

    [Theory]
    [InlineData("/api/actors/gustavo-petro")]
    [InlineData($"/api/events/{Meeting}")]
    [InlineData("/api/paths/shortest?from=bernie-moreno&to=rosa-villavicencio")]
    [InlineData("/api/graph")]
    [InlineData("/api/actors/gustavo-petro/network")]
    public async Task CSV_asked_of_an_answer_that_is_not_a_list_is_406_problem_details(string url)
    {
        using var response = await Send(url, accept: "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(406, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("text/csv;q=0.5, application/json")]
    [InlineData("application/json")]
    [InlineData("*/*")]
    public async Task JSON_wins_when_the_client_prefers_it(string accept)
    {
        using var response = await Send("/api/events", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_keyed_by_format()
    {
        await GetProblem("/api/events?format=xml", HttpStatusCode.BadRequest, "format");
    }

    [Fact]
    public async Task Swagger_lists_text_csv_for_list_operations_only()
    {
        using var swagger = await GetDocument("/swagger/v1/swagger.json");

        var paths = swagger.RootElement.GetProperty("paths");
        string[] MediaTypes(string path) => [.. paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name)];
        foreach (var list in new[] { "/api/events", "/api/actors/{id}/relationships", "/api/timeline", "/api/sources" })
        {
            Assert.Contains("text/csv", MediaTypes(list));
            Assert.Contains("application/json", MediaTypes(list));
        }
        Assert.DoesNotContain("text/csv", MediaTypes("/api/events/{id}"));
        Assert.Contains("participantIds", paths.GetProperty("/api/events").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("text/csv").GetProperty("schema").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- timeline

    [Fact]
    public async Task Timeline_with_undated_entries_lists_them_after_the_dated_ones_and_covers_every_event_and_statement()
    {
        var timeline = await GetItems<TimelineEntry>("/api/timeline?includeUndated=true&limit=500");

        var everything = SeedDoc.Events.Select(e => e.Id).Concat(SeedDoc.Statements.Select(s => s.Id));
        Assert.Equal(everything.Order(StringComparer.Ordinal), timeline.Select(e => e.Id).Order(StringComparer.Ordinal));
        var dated = timeline.TakeWhile(e => e.Date is not null).ToList();
        Assert.NotEmpty(dated);
        Assert.NotEqual(dated.Count, timeline.Count);
        Assert.All(timeline.Skip(dated.Count), e => Assert.Null(e.Date));
        Assert.Equal(dated.Select(e => e.Date).Order(StringComparer.Ordinal), dated.Select(e => e.Date));
    }

    [Fact]
    public async Task Timeline_titles_a_statement_as_speaker_and_what_was_said()
    {
        var timeline = await GetItems<TimelineEntry>("/api/timeline?includeUndated=true&limit=500");

        var nine = timeline.Single(e => e.Id == "petro-rates-meeting-nine");
        Assert.Equal($"Gustavo Petro: {SeedDoc.Statements.Single(s => s.Id == "petro-rates-meeting-nine").Text}", nine.Title);
        var events = timeline.Where(e => e.Type == "event").ToDictionary(e => e.Id, e => e.Title);
        Assert.Equal(SeedDoc.Events.ToDictionary(e => e.Id, e => e.Title).OrderBy(p => p.Key, StringComparer.Ordinal), events.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(timeline.Where(e => e.Type == "statement"), e =>
        {
            var speakers = SeedDoc.Relationships.Where(r => r.Type == "SAID" && r.To == e.Id).Select(r => r.From).ToList();
            Assert.NotEmpty(speakers);
            Assert.All(speakers, s => Assert.Contains(s, e.Actors.Select(a => a.Id)));
            Assert.Contains(": ", e.Title, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Timeline_without_undated_entries_leaves_them_out_even_with_a_range()
    {
        var ranged = await GetItems<TimelineEntry>("/api/timeline?from=2026-01-01&to=2026-12-31");
        var withUndated = await GetItems<TimelineEntry>("/api/timeline?from=2026-01-01&to=2026-12-31&includeUndated=true&limit=500");

        Assert.All(ranged, e => Assert.NotNull(e.Date));
        Assert.Equal(ranged.Select(e => e.Id), withUndated.Take(ranged.Count).Select(e => e.Id));
        Assert.All(withUndated.Skip(ranged.Count), e => Assert.Null(e.Date));
    }

    // ---------------------------------------------------------------- helpers

    private sealed record CsvTable(IReadOnlyList<string> Columns, List<Dictionary<string, string>> Rows);

    private async Task<HttpResponseMessage> Send(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    /// <summary>A CSV answer read back with an RFC 4180 reader: its header and its rows by column name.</summary>
    private async Task<(HttpResponseMessage Response, CsvTable Table)> GetCsv(string url, string? accept = null)
    {
        var response = await Send(url, accept);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var reader = CsvReader.Create(body, new CsvReaderOptions { Separator = ',' });
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            rows.Add(row.ToDictionary().ToDictionary(p => p.Key, p => p.Value ?? ""));
        }
        return (response, new CsvTable([.. reader.Headers], rows));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    /// <summary>The RFC 8288 Link header as rel → URL.</summary>
    private static Dictionary<string, string> Links(HttpResponseMessage response)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in response.Headers.TryGetValues("Link", out var values) ? values : [])
        {
            foreach (var link in value.Split(", <").Select(l => l.TrimStart('<')))
            {
                var url = link[..link.IndexOf('>', StringComparison.Ordinal)];
                var rel = link[(link.IndexOf("rel=\"", StringComparison.Ordinal) + 5)..];
                links[rel[..rel.IndexOf('"', StringComparison.Ordinal)]] = url;
            }
        }
        return links;
    }

    private static int PageIn(string url) =>
        int.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), url).Query)["page"]!, System.Globalization.CultureInfo.InvariantCulture);
}

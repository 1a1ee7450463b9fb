using System.Text.Encodings.Web;
using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;
using DiplomacyGraph.Storage.Resolution;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Export;

/// <summary>
/// The whole graph as NDJSON knowledge documents (seed/README.md), which <c>POST /api/import/bulk</c> and the <c>import</c>
/// command read back into an empty store of either kind to give the same graph:
/// <list type="number">
/// <item>the judgements (entity resolution), on documents of the first source, so that the merged ids the facts then name
/// land on their canonical nodes with their origins, as they did here;</item>
/// <item>every source, a document each, so that a source no fact cites comes back too;</item>
/// <item>the facts, a page at a time by id: each source's claims on each fact become that source's record of it, under
/// the id the claims were made about (a merged id for a merged node's), with one sentence of its evidence; a second
/// sentence or a second origin of the same source goes on the next round's document, as one more import of that source;</item>
/// <item>the relationships, a page of their start nodes at a time, the same way (after every node, so their ends exist).</item>
/// </list>
/// Everything is written in ordinal order of ids, fields in the record's order, so a graph exports to the same bytes from
/// either store; memory holds one page (<see cref="PageSize"/> facts), the sources and nothing else.
/// </summary>
internal sealed class GraphExport(IGraphStore store, IGraphTransfer transfer)
{
    public const string MediaType = "application/x-ndjson";
    public const int PageSize = 500;
    private const int PerDocument = 1000;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record fields of each label, in the record's order, with the stored property each comes from.</summary>
    private static readonly Dictionary<NodeLabel, (string Field, string Property)[]> Fields = new()
    {
        [NodeLabel.Actor] = [("kind", "kind"), ("name", "name"), ("aliases", "aliases"), ("weakAliases", "weakAliases"), ("description", "description"),
            ("topics", "topics"), ("identifiers", "identifiers"), ("birthDate", "birthDate"), ("birthPlace", "birthPlace"), ("gender", "gender"),
            ("nationalities", "nationalities"), ("referents", "referents")],
        [NodeLabel.Place] = [("name", "name"), ("aliases", "aliases"), ("description", "description")],
        [NodeLabel.Event] = [("kind", "kind"), ("mode", "mode"), ("title", "name"), ("date", "date"), ("description", "description"), ("outcome", "outcome"), ("topics", "topics")],
        [NodeLabel.Sanction] = [("kind", "kind"), ("description", "name"), ("date", "date"), ("authority", "authority"), ("program", "program"),
            ("legalBasis", "legalBasis"), ("listed", "listed"), ("start", "start"), ("startInferred", "startInferred"), ("end", "end"), ("status", "status")],
        [NodeLabel.Statement] = [("text", "text"), ("quote", "quote"), ("medium", "medium"), ("kind", "kind"), ("date", "date")],
        [NodeLabel.Figure] = [("metric", "metric"), ("value", "value"), ("unit", "unit"), ("approximate", "approximate"), ("period", "period"), ("asOf", "asOf")],
        [NodeLabel.Program] = [("name", "name"), ("description", "description")],
    };

    private static readonly string[] SourceFields = ["title", "outlet", "url", "published", "edited", "language", "file", "provenance"];

    /// <summary>What an export wrote.</summary>
    public sealed record Tally(int Documents, int Facts, int Relationships, int Judgements);

    /// <summary>Writes the export to <paramref name="output"/>, flushing after each page.</summary>
    public async Task<Tally> Write(Stream output, CancellationToken ct)
    {
        var (documents, facts, relationships, judgementCount) = (0, 0, 0, 0);
        var sources = (await store.ListSources(ct)).OrderBy(s => s.Id, StringComparer.Ordinal).ToDictionary(s => s.Id, StringComparer.Ordinal);
        async Task Emit(IEnumerable<Document> page)
        {
            foreach (var document in page)
            {
                await output.WriteAsync(Line(document, sources), ct);
                documents++;
            }
            await output.FlushAsync(ct);
        }

        if (sources.Count > 0)
        {
            var first = sources.Keys.First();
            for (string? after = null; ;)
            {
                var judgements = await transfer.JudgementsAfter(after, PerDocument, ct);
                if (judgements.Count == 0) break;
                judgementCount += judgements.Count;
                await Emit([new Document(first) { Judgements = [.. judgements] }]);
                after = judgements[^1].Pair;
            }
        }
        await Emit(sources.Keys.Select(id => new Document(id)));

        for (string? after = null; ;)
        {
            var page = await transfer.FactsAfter(after, PageSize, ct);
            if (page.Count == 0) break;
            facts += page.Count;
            var documentsOfPage = new SortedDictionary<(string, int), Document>();
            foreach (var fact in page)
            {
                foreach (var (part, round) in Rounds(Parts(fact.Claims, fact.Evidence, fact.Properties)))
                {
                    var document = DocumentFor(documentsOfPage, part.Source, round);
                    document.Nodes.Add((fact.Label, part.Origin ?? fact.Id, part.Values, part.Text));
                }
            }
            await Emit(documentsOfPage.Values);
            after = page[^1].Id;
        }

        for (string? after = null; ;)
        {
            var (edges, last) = await transfer.EdgesAfter(after, PageSize, ct);
            if (last is null) break;
            relationships += edges.Count;
            var documentsOfPage = new SortedDictionary<(string, int), Document>();
            foreach (var edge in edges)
            {
                foreach (var (part, round) in Rounds(Parts(edge.Claims, edge.Evidence, edge.Properties)))
                {
                    var (from, to) = part.Origin is { } origin ? Origins.Ends(origin) : (edge.From, edge.To);
                    DocumentFor(documentsOfPage, part.Source, round).Edges.Add((edge.Type, from, to, part.Values, part.Text));
                }
            }
            await Emit(documentsOfPage.Values.SelectMany(d => d.Split(PerDocument)));
            after = last;
        }
        return new Tally(documents, facts, relationships, judgementCount);
    }

    private static Document DocumentFor(SortedDictionary<(string, int), Document> documents, string source, int round) =>
        documents.TryGetValue((source, round), out var document) ? document : documents[(source, round)] = new Document(source);

    /// <summary>One source's word on a fact: the fact it was given for (null: this one), its claimed values, one sentence of evidence.</summary>
    private sealed record Part(string Source, string? Origin, IReadOnlyDictionary<string, object?> Values, string Text);

    /// <summary>
    /// A fact's parts, by source, origin (its own first) and sentence. Evidence without claims of its source (a store
    /// written before claims) gives the fact's shown values, which is what that source said then.
    /// </summary>
    private static IEnumerable<Part> Parts(IReadOnlyList<SourceClaims> claims, IReadOnlyList<Evidence> evidence, IReadOnlyDictionary<string, object?> shown) =>
        evidence.GroupBy(e => (e.SourceId, e.Origin))
            .OrderBy(g => g.Key.SourceId, StringComparer.Ordinal).ThenBy(g => g.Key.Origin is not null).ThenBy(g => g.Key.Origin, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var values = claims.FirstOrDefault(c => c.SourceId == g.Key.SourceId && c.Origin == g.Key.Origin)?.Values
                    ?? shown.Where(p => ClaimRules.IsClaimed(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                var written = values.Where(p => !KnowledgeGraph.Derived.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                return g.Select(e => e.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .Select(text => new Part(g.Key.SourceId, g.Key.Origin, written, text));
            });

    /// <summary>Each part with its round: how many parts of the same source on the same fact come before it.</summary>
    private static IEnumerable<(Part Part, int Round)> Rounds(IEnumerable<Part> parts)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var round = seen.GetValueOrDefault(part.Source);
            seen[part.Source] = round + 1;
            yield return (part, round);
        }
    }

    /// <summary>One line of the export: a source, and what it says in one round of one page.</summary>
    private sealed class Document(string source)
    {
        public string Source { get; } = source;
        public List<Judgement> Judgements { get; init; } = [];
        public List<(NodeLabel Label, string Id, IReadOnlyDictionary<string, object?> Values, string Text)> Nodes { get; } = [];
        public List<(string Type, string From, string To, IReadOnlyDictionary<string, object?> Values, string Text)> Edges { get; private init; } = [];

        public IEnumerable<Document> Split(int size) => Edges.Count <= size ? [this]
            : Edges.Chunk(size).Select(chunk => new Document(Source) { Edges = [.. chunk] });
    }

    private static byte[] Line(Document document, IReadOnlyDictionary<string, GraphNode> sources)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WritePropertyName("source");
            json.WriteStartObject();
            json.WriteString("id", document.Source);
            var source = sources.GetValueOrDefault(document.Source)?.Properties ?? new Dictionary<string, object?>();
            foreach (var field in SourceFields)
            {
                if (source.GetValueOrDefault(field) is { } value) { json.WritePropertyName(field); Value(json, field, value); }
            }
            json.WriteEndObject();
            foreach (var kind in NodeKinds.All.Where(k => k.Label != NodeLabel.Source))
            {
                var records = document.Nodes.Where(n => n.Label == kind.Label).OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
                if (records.Count == 0) continue;
                json.WriteStartArray(kind.Section);
                foreach (var (label, id, values, text) in records)
                {
                    json.WriteStartObject();
                    json.WriteString("id", id);
                    var fields = Fields[label];
                    foreach (var (field, property) in fields)
                    {
                        if (values.GetValueOrDefault(property) is { } value) { json.WritePropertyName(field); Value(json, field, value); }
                    }
                    // A value no record field holds is written under its own name: the import then says what it is.
                    foreach (var (property, value) in values.Where(v => v.Value is not null && !fields.Any(f => f.Property == v.Key) && ClaimRules.IsClaimed(v.Key)
                        && !(v.Key == "name" && label is NodeLabel.Statement or NodeLabel.Figure)).OrderBy(v => v.Key, StringComparer.Ordinal))
                    {
                        json.WritePropertyName(property);
                        Value(json, property, value!);
                    }
                    json.WriteString("evidence", text);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (document.Edges.Count > 0)
            {
                json.WriteStartArray("relationships");
                foreach (var (type, from, to, values, text) in document.Edges.OrderBy(e => e.From, StringComparer.Ordinal)
                    .ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("type", type);
                    json.WriteString("from", from);
                    json.WriteString("to", to);
                    var properties = values.Where(v => v.Value is not null).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
                    if (properties.Count > 0)
                    {
                        json.WriteStartObject("properties");
                        foreach (var (key, value) in properties) { json.WritePropertyName(key); Value(json, key, value!); }
                        json.WriteEndObject();
                    }
                    json.WriteString("evidence", text);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (document.Judgements.Count > 0)
            {
                json.WriteStartArray("judgements");
                foreach (var j in document.Judgements)
                {
                    var record = JudgementRecord.From(j);
                    json.WriteStartObject();
                    json.WriteString("a", record.A);
                    json.WriteString("b", record.B);
                    json.WriteString("judgement", record.Judgement);
                    if (record.Merged is not null) json.WriteString("merged", record.Merged);
                    if (record.Automatic) json.WriteBoolean("automatic", true);
                    if (record.Reason is not null) json.WriteString("reason", record.Reason);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>A stored value as the record holds it: identifiers as objects, lists as arrays, numbers and booleans as such.</summary>
    private static void Value(Utf8JsonWriter json, string field, object value)
    {
        switch (value)
        {
            case string[] list when field == "identifiers":
                json.WriteStartArray();
                foreach (var stored in list)
                {
                    if (IdentifierRecord.FromStored(stored) is not { } identifier) continue;
                    json.WriteStartObject();
                    json.WriteString("scheme", identifier.Scheme);
                    json.WriteString("value", identifier.Value);
                    if (identifier.Country is not null) json.WriteString("country", identifier.Country);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            case string[] list:
                json.WriteStartArray();
                foreach (var item in list) json.WriteStringValue(item);
                json.WriteEndArray();
                break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case double d: json.WriteNumberValue(d); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            default: json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}

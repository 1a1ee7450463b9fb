using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// The NDJSON bulk format's reader: makes one line into a validated document, or into the field errors the single
/// import would answer, with the single import's rules (strict JSON, every structural mistake at once, the validator).
/// </summary>
internal sealed partial class BulkLineReader(JsonSerializerOptions options, IValidator<KnowledgeDocument> validator)
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private readonly JsonDocumentOptions documentOptions = JsonShape.DocumentOptions(options);

    public (KnowledgeDocument? Document, string? SourceId, Dictionary<string, string[]>? Errors) Prepare(ReadOnlySequence<byte> line)
    {
        if (line.FirstSpan.StartsWith(ByteOrderMark)) line = line.Slice(ByteOrderMark.Length);
        try
        {
            using var json = JsonDocument.Parse(line, documentOptions);
            var root = json.RootElement;
            var sourceId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("source", out var source)
                && source.ValueKind == JsonValueKind.Object && source.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: <= KnowledgeDocumentValidator.MaxIdLength } given && Slug().IsMatch(given) ? given : null;
            // Every structural mistake at once, as for a single import's body.
            var shape = JsonShape.Check(root, typeof(KnowledgeDocument), options);
            if (shape.Count > 0) return (null, sourceId, shape);
            if (root.Deserialize<KnowledgeDocument>(options) is not { } document)
            {
                return (null, null, new() { [JsonShape.Root] = ["A knowledge document (a JSON object) is required."] });
            }
            var result = validator.Validate(document);
            return result.IsValid ? (document, document.Source.Id, null) : (null, sourceId, result.ToDictionary().ToDictionary(StringComparer.Ordinal));
        }
        catch (JsonException e)
        {
            var at = e.BytePositionInLine is { } position ? $" (at byte {position + 1} of the line)" : "";
            return (null, null, new() { [JsonShape.Root] = [$"The line is not valid JSON{at}."] });
        }
    }

    [GeneratedRegex(KnowledgeDocumentValidator.IdPattern)]
    private static partial Regex Slug();
}

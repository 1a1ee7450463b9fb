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
    private readonly JsonDocumentOptions documentOptions = JsonShape.DocumentOptions(options);

    /// <summary>
    /// The line's document, or its errors: at most <see cref="FieldErrors.Max"/> messages, with the count of all
    /// (<paramref name="line"/>'s bytes are already checked by <see cref="NdjsonLines"/>, and a byte order mark removed).
    /// </summary>
    public BulkLine Prepare(ReadOnlySequence<byte> line)
    {
        try
        {
            using var json = JsonDocument.Parse(line, documentOptions);
            var root = json.RootElement;
            var sourceId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("source", out var source)
                && source.ValueKind == JsonValueKind.Object && source.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: <= KnowledgeDocumentValidator.MaxIdLength } given && Slug().IsMatch(given) ? given : null;
            // Every structural mistake at once, as for a single import's body.
            var shape = JsonShape.Errors(root, typeof(KnowledgeDocument), options);
            if (shape.Count > 0) return new(null, sourceId, shape.ToDictionary(), shape.Count);
            if (root.Deserialize<KnowledgeDocument>(options) is not { } document)
            {
                return BulkLine.Invalid("A knowledge document (a JSON object) is required.");
            }
            var result = validator.Validate(document);
            if (result.IsValid) return new(document, document.Source.Id, null, 0);
            var (errors, count) = FieldErrors.Cap(result.ToDictionary());
            return new(null, sourceId, errors, count);
        }
        catch (JsonException e)
        {
            var at = e.BytePositionInLine is { } position ? $" (at byte {position + 1} of the line)" : "";
            return BulkLine.Invalid($"The line is not valid JSON{at}.");
        }
    }

    [GeneratedRegex(KnowledgeDocumentValidator.IdPattern)]
    private static partial Regex Slug();
}

/// <summary>One bulk line read: its document, or its field errors (capped) and how many there were, with its source id when readable.</summary>
internal readonly record struct BulkLine(KnowledgeDocument? Document, string? SourceId, Dictionary<string, string[]>? Errors, int ErrorCount)
{
    /// <summary>A line wrong as a whole: not JSON, not an object, or (<see cref="NdjsonBytes"/>) bytes that are not text.</summary>
    public static BulkLine Invalid(string problem) => new(null, null, new() { [JsonShape.Root] = [problem] }, 1);
}

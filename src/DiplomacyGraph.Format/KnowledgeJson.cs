using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DiplomacyGraph.Storage.Vocabulary;
using FluentValidation;

namespace DiplomacyGraph.Format;

/// <summary>Reading knowledge documents: the JSON settings, and a document from a file or from JSON text.</summary>
public static partial class KnowledgeJson
{
    /// <summary>
    /// camelCase exactly, as the format promises: names match case-sensitively, unknown and duplicate properties are
    /// rejected, numbers are numbers; comments and trailing commas are tolerated for hand editing.
    /// </summary>
    public static readonly JsonSerializerOptions Options = Strict(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    });

    /// <summary>The strict reading rules, shared by the seed loader and the API's request bodies.</summary>
    public static JsonSerializerOptions Strict(JsonSerializerOptions options)
    {
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        // The shape check reads the serializer's contracts, which need a resolver before first use.
        options.TypeInfoResolver ??= new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        return options;
    }

    public static KnowledgeDocument Load(string file, IValidator<KnowledgeDocument> validator)
    {
        KnowledgeDocument? document;
        try
        {
            using var stream = File.OpenRead(file);
            using var json = JsonDocument.Parse(stream, JsonShape.DocumentOptions(Options));
            // Every structural mistake at once, named by path; the serializer would stop at the first.
            var shape = JsonShape.Check(json.RootElement, typeof(KnowledgeDocument), Options);
            if (shape.Count > 0)
            {
                var problems = shape.SelectMany(e => e.Value.Select(message => $"  {JsonPath(e.Key)}: {message}"));
                throw new InvalidKnowledgeDocumentException($"{file}: not a valid knowledge document:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
            }
            document = json.RootElement.Deserialize<KnowledgeDocument>(Options);
        }
        catch (JsonException e)
        {
            throw new InvalidKnowledgeDocumentException($"{file}: not a valid knowledge document at {e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}");
        }
        return Checked(document, file, validator);
    }

    /// <summary>Reads and validates one document from JSON text (an NDJSON line); <paramref name="where"/> names it in errors.</summary>
    public static KnowledgeDocument Parse(string json, string where, IValidator<KnowledgeDocument> validator)
    {
        KnowledgeDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<KnowledgeDocument>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidKnowledgeDocumentException($"{where}: not a valid knowledge document at {e.Path ?? "$"}: {e.Message}");
        }
        return Checked(document, where, validator);
    }

    private static KnowledgeDocument Checked(KnowledgeDocument? document, string where, IValidator<KnowledgeDocument> validator)
    {
        if (document is null)
        {
            throw new InvalidKnowledgeDocumentException($"{where}: the document is empty.");
        }
        var result = validator.Validate(document);
        if (!result.IsValid)
        {
            var problems = result.Errors.Select(e => $"  {Describe(document, e.PropertyName)}: {e.ErrorMessage}");
            throw new InvalidKnowledgeDocumentException($"{where}: the document is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
        return document;
    }

    /// <summary>"actors[3].kind" as a JSON path from the document's root: "$.actors[3].kind".</summary>
    private static string JsonPath(string field) => field == JsonShape.Root ? "$" : "$." + field;

    /// <summary>"actors[3].kind" becomes "actors[3] (id 'gustavo-petro'), field 'kind'".</summary>
    public static string Describe(KnowledgeDocument document, string path)
    {
        var match = EntityPath().Match(path);
        if (!match.Success)
        {
            return $"field '{path}'";
        }
        var section = match.Groups["section"].Value;
        var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var field = match.Groups["field"].Success ? match.Groups["field"].Value : "(whole entry)";
        var id = section == "relationships"
            ? document.Relationships.ElementAtOrDefault(index) is { } r ? $"{r.From} -{r.Type}-> {r.To}" : null
            : DocumentSections.Named(section)?.Ids(document).ElementAtOrDefault(index);
        return id is null ? $"{section}[{index}], field '{field}'" : $"{section}[{index}] ('{id}'), field '{field}'";
    }

    [GeneratedRegex(@"^(?<section>[a-zA-Z]+)\[(?<index>\d+)\](\.(?<field>.+))?$")]
    private static partial Regex EntityPath();
}

/// <summary>A knowledge document that cannot be read or does not pass validation.</summary>
public sealed class InvalidKnowledgeDocumentException(string message) : Exception(message);

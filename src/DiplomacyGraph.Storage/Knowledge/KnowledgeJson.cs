using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace DiplomacyGraph.Storage.Knowledge;

/// <summary>Reading knowledge documents: the JSON settings, and the seed folder loader.</summary>
public static partial class KnowledgeJson
{
    /// <summary>camelCase, unknown properties rejected, comments and trailing commas tolerated for hand editing.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Reads and validates every <c>*.json</c> document of a folder, in file-name order.
    /// A bad document throws, naming the file, the entity and the field.
    /// </summary>
    public static IReadOnlyList<(string File, KnowledgeDocument Document)> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidKnowledgeDocumentException($"The seed folder '{folder}' does not exist.");
        }
        ValidationConventions.Apply();
        var validator = new KnowledgeDocumentValidator();
        return Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(file => (file, Load(file, validator)))
            .ToList();
    }

    public static KnowledgeDocument Load(string file, IValidator<KnowledgeDocument> validator)
    {
        KnowledgeDocument? document;
        try
        {
            using var stream = File.OpenRead(file);
            document = JsonSerializer.Deserialize<KnowledgeDocument>(stream, Options);
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
        string? id = section switch
        {
            "actors" => document.Actors.ElementAtOrDefault(index)?.Id,
            "places" => document.Places.ElementAtOrDefault(index)?.Id,
            "events" => document.Events.ElementAtOrDefault(index)?.Id,
            "sanctions" => document.Sanctions.ElementAtOrDefault(index)?.Id,
            "statements" => document.Statements.ElementAtOrDefault(index)?.Id,
            "figures" => document.Figures.ElementAtOrDefault(index)?.Id,
            "programs" => document.Programs.ElementAtOrDefault(index)?.Id,
            "relationships" => document.Relationships.ElementAtOrDefault(index) is { } r ? $"{r.From} -{r.Type}-> {r.To}" : null,
            _ => null,
        };
        return id is null ? $"{section}[{index}], field '{field}'" : $"{section}[{index}] ('{id}'), field '{field}'";
    }

    [GeneratedRegex(@"^(?<section>[a-zA-Z]+)\[(?<index>\d+)\](\.(?<field>.+))?$")]
    private static partial Regex EntityPath();
}

/// <summary>A knowledge document that cannot be read or does not pass validation.</summary>
public sealed class InvalidKnowledgeDocumentException(string message) : Exception(message);

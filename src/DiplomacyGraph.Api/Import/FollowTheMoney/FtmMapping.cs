using System.Text.Json;
using DiplomacyGraph.Format;
using DiplomacyGraph.Storage.Vocabulary;

namespace DiplomacyGraph.Api.Import;

/// <summary>
/// How FollowTheMoney ids, authorities and datasets become ours: an explicit file (seed/README.md, "FollowTheMoney").
/// An entity mapped to one of our ids is that curated node: the import links to it but does not rewrite it.
/// </summary>
public sealed record FtmMapping
{
    /// <summary>FollowTheMoney entity id → our id, e.g. <c>"NK-petro": "gustavo-petro"</c>.</summary>
    public IReadOnlyDictionary<string, string> Entities { get; init; } = new Dictionary<string, string>();

    /// <summary>A sanction's <c>authority</c> text → the id of the actor who imposed it, e.g. <c>"Office of Foreign Assets Control": "ofac"</c>.</summary>
    public IReadOnlyDictionary<string, string> Authorities { get; init; } = new Dictionary<string, string>();

    /// <summary>Dataset name → the source it becomes.</summary>
    public IReadOnlyDictionary<string, FtmDataset> Datasets { get; init; } = new Dictionary<string, FtmDataset>();

    public static readonly FtmMapping None = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static FtmMapping Load(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<FtmMapping>(stream, Json) ?? None;
        }
        catch (JsonException e)
        {
            throw new InvalidKnowledgeDocumentException($"{file}: not a valid FollowTheMoney mapping at {e.Path ?? "$"}: {e.Message}");
        }
    }
}

/// <summary>The source a FollowTheMoney dataset becomes; every field is optional.</summary>
public sealed record FtmDataset
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    /// <summary>Publication date-time; without it, the latest <c>last_change</c>/<c>last_seen</c>/<c>first_seen</c> of the dataset's entities.</summary>
    public string? Published { get; init; }
}

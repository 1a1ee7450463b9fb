namespace DiplomacyGraph.Api.Import;

/// <summary>Where the FollowTheMoney mapping file is.</summary>
public sealed class FtmOptions
{
    public const string Section = "FollowTheMoney";

    /// <summary>The mapping file (FollowTheMoney id → our id, authorities, datasets); relative paths start at the app's folder. None: no mapping.</summary>
    public string? MappingFile { get; set; }

    public FtmMapping LoadMapping() => MappingFile is { Length: > 0 } file
        ? FtmMapping.Load(Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file))
        : FtmMapping.None;
}

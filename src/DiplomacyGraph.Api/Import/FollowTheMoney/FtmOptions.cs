namespace DiplomacyGraph.Api.Import;

/// <summary>The <c>FollowTheMoney</c> configuration section: the mapping file, the batch size and the HTTP body limit.</summary>
public sealed class FtmOptions
{
    public const string Section = "FollowTheMoney";

    /// <summary>The mapping file (FollowTheMoney id → our id, authorities, datasets); relative paths start at the app's folder. None: no mapping.</summary>
    public string? MappingFile { get; set; }

    /// <summary>Lines per batch: each batch is mapped, validated and written in one transaction (memory follows it, not the file).</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>The largest body <c>POST /api/import/ftm</c> takes, in bytes (it is spooled to a temporary file, then read in batches).</summary>
    public long MaxBodyBytes { get; set; } = 1_073_741_824;

    public FtmMapping LoadMapping() => MappingFile is { Length: > 0 } file
        ? FtmMapping.Load(Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file))
        : FtmMapping.None;

    public static void Add(IServiceCollection services) =>
        services.AddOptions<FtmOptions>().BindConfiguration(Section)
            .Validate(o => o.BatchSize is > 0 and <= FollowTheMoney.MaxLines, $"FollowTheMoney:BatchSize must be between 1 and {FollowTheMoney.MaxLines}.")
            .Validate(o => o.MaxBodyBytes is > 0 and <= 68_719_476_736, "FollowTheMoney:MaxBodyBytes must be between 1 and 68719476736 (64 GiB).")
            .ValidateOnStart();
}

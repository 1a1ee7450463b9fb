namespace DiplomacyGraph.Api.Import;

/// <summary>
/// The <c>Writes:Bulk</c> configuration section: how much one <c>POST /api/import/bulk</c> may carry. It replaces
/// <c>Writes:MaxBodyBytes</c> for that endpoint, whose body is a stream of documents read one line at a time.
/// </summary>
public sealed class BulkImportOptions
{
    public const string Section = "Writes:Bulk";

    /// <summary>The largest line (one knowledge document) in bytes; a longer line is that document's 413, and reading goes on.</summary>
    public long MaxDocumentBytes { get; set; } = 16_777_216;

    /// <summary>The largest request body in bytes; reading stops there and the answer is 413.</summary>
    public long MaxTotalBytes { get; set; } = 1_073_741_824;

    /// <summary>The most documents (non-empty lines) one request may hold; the answer lists one outcome for each.</summary>
    public int MaxDocuments { get; set; } = 10_000;

    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddOptions<BulkImportOptions>().BindConfiguration(Section)
            .Validate(o => o.MaxDocumentBytes is > 0 and <= 1_000_000_000, "Writes:Bulk:MaxDocumentBytes must be between 1 and 1000000000.")
            .Validate(o => o.MaxTotalBytes is > 0 and <= 2_000_000_000, "Writes:Bulk:MaxTotalBytes must be between 1 and 2000000000.")
            .Validate(o => o.MaxDocuments is > 0 and <= 1_000_000, "Writes:Bulk:MaxDocuments must be between 1 and 1000000.")
            .ValidateOnStart();
        return services;
    }
}

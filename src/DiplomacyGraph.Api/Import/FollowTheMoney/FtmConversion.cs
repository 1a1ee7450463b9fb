using DiplomacyGraph.Storage;
using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Api.Import;

/// <summary>Why a record was skipped (the answer counts records per reason).</summary>
public static class FtmSkipReasons
{
    /// <summary>It refers to an entity that neither the file (as imported) nor the store holds.</summary>
    public const string DanglingReference = "dangling-reference";

    /// <summary>A party with neither a <c>name</c> nor a <c>caption</c>.</summary>
    public const string NoName = "no-name";

    /// <summary>Its mapper could not make a fact of it (a Sanction with no <c>entity</c>, a Family without both ends, …).</summary>
    public const string Unmappable = "unmappable";

    /// <summary>What it became broke a rule of the knowledge format (a text too long, a date out of range, …).</summary>
    public const string Invalid = "invalid";

    /// <summary>A DEL of an entity the store does not hold from that dataset.</summary>
    public const string NotFound = "not-found";

    /// <summary>A DEL that names no dataset, in a file that names none either, without a <c>dataset</c> option.</summary>
    public const string NoDataset = "no-dataset";
}

/// <summary>One skipped record: its FollowTheMoney id and line, why, and the detail.</summary>
public sealed record FtmSkipped(string Id, int Line, string Reason, string Detail);

/// <summary>
/// What a FollowTheMoney import did, batch after batch, in memory bounded by its caps: ids are listed up to
/// <see cref="FollowTheMoney.MaxListedIds"/> per list and counted beyond; skipped records likewise.
/// </summary>
public sealed class FtmReport
{
    public CountedIds NodesCreated { get; } = new();
    public CountedIds NodesUpdated { get; } = new();
    public CountedIds NodesUnchanged { get; } = new();
    public CountedIds EdgesCreated { get; } = new();
    public CountedIds EdgesUpdated { get; } = new();
    public CountedIds EdgesUnchanged { get; } = new();
    public CountedIds NodesWithdrawn { get; } = new();
    public CountedIds NodesDeleted { get; } = new();
    public CountedIds EdgesWithdrawn { get; } = new();
    public CountedIds EdgesDeleted { get; } = new();
    public List<string> SourceIds { get; } = [];
    public int Entities { get; set; }
    public int Batches { get; set; }
    public IReadOnlyDictionary<string, int> SkippedSchemata { get; set; } = new Dictionary<string, int>();
    public SortedDictionary<string, string> Mapped { get; } = new(StringComparer.Ordinal);
    public List<string> Notes { get; } = [];
    public int MoreNotes { get; private set; }
    public List<FtmSkipped> Skipped { get; } = [];
    public SortedDictionary<string, int> SkippedByReason { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether anything was written (so cached reads must be dropped).</summary>
    public bool Changed => NodesCreated.Count + NodesUpdated.Count + EdgesCreated.Count + EdgesUpdated.Count
        + NodesWithdrawn.Count + NodesDeleted.Count + EdgesWithdrawn.Count + EdgesDeleted.Count > 0;

    public void Add(ImportSummary summary)
    {
        NodesCreated.AddRange(summary.NodesCreated);
        NodesUpdated.AddRange(summary.NodesUpdated);
        NodesUnchanged.AddRange(summary.NodesUnchanged);
        EdgesCreated.AddRange(summary.EdgesCreated);
        EdgesUpdated.AddRange(summary.EdgesUpdated);
        EdgesUnchanged.AddRange(summary.EdgesUnchanged);
    }

    public void Add(SourceRetraction withdrawn)
    {
        NodesWithdrawn.AddRange(withdrawn.NodesUpdated);
        NodesDeleted.AddRange(withdrawn.NodesDeleted);
        EdgesWithdrawn.AddRange(withdrawn.EdgesUpdated);
        EdgesDeleted.AddRange(withdrawn.EdgesDeleted);
    }

    public void Skip(FtmSkipped skipped)
    {
        SkippedByReason[skipped.Reason] = SkippedByReason.GetValueOrDefault(skipped.Reason) + 1;
        if (Skipped.Count < FollowTheMoney.MaxListedIds) Skipped.Add(skipped);
    }

    public void Note(string note)
    {
        if (Notes.Count < FollowTheMoney.MaxNotes) Notes.Add(note);
        else MoreNotes++;
    }

    public void Map(IReadOnlyDictionary<string, string> mapped)
    {
        foreach (var (ftmId, ours) in mapped)
        {
            if (Mapped.Count < FollowTheMoney.MaxListedIds || Mapped.ContainsKey(ftmId)) Mapped[ftmId] = ours;
        }
    }
}

/// <summary>A list of ids that keeps the first <see cref="FollowTheMoney.MaxListedIds"/> and counts them all.</summary>
public sealed class CountedIds
{
    private readonly List<string> listed = [];

    public int Count { get; private set; }

    public IReadOnlyList<string> Listed => listed;

    public void AddRange(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            Count++;
            if (listed.Count < FollowTheMoney.MaxListedIds) listed.Add(id);
        }
    }
}

/// <summary>How a FollowTheMoney import ended.</summary>
public abstract record FtmOutcome
{
    private FtmOutcome() { }

    /// <summary>Every batch was written (records may have been skipped: the report says which).</summary>
    public sealed record Completed(FtmReport Report) : FtmOutcome;

    /// <summary>The file cannot be read (malformed lines, a dataset without a date, bad options): nothing was written.</summary>
    public sealed record Rejected(IReadOnlyDictionary<string, string[]> Errors, int ErrorCount = 0) : FtmOutcome;

    /// <summary>The store refused a batch; the batches before it were written (<see cref="Report"/>), this one and those after not.</summary>
    public sealed record Refused(IImportOutcome Refusal, FtmReport Report, int Batch, int FirstLine, int LastLine) : FtmOutcome;
}

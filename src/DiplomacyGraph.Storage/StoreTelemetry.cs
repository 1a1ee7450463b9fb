using System.Diagnostics;
using System.Diagnostics.Metrics;
using DiplomacyGraph.Storage.Neo4j;

namespace DiplomacyGraph.Storage;

/// <summary>
/// The store's traces and metrics, as OpenTelemetry reads them: one <see cref="ActivitySource"/> and one
/// <see cref="Meter"/>, both named <see cref="Name"/>. A Neo4j request is one span named after the <c>.cypher</c>
/// files it runs; an embedded store's write to its SQLite file is a span named "write". Spans and metrics carry query names, counts and error types only: never a parameter value,
/// never Neo4j's error message (which can quote one).
/// </summary>
public static class StoreTelemetry
{
    /// <summary>The name of the store's activity source and meter.</summary>
    public const string Name = "DiplomacyGraph.Storage";

    /// <summary>The name of the histogram of Neo4j request durations, in seconds.</summary>
    public const string QueryDurationMetric = "diplomacygraph.store.query.duration";

    /// <summary>The attribute naming the query, e.g. <c>Neighbours.cypher</c>.</summary>
    public const string QueryAttribute = "db.query.summary";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Histogram<double> QueryDuration = Meter.CreateHistogram<double>(
        QueryDurationMetric, unit: "s", description: "Duration of requests to the store's database, by query file.");

    /// <summary>
    /// Starts timing one request to Neo4j that runs <paramref name="statements"/>; dispose the result when the answer
    /// is read, after <see cref="QueryScope.Failed"/> if it failed.
    /// </summary>
    internal static QueryScope StartNeo4jQuery(IReadOnlyList<CypherStatement> statements)
    {
        var files = statements.Select(s => CypherQueries.NameOf(s.Text)).Distinct(StringComparer.Ordinal).ToArray();
        return StartQuery("neo4j", files.Length == 0 ? "(no statement)" : string.Join(", ", files), statements.Count);
    }

    /// <summary>Starts timing one call to a store's database: <paramref name="system"/> neo4j or sqlite.</summary>
    internal static QueryScope StartQuery(string system, string summary, int statements = 1)
    {
        var activity = Source.StartActivity(summary, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("db.system.name", system);
            activity.SetTag(QueryAttribute, summary);
            if (statements > 1) activity.SetTag("db.operation.batch.size", statements);
        }
        return new QueryScope(activity, system, summary, Stopwatch.GetTimestamp());
    }

    /// <summary>One timed call: its span (when someone listens) and its duration.</summary>
    internal sealed class QueryScope(Activity? activity, string system, string summary, long started) : IDisposable
    {
        private string? errorType;

        /// <summary>Marks the request failed, recording only the exception's type.</summary>
        public void Failed(Exception error)
        {
            errorType = error.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
            activity?.SetTag("error.type", errorType);
        }

        public void Dispose()
        {
            var tags = new TagList { { "db.system.name", system }, { QueryAttribute, summary } };
            if (errorType is not null) tags.Add("error.type", errorType);
            QueryDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            activity?.Dispose();
        }
    }
}

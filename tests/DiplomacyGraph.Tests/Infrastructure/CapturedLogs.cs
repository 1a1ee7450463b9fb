using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DiplomacyGraph.Tests.Infrastructure;

/// <summary>Every log line a host writes (add it with <c>ConfigureLogging(l => l.AddProvider(logs))</c>), for asserting what was logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    /// <summary>The lines' text, in order.</summary>
    public IReadOnlyList<string> Messages => [.. Lines.Select(l => l.Message)];

    public ILogger CreateLogger(string categoryName) => new Logger(Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((logLevel, formatter(state, exception)));
    }
}

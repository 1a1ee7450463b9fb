namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>
/// Neo4j rejected a statement as wrong (a <c>Neo.ClientError.*</c> other than a constraint violation, or a
/// <c>Neo.DatabaseError.*</c>): a bug in our Cypher, not the caller's fault. The API answers 500 without details.
/// </summary>
public sealed class Neo4jQueryException(string code, string message)
    : Exception($"Neo4j rejected a statement: {code}: {message}")
{
    /// <summary>The Neo4j status code, e.g. <c>Neo.ClientError.Statement.SyntaxError</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>A <c>Neo.TransientError.*</c>: the same work may succeed if tried again; retried by the resilience pipeline.</summary>
internal sealed class Neo4jTransientException(string code, string message)
    : Exception($"Neo4j reported a transient error: {code}: {message}")
{
    public string Code { get; } = code;
}

/// <summary>
/// A write's guard statement refused (it divides by zero on purpose, <c>Neo.ClientError.Statement.ArithmeticError</c>):
/// something the write depends on is missing or taken. The whole transaction was rolled back; the store reads again
/// to say exactly why.
/// </summary>
internal sealed class Neo4jGuardException() : Exception("A write guard refused; nothing was written.");

/// <summary>
/// A uniqueness constraint refused a write (<c>Neo.ClientError.Schema.ConstraintValidationFailed</c>): a concurrent write
/// took the id between the guard's read and the write. The transaction was rolled back; the store answers a conflict.
/// Neo4j's message names internal node ids, so it is not kept.
/// </summary>
internal sealed class Neo4jConstraintException() : Exception("A uniqueness constraint refused the write; nothing was written.");

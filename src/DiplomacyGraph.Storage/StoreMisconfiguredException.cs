namespace DiplomacyGraph.Storage;

/// <summary>
/// The store refuses this service's configuration (Neo4j answered 401/403, or 3.x's AuthenticationRateLimit after
/// repeated bad logins): no retry helps until an operator fixes it. Readiness turns unhealthy and the API answers
/// 500 "store misconfigured" without details; the message, for logs, names the cause.
/// </summary>
public sealed class StoreMisconfiguredException(string message) : Exception(message);

namespace DiplomacyGraph.Storage.Neo4j;

/// <summary>One Cypher statement and its parameters.</summary>
internal sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?>? Parameters = null);

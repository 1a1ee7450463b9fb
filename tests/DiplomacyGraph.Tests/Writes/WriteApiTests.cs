using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Infrastructure;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>The write contract on the embedded store; each service of the class has a database file of its own.</summary>
public sealed class EmbeddedWriteApiTests(WriteHost host) : WriteApiContract(host), IClassFixture<WriteHost>
{
    protected override Task<DiplomacyGraphFactory> CreateFactoryAsync(WriteService service, IDictionary<string, string?> settings) =>
        Task.FromResult(DiplomacyGraphFactory.Embedded(settings));
}

/// <summary>The write contract on Neo4j: emptied once, before the class's first service seeds it.</summary>
[Collection("neo4j")]
public sealed class Neo4jWriteApiTests(WriteHost host, Neo4jServer server) : WriteApiContract(host), IClassFixture<WriteHost>
{
    protected override async Task<DiplomacyGraphFactory> CreateFactoryAsync(WriteService service, IDictionary<string, string?> settings)
    {
        if (service == WriteService.Main)
        {
            await server.ResetAsync();
        }

        return DiplomacyGraphFactory.Neo4j(server.HttpUri, server.User, server.Password, settings);
    }
}

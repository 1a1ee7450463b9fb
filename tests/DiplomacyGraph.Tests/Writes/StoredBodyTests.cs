using System.Text.Json;
using DiplomacyGraph.Storage.Embedded;
using DiplomacyGraph.Storage.Model;

namespace DiplomacyGraph.Tests.Writes;

/// <summary>
/// The embedded store's row body is written by hand (<see cref="SqliteGraphFile.WriteBody"/>) for speed; files written
/// before hold what <see cref="JsonSerializer"/> wrote from a record. Both must be the same bytes, and read back the same.
/// </summary>
public sealed class StoredBodyTests
{
    private sealed record Body(IReadOnlyDictionary<string, object?> Properties, IReadOnlyList<Evidence> Evidence, IReadOnlyList<SourceClaims> Claims);

    public static TheoryData<string> Cases() => ["plain", "origins", "empty"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_hand_written_body_is_what_the_serializer_wrote(string name)
    {
        var (properties, evidence, claims) = Sample(name);

        var written = SqliteGraphFile.WriteBody(properties, evidence, claims);

        Assert.Equal(JsonSerializer.Serialize(new Body(properties, evidence, claims)), written);
        var (readProperties, readEvidence, readClaims) = SqliteGraphFile.ReadBody(written);
        Assert.Equal(JsonSerializer.Serialize(properties), JsonSerializer.Serialize(readProperties));
        Assert.Equal(evidence, readEvidence);
        Assert.Equal(claims.Select(c => (c.SourceId, c.Origin, JsonSerializer.Serialize(c.Values))),
            readClaims.Select(c => (c.SourceId, c.Origin, JsonSerializer.Serialize(c.Values))));
    }

    private static (IReadOnlyDictionary<string, object?>, IReadOnlyList<Evidence>, IReadOnlyList<SourceClaims>) Sample(string name)
    {
        if (name == "empty") return (new SortedDictionary<string, object?>(StringComparer.Ordinal), [], []);
        var properties = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = "Gustavo Petro \"el presidente\" <b>é</b> 🇨🇴",
            ["aliases"] = new[] { "Petro", "Gustavo Francisco Petro Urrego" },
            ["dead"] = 3.0,
            ["goldsteinScale"] = -6.5,
            ["current"] = true,
            ["ended"] = false,
        };
        var origin = name == "origins" ? "petro-old" : null;
        Evidence[] evidence =
        [
            new("reuters-2025", "Petro met Trump at the White House.") { Origin = origin },
            new("ap-2025", "Line one\nline two\ttab."),
        ];
        SourceClaims[] claims =
        [
            new("reuters-2025", new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["name"] = "Gustavo Petro", ["aliases"] = (string[])["Petro"] }) { Origin = origin },
            new("ap-2025", new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["dead"] = 3.0 }),
        ];
        return (properties, evidence, claims);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using DiplomacyGraph.Tests.Api;

namespace DiplomacyGraph.Tests.Docs;

/// <summary>
/// A README output that leaves anything out of the real answer (a field, an item) says so: the sentence that
/// introduces it contains "abridged". The outputs themselves are checked by <see cref="DocumentedExamples"/>.
/// </summary>
public sealed partial class AbridgedOutputsTests(ApiHost host) : IClassFixture<ApiHost>
{
    public static TheoryData<string, string, string> Examples()
    {
        var readme = File.ReadAllText(Path.Combine(DocumentedExamples.RepositoryRoot(), "README.md"));
        var data = new TheoryData<string, string, string>();
        foreach (Match example in Example().Matches(readme))
        {
            data.Add(example.Groups["path"].Value, example.Groups["prose"].Value, example.Groups["json"].Value);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task A_readme_output_that_leaves_something_out_is_marked_abridged(string path, string prose, string shown)
    {
        var client = await host.ClientAsync(() => Task.FromResult(DiplomacyGraphFactory.Embedded()));
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative)); // some examples show a 400
        using var actual = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var expected = JsonDocument.Parse(shown);
        var left = LeftOut(actual.RootElement, expected.RootElement, "$");
        if (left is not null)
        {
            Assert.True(prose.Contains("abridged", StringComparison.OrdinalIgnoreCase),
                $"GET {path}: the README's output leaves out {left}, but its introduction does not say it is abridged:\n{prose}");
        }
    }

    /// <summary>The first thing the actual answer has that the shown one leaves out, or null when it shows it whole.</summary>
    private static string? LeftOut(JsonElement actual, JsonElement shown, string path)
    {
        switch (actual.ValueKind)
        {
            case JsonValueKind.Object when shown.ValueKind == JsonValueKind.Object:
                foreach (var property in actual.EnumerateObject())
                {
                    if (!shown.TryGetProperty(property.Name, out var value)) return $"{path}.{property.Name}";
                    if (LeftOut(property.Value, value, $"{path}.{property.Name}") is { } inner) return inner;
                }
                return null;
            case JsonValueKind.Array when shown.ValueKind == JsonValueKind.Array:
                var shownItems = shown.EnumerateArray().ToList();
                var index = 0;
                foreach (var item in actual.EnumerateArray())
                {
                    if (index >= shownItems.Count) return $"{path}[{index}]";
                    if (LeftOut(item, shownItems[index], $"{path}[{index}]") is { } inner) return inner;
                    index++;
                }
                return null;
            default:
                return null; // values that differ are DocumentedExamples' business
        }
    }

    // The paragraph before a ```bash block whose curl fetches http://localhost:5080<path>, then the next ```json block.
    [GeneratedRegex(@"(?<prose>[^\n]+(\n[^\n]+)*)\n\n```bash\s*\ncurl -s '?http://localhost:5080(?<path>[^'\s]+)'?\s*\n```.*?```json\s*\n(?<json>.*?)\n```", RegexOptions.Singleline | RegexOptions.ExplicitCapture)]
    private static partial Regex Example();
}

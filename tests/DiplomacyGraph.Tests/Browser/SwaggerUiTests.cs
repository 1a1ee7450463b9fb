using System.Net;
using System.Text.RegularExpressions;

namespace DiplomacyGraph.Tests.Browser;

/// <summary>Swagger UI loads in a real browser (headless Chromium) and lists every endpoint the service documents.</summary>
public sealed partial class SwaggerUiTests(SwaggerUiPage page) : IClassFixture<SwaggerUiPage>
{
    // Known core endpoints, so an empty or truncated document cannot pass the "every operation" check.
    private static readonly string[] CoreOperations =
    [
        "GET /api/actors", "GET /api/actors/{id}", "GET /api/paths/shortest", "GET /api/graph", "POST /api/import", "GET /health/ready",
    ];

    [Fact]
    public void The_OpenAPI_document_holds_the_core_endpoints()
    {
        var documented = page.DocumentOperations;
        Assert.All(CoreOperations, core => Assert.Contains(core, documented));
    }

    [Fact]
    public void Swagger_UI_in_Chromium_lists_every_operation_of_the_OpenAPI_document()
    {
        var documented = page.DocumentOperations;
        var rendered = page.RenderedOperations.ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(documented);
        var missing = documented.Where(operation => !rendered.Contains(operation)).ToList();
        Assert.True(missing.Count == 0,
            $"Swagger UI rendered {rendered.Count} of {documented.Count} documented operations; missing:\n  {string.Join("\n  ", missing)}\n" +
            $"DOM starts:\n{page.Dom[..Math.Min(page.Dom.Length, 2000)]}");
        Assert.Equal(documented.Count, page.RenderedOperations.Count); // each once, nothing undocumented
    }

    [Fact]
    public void Swagger_UI_in_Chromium_shows_the_DiplomacyGraph_title_and_the_Authorize_button()
    {
        var title = Title().Match(page.Dom);
        Assert.True(title.Success, "The rendered page has no h1/h2 class=\"title\".");
        Assert.Equal("DiplomacyGraph", WebUtility.HtmlDecode(title.Groups["text"].Value).Trim());

        // The button is there because the document declares the API-key scheme; check both ends.
        var schemes = page.Document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject();
        Assert.Contains(schemes, s => s.Value.GetProperty("type").GetString() == "apiKey" && s.Value.GetProperty("in").GetString() == "header");
        Assert.Matches(AuthorizeButton(), page.Dom);
    }

    // Swagger UI puts the version badges after the title text, inside the same element.
    [GeneratedRegex(@"<h[12]\b[^>]*\bclass=""title""[^>]*>(?<text>[^<]*)")]
    private static partial Regex Title();

    [GeneratedRegex(@"<button\b[^>]*\bclass=""[^""]*\bauthorize\b[^""]*""[^>]*>\s*<span>Authorize</span>")]
    private static partial Regex AuthorizeButton();
}

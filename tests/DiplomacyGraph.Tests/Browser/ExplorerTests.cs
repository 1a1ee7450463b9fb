using System.Net;
using System.Text.Json;
using DiplomacyGraph.Api.Explore;
using DiplomacyGraph.Tests.Api;
using DiplomacyGraph.Tests.Deployment;
using DiplomacyGraph.Tests.Seed;
using DiplomacyGraph.Tests.Writes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PuppeteerSharp;

namespace DiplomacyGraph.Tests.Browser;

/// <summary>
/// The graph explorer at /explore, driven in headless Chromium as a person uses it: typing, pressing Enter, clicking a
/// search result, then clicking an edge on the Cytoscape.js canvas at the point where it is drawn.
/// </summary>
public sealed class ExplorerTests
{
    private const string EdgeId = "bernie-moreno:PARTICIPATED_IN:white-house-meeting-2026-02-03";

    /// <summary>Where the test run keeps the screenshot (scripts/test.sh clears TestResults/ before each run).</summary>
    public static string ScreenshotPath => Path.Combine(RepositoryFiles.Root, "TestResults", "explorer", "moreno-white-house-meeting-edge.png");

    /// <summary>The same page after picking Moreno and Villavicencio: their shortest path highlighted.</summary>
    public static string PathScreenshotPath => Path.Combine(RepositoryFiles.Root, "TestResults", "explorer", "moreno-villavicencio-path.png");

    private static TimeSpan BrowserTimeout => DiplomacyGraph.Tests.Infrastructure.TestSettings.Browser;

    [Fact]
    public async Task Searching_moreno_and_clicking_his_edge_to_the_White_House_meeting_shows_its_evidence_sentence_and_source()
    {
        Chromium.AssertInstalled();
        var folder = Directory.CreateTempSubdirectory("diplomacygraph-explorer-");
        try
        {
            await using var api = await ApiProcess.StartAsync(Path.Combine(folder.FullName, "graph.db"), apiKey: "explorer-test-key-0123456789abcdef");
            // What the page must show: the edge's evidence as the API serves it.
            using var edge = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/api/relationships/bernie-moreno/PARTICIPATED_IN/white-house-meeting-2026-02-03", UriKind.Relative)));
            var evidence = edge.RootElement.GetProperty("evidence")[0];
            var sentence = evidence.GetProperty("text").GetString()!;
            var sourceId = evidence.GetProperty("sourceId").GetString()!;

            await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = Chromium.Executable,
                Headless = true,
                UserDataDir = Path.Combine(folder.FullName, "chromium-profile"),
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
                DefaultViewport = new ViewPortOptions { Width = 1400, Height = 900 },
                Timeout = (int)BrowserTimeout.TotalMilliseconds,
            });
            await using var page = await browser.NewPageAsync();
            page.DefaultTimeout = (int)BrowserTimeout.TotalMilliseconds;
            var pageErrors = new List<string>();
            page.PageError += (_, e) => pageErrors.Add(e.Message);

            await page.GoToAsync(new Uri(api.Client.BaseAddress!, "/explore").ToString(), WaitUntilNavigation.Load);
            await page.TypeAsync("#search", "moreno");
            await page.Keyboard.PressAsync("Enter");
            var result = await page.WaitForSelectorAsync(".actor-result[data-id='bernie-moreno']");
            await result.ClickAsync();
            await page.WaitForSelectorAsync("body[data-network='bernie-moreno']");

            // The edge's midpoint on the canvas, in page coordinates; the click goes through the browser's input pipeline.
            var point = await page.EvaluateFunctionAsync<double[]>(
                """
                (id) => {
                  const edge = window.explorer.cy.getElementById(id);
                  if (edge.empty()) return null;
                  const mid = edge.renderedMidpoint();
                  const box = window.explorer.cy.container().getBoundingClientRect();
                  return [box.left + mid.x, box.top + mid.y];
                }
                """, EdgeId);
            Assert.True(point is { Length: 2 }, $"The network drawn for bernie-moreno has no edge {EdgeId}. Page errors: {string.Join("; ", pageErrors)}");
            await page.Mouse.ClickAsync((decimal)point[0], (decimal)point[1]);
            await page.WaitForFunctionAsync("(text) => document.getElementById('details').textContent.includes(text)", sentence);

            var details = await page.EvaluateExpressionAsync<string>("document.getElementById('details').innerText");
            Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
            await page.ScreenshotAsync(ScreenshotPath, new ScreenshotOptions { FullPage = true });

            Assert.Contains("Bernie Moreno → PARTICIPATED_IN → Meeting of Gustavo Petro and Donald Trump at the White House", details);
            Assert.Contains(sentence, details);
            Assert.Contains($"Source: {sourceId}", details);

            // Two picked nodes: the shortest path between them is highlighted, hop by hop.
            await ClickNode(page, "bernie-moreno");
            await page.ClickAsync("#path-from-here");
            await ClickNode(page, "rosa-villavicencio");
            await page.ClickAsync("#path-to-here");
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#path-steps > li').length > 0");
            await page.ScreenshotAsync(PathScreenshotPath, new ScreenshotOptions { FullPage = true });
            var highlighted = await page.EvaluateExpressionAsync<string[]>("window.explorer.cy.$('.on-path').map(e => e.id())");
            string[] path = ["bernie-moreno", EdgeId, "white-house-meeting-2026-02-03", "rosa-villavicencio:PARTICIPATED_IN:white-house-meeting-2026-02-03", "rosa-villavicencio"];
            Assert.Equal(path.Order(StringComparer.Ordinal), highlighted.Order(StringComparer.Ordinal));
            Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#path-steps > li').length"));
            Assert.Empty(pageErrors);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Clicks a node on the canvas where it is drawn, and waits for its details.</summary>
    private static async Task ClickNode(IPage page, string id)
    {
        var point = await page.EvaluateFunctionAsync<double[]>(
            """
            (id) => {
              const node = window.explorer.cy.getElementById(id);
              if (node.empty()) return null;
              const at = node.renderedPosition();
              const box = window.explorer.cy.container().getBoundingClientRect();
              return [box.left + at.x, box.top + at.y];
            }
            """, id);
        Assert.True(point is { Length: 2 }, $"The network has no node {id}.");
        await page.Mouse.ClickAsync((decimal)point[0], (decimal)point[1]);
        await page.WaitForFunctionAsync("(id) => window.explorer.cy.getElementById(id).data('name') === document.querySelector('#details h2')?.textContent", id);
    }

    [Fact]
    public async Task The_explorer_page_and_its_scripts_come_from_the_service_itself()
    {
        using var factory = DiplomacyGraphFactory.Embedded();
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync(new Uri("/explore", UriKind.Relative));
        Assert.Contains("<script src=\"explore/cytoscape.min.js\"></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        foreach (var file in new[] { "cytoscape.min.js", "explore.js", "explore.css" })
        {
            using var response = await client.GetAsync(new Uri($"/explore/{file}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/explore/{file}: {(int)response.StatusCode}; was the API built with npm?");
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/explore/appsettings.json", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void The_Dockerfile_build_stage_restores_the_explorer_library_before_publishing()
    {
        var build = DeploymentFiles.LoadDockerfile().Where(i => i.Stage == 0).ToList();
        var installsNpm = build.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("apt-get install", StringComparison.Ordinal) && i.Words().Contains("npm"));
        var restores = build.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("npm ci --prefix src/DiplomacyGraph.Api/Explore", StringComparison.Ordinal));
        var publishes = build.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.True(installsNpm >= 0 && restores > installsNpm && publishes > restores,
            $"The build stage must install npm, then `npm ci --prefix src/DiplomacyGraph.Api/Explore`, then publish (found at {installsNpm}, {restores}, {publishes}).");
        Assert.Contains(build.Take(restores), i => i.Keyword == "COPY" && i.Arguments.Contains("src/DiplomacyGraph.Api/Explore/package-lock.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_Cytoscape_in_the_build_the_explorer_says_how_to_enable_it()
    {
        var built = new ExploreAssets();
        // The same build, less the library: what a build without npm embeds.
        var withoutLibrary = new ExploreAssets(file => file == ExploreAssets.Library ? null : built.Find(file)?.Content);
        using var factory = DiplomacyGraphFactory.Embedded().WithWebHostBuilder(b =>
            b.ConfigureTestServices(services => services.AddSingleton(withoutLibrary)));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/explore", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("install Node.js and npm", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cytoscape.min.js\"></script>", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/explore/cytoscape.min.js", UriKind.Relative))).StatusCode);
    }
}

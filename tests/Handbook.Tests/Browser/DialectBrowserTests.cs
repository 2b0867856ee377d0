using Handbook.Tests.Support;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Handbook.Tests.Browser;

/// <summary>
/// The Markdown dialects fixture (<c>tests/fixtures/dialects</c>: MkDocs, Docusaurus and GitHub call-outs, tabs, Mermaid),
/// built once and driven in Chromium from file://: tabs by mouse and keyboard, folded call-outs, diagrams drawn on screen
/// and their source in print; html-validate and axe over its pages.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class DialectBrowserTests(ChromiumFixture chromium)
{
    private static readonly Lazy<TempProject> Site = new(BuildFixture, LazyThreadSafetyMode.ExecutionAndPublication);

    private static TempProject BuildFixture()
    {
        var project = new TempProject(withConfig: false);
        var fixture = Path.Combine(TempProject.RepositoryRoot(), "tests", "fixtures", "dialects");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(fixture, file).Replace('\\', '/');
            if (relative.StartsWith("content/", StringComparison.Ordinal) || relative == "handbook.yml")
            {
                project.Write(relative, File.ReadAllText(file));
            }
        }

        var result = project.Build(request => request with { Strict = true });
        Assert.True(result.ExitCode == 0, "the dialects fixture must build under --strict: " + string.Join('\n', result.Diagnostics));
        return project;
    }

    private static string Url(string page) => new Uri(Path.Combine(Site.Value.Site, page)).AbsoluteUri;

    [SkippableFact]
    public async Task Tabs_switch_by_click_and_by_arrow_keys()
    {
        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(Url("dialects.html"));
        await page.WaitForSelectorAsync(".tabbed-ready [role=tablist]");
        Assert.Equal(["Python", "C#", "Go"], await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('[role=tab]')].map(t => t.textContent)"));
        Assert.Equal(new[] { true, false, false }, await Visible(page));

        await page.ClickAsync("[role=tab]:nth-child(2)");
        Assert.Equal(new[] { false, true, false }, await Visible(page));
        Assert.Equal("true", await page.EvaluateExpressionAsync<string>("document.querySelectorAll('[role=tab]')[1].getAttribute('aria-selected')"));

        await page.FocusAsync("[role=tab]:nth-child(2)");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal(new[] { false, false, true }, await Visible(page));
        Assert.Equal("Go", await page.EvaluateExpressionAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal(new[] { true, false, false }, await Visible(page));
        await page.Keyboard.PressAsync("End");
        Assert.Equal(new[] { false, false, true }, await Visible(page));
        await page.Keyboard.PressAsync("Home");
        Assert.Equal(new[] { true, false, false }, await Visible(page));
        Assert.Equal("Python", await page.EvaluateExpressionAsync<string>("document.activeElement.textContent"));

        // A panel is labelled by its tab; the Docusaurus page opens on its default tab.
        Assert.Equal("hb-tabs-0-0-tab", await page.EvaluateExpressionAsync<string>("document.querySelector('[role=tabpanel]').getAttribute('aria-labelledby')"));
        await page.GoToAsync(Url("docusaurus.html"));
        await page.WaitForSelectorAsync(".tabbed-ready");
        Assert.Equal(new[] { true, false }, await Visible(page));
    }

    [SkippableFact]
    public async Task Without_javascript_and_in_print_every_tab_shows_with_its_label()
    {
        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.SetJavaScriptEnabledAsync(false);
        await page.GoToAsync(Url("dialects.html"));
        Assert.Equal(new[] { true, true, true }, await Visible(page));
        Assert.Equal(3, await page.EvaluateExpressionAsync<int>("[...document.querySelectorAll('.tabbed-label')].filter(l => l.offsetParent !== null).length"));
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('svg').length"));
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.querySelector('.diagram-source').offsetHeight > 0"));

        await using var printed = await chromium.NewPageAsync();
        await printed.GoToAsync(Url("dialects.html"));
        await printed.WaitForSelectorAsync(".tabbed-ready");
        await printed.EmulateMediaTypeAsync(MediaType.Print);
        Assert.Equal(new[] { true, true, true }, await Visible(printed));
        Assert.Equal(3, await printed.EvaluateExpressionAsync<int>("[...document.querySelectorAll('.tabbed-label')].filter(l => l.offsetParent !== null).length"));
        Assert.Equal("none", await printed.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('.tabbed-tabs')).display"));
    }

    [SkippableFact]
    public async Task Folded_callouts_start_closed_or_open_and_open_on_click()
    {
        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(Url("dialects.html"));
        const string closed = "details.admonition.question";
        const string open = "details.admonition.note";
        Assert.False(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{closed}').open"));
        Assert.False(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{closed} > p:last-child').checkVisibility()"));
        Assert.True(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{open}').open"));
        Assert.True(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{open} > p').checkVisibility()"));
        await page.ClickAsync($"{closed} > summary");
        Assert.True(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{closed}').open"));
        Assert.True(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{closed} > p:last-child').checkVisibility()"));
    }

    [SkippableFact]
    public async Task Mermaid_draws_the_diagram_and_print_shows_its_source()
    {
        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(Url("dialects.html"));
        await page.WaitForSelectorAsync(".diagram-ready .diagram-drawn svg", new WaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("Situation", await page.EvaluateExpressionAsync<string>("document.querySelector('.diagram-drawn svg').textContent"));
        Assert.Equal("none", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('.diagram-source')).display"));

        await page.EmulateMediaTypeAsync(MediaType.Print);
        Assert.Equal("block", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('.diagram-source')).display"));
        Assert.Equal("none", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('.diagram-drawn')).display"));

        // Only pages with a diagram load the renderer.
        Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('script[src$=\"mermaid.min.js\"]').length"));
        Assert.DoesNotContain("mermaid.min.js", Site.Value.Read("docusaurus.html"));
    }

    [SkippableFact]
    public async Task Axe_finds_no_violation_on_the_dialect_pages()
    {
        BrowserEnvironment.RequireChromium();
        BrowserEnvironment.RequireTooling();
        await using var page = await chromium.NewPageAsync();
        var problems = new List<string>();
        foreach (var path in new[] { "dialects.html", "docusaurus.html", "questions.html" })
        {
            await page.GoToAsync(Url(path));
            if (path == "dialects.html")
            {
                await page.WaitForSelectorAsync(".diagram-ready svg", new WaitForSelectorOptions { Timeout = 60_000 });
                await page.ClickAsync("details.admonition.question > summary");
            }

            problems.AddRange((await AccessibilityTests.AxeAsync(page)).Select(p => $"{path}: {p}"));
        }

        Assert.True(problems.Count == 0, $"axe-core violations:\n{string.Join('\n', problems)}");
    }

    [SkippableFact]
    public void Every_page_of_the_dialects_fixture_validates()
    {
        BrowserEnvironment.RequireTooling();
        var pages = Site.Value.OutputFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)).Select(f => Path.Combine(Site.Value.Site, f)).ToList();
        Assert.Contains(pages, p => p.EndsWith("dialects.html", StringComparison.Ordinal));
        HtmlValidateTests.AssertValid(pages);
    }

    private static Task<bool[]> Visible(IPage page) =>
        page.EvaluateExpressionAsync<bool[]>("[...document.querySelector('.tabbed-set').querySelectorAll(':scope > .tabbed-panel')].map(p => p.offsetHeight > 0)");
}

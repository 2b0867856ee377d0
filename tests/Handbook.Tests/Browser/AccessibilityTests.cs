using System.Text.Json;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Handbook.Tests.Browser;

/// <summary>axe-core in Chromium on one page of every page type, in the light and the dark theme, wide and phone-sized.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class AccessibilityTests(ChromiumFixture chromium)
{
    [SkippableFact]
    public async Task Axe_finds_no_violation_on_any_page_type_in_either_theme()
    {
        BrowserEnvironment.RequireChromium();
        BrowserEnvironment.RequireTooling();
        var site = BuiltSite.OfRepository;
        var problems = new List<string>();
        var checkedPages = 0;
        foreach (var scheme in new[] { "light", "dark" })
        {
            await using var page = await chromium.NewPageAsync();
            await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = scheme }]);
            foreach (var (type, path) in site.PageTypes.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                await page.GoToAsync(site.FileUrl(path).AbsoluteUri);
                problems.AddRange((await AxeAsync(page)).Select(p => $"{path} ({type}, {scheme}): {p}"));
                checkedPages++;
            }

            // The search results open (a listbox over the page).
            await page.GoToAsync(site.FileUrl("index.html").AbsoluteUri);
            await page.Keyboard.PressAsync("/");
            await page.Keyboard.TypeAsync(await SiteWalk.SampleQueryAsync(page));
            await page.WaitForSelectorAsync("#hb-search-results:not([hidden]) [role=option]");
            problems.AddRange((await AxeAsync(page)).Select(p => $"index.html (search open, {scheme}): {p}"));

            // Phone width with the menu open: the sidebar drawer and header controls.
            await page.SetViewportAsync(new ViewPortOptions { Width = 360, Height = 740 });
            await page.GoToAsync(site.FileUrl("index.html").AbsoluteUri);
            await page.ClickAsync(".hb-menu-toggle");
            problems.AddRange((await AxeAsync(page)).Select(p => $"index.html (360px, menu open, {scheme}): {p}"));
        }

        Assert.True(checkedPages >= 4, $"only {checkedPages} pages checked");
        Assert.True(problems.Count == 0, $"axe-core violations:\n{string.Join('\n', problems)}");
    }

    /// <summary>Every page of the guides brought from MkDocs and Docusaurus (folder sections, injected H1s, hidden sidebar, stories beside questions).</summary>
    [SkippableFact]
    public async Task Axe_finds_no_violation_on_the_guides_brought_from_MkDocs_and_Docusaurus()
    {
        BrowserEnvironment.RequireChromium();
        BrowserEnvironment.RequireTooling();
        var problems = new List<string>();
        await using var page = await chromium.NewPageAsync();
        foreach (var name in BuiltSite.GuideFixtures)
        {
            var site = BuiltSite.OfFixture(name);
            foreach (var path in site.Pages)
            {
                await page.GoToAsync(site.FileUrl(path).AbsoluteUri);
                problems.AddRange((await AxeAsync(page)).Select(p => $"{name}/{path}: {p}"));
            }
        }

        Assert.True(problems.Count == 0, $"axe-core violations:\n{string.Join('\n', problems)}");
    }

    /// <summary>Injects axe-core and returns one line per violation: rule, impact, help and the first failing elements.</summary>
    public static async Task<IReadOnlyList<string>> AxeAsync(IPage page)
    {
        await page.AddScriptTagAsync(new AddTagOptions { Content = await File.ReadAllTextAsync(BrowserEnvironment.AxeScript) });
        var json = await page.EvaluateExpressionAsync<string>("""
            axe.run(document, { resultTypes: ['violations'] }).then(r => JSON.stringify(r.violations.map(v =>
              `${v.id} [${v.impact}] ${v.help}: ` + v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' ')).join(' | '))))
            """);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}

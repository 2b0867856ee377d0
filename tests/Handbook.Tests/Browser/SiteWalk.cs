using System.Text.Json;
using PuppeteerSharp;

namespace Handbook.Tests.Browser;

/// <summary>Steps shared by the browser tests: following the sidebar, running a search, reading page state.</summary>
public static class SiteWalk
{
    public static string Js(string text) => JsonSerializer.Serialize(text);

    /// <summary>The sidebar's links as absolute URLs, as the browser resolved them.</summary>
    public static async Task<string[]> SidebarLinksAsync(IPage page) =>
        await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#hb-sidebar a')).map(a => a.href)");

    public static async Task<string> HeadingAsync(IPage page) =>
        await page.EvaluateExpressionAsync<string>("(document.querySelector('main h1') || {}).textContent || ''");

    /// <summary>True when handbook.css applied (it defines the theme's custom properties, on pages and printable sheets alike).</summary>
    public static async Task<bool> IsStyledAsync(IPage page) =>
        await page.EvaluateExpressionAsync<bool>("getComputedStyle(document.documentElement).getPropertyValue('--accent').trim().length > 0");

    /// <summary>
    /// Opens <paramref name="start"/>, then every sidebar link in turn: each page must load styled with its h1, mark itself
    /// current, and offer the same sidebar (so relative links work from every depth). Returns the pages visited.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FollowSidebarAsync(IPage page, string start)
    {
        await page.GoToAsync(start);
        var links = await SidebarLinksAsync(page);
        Assert.NotEmpty(links);
        var visited = new List<string>();
        foreach (var link in links.Distinct())
        {
            var response = await page.GoToAsync(link);
            Assert.True(response is null || response.Ok || response.Status == 0, $"{link} answered {response?.Status}");
            Assert.False(string.IsNullOrWhiteSpace(await HeadingAsync(page)), $"{link} has no h1");
            Assert.True(await IsStyledAsync(page), $"{link} loaded without its stylesheet");
            // Printable sheets have a print-first layout without the sidebar; every other page repeats it, marked.
            if (await page.EvaluateExpressionAsync<bool>("!!document.getElementById('hb-sidebar')"))
            {
                var current = await page.EvaluateExpressionAsync<string>("(document.querySelector('#hb-sidebar a[aria-current=page]') || {}).href || ''");
                Assert.Equal(link, current);
                Assert.Equal(links, await SidebarLinksAsync(page));
            }
            else
            {
                Assert.True(await page.EvaluateExpressionAsync<bool>("Array.from(document.querySelectorAll('a[href]')).length > 0"), $"{link} has no way back");
            }

            visited.Add(link);
        }

        return visited;
    }

    /// <summary>
    /// Types <paramref name="query"/> into the header search after pressing '/', asserts results appear with their section,
    /// then presses Enter and asserts the first result's page loads (with its #fragment target when it has one).
    /// </summary>
    public static async Task SearchAndOpenFirstAsync(IPage page, string query)
    {
        await page.EvaluateExpressionAsync("document.activeElement && document.activeElement.blur()");
        await page.Keyboard.PressAsync("/");
        Assert.Equal("hb-search-input", await page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(query);
        await page.WaitForSelectorAsync("#hb-search-results:not([hidden]) [role=option]");
        var count = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#hb-search-results [role=option]').length");
        Assert.True(count > 0, $"no results for '{query}'");
        var first = await page.EvaluateExpressionAsync<string>("document.getElementById('hb-result-0').href");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"() => location.href === {Js(first)} && document.readyState === 'complete'");
        Assert.False(string.IsNullOrWhiteSpace(await HeadingAsync(page)), $"search result {first} has no h1");
        var hash = new Uri(first).Fragment;
        if (hash.Length > 1)
        {
            Assert.True(
                await page.EvaluateExpressionAsync<bool>($"!!document.getElementById(decodeURIComponent({Js(hash[1..])}))"),
                $"search result {first} names a missing element");
        }
    }

    /// <summary>
    /// A word to search that the built guide surely has, taken from the index itself: of the longer words in titles, the
    /// one with the most results (so there are several to move through with the keyboard).
    /// </summary>
    public static async Task<string> SampleQueryAsync(IPage page) =>
        await page.EvaluateExpressionAsync<string>("""
            (() => {
              const words = new Set();
              for (const e of window.HANDBOOK_SEARCH || []) {
                for (const w of e.t.toLowerCase().split(/[^\p{L}\p{N}]+/u)) { if (w.length > 4) { words.add(w); } }
              }
              let best = 'story', most = 0;
              for (const w of [...words].sort()) { const n = HandbookSearch.search(w, 1000).length; if (n > most) { best = w; most = n; } }
              return best;
            })()
            """);
}

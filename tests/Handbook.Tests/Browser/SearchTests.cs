using System.Text.Json;

namespace Handbook.Tests.Browser;

/// <summary>The header search: ranking, what a result shows, and the keyboard.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class SearchTests(ChromiumFixture chromium)
{
    [SkippableFact]
    public async Task Title_matches_rank_before_every_body_match_for_every_title_word()
    {
        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(BuiltSite.OfRepository.FileUrl("index.html").AbsoluteUri);

        // For each word of any entry's title, search it: all results whose title holds the word must come first.
        var report = await page.EvaluateExpressionAsync<string>("""
            (() => {
              const words = new Set();
              for (const e of window.HANDBOOK_SEARCH) {
                for (const w of e.t.toLowerCase().split(/[^\p{L}\p{N}]+/u)) { if (w.length > 3) { words.add(w); } }
              }
              let mixed = 0; const wrong = [];
              for (const w of words) {
                const r = HandbookSearch.search(w, 100000);
                const flags = r.map(x => x.title.toLowerCase().includes(w));
                if (flags.some(f => f) && flags.some(f => !f)) { mixed++; }
                if (flags.lastIndexOf(true) > flags.indexOf(false) && flags.indexOf(false) >= 0) { wrong.push(w); }
                if (r.some(x => x.titleMatch !== x.title.toLowerCase().includes(w))) { wrong.push(w + " (flag)"); }
              }
              return JSON.stringify({ words: words.size, mixed, wrong });
            })()
            """);
        using var json = JsonDocument.Parse(report);
        var wrong = json.RootElement.GetProperty("wrong").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(json.RootElement.GetProperty("words").GetInt32() > 10, report);
        Assert.True(json.RootElement.GetProperty("mixed").GetInt32() > 0, "no word matched both titles and bodies, so ranking was not exercised: " + report);
        Assert.True(wrong.Count == 0, "a body match ranked above a title match for: " + string.Join(", ", wrong));
    }

    [SkippableFact]
    public async Task Every_word_of_a_query_must_match_and_an_exact_title_ranks_first()
    {
        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(BuiltSite.OfRepository.FileUrl("index.html").AbsoluteUri);
        var title = await page.EvaluateExpressionAsync<string>("window.HANDBOOK_SEARCH.map(e => e.t).filter(t => t.split(' ').length >= 3)[0]");
        var first = await page.EvaluateExpressionAsync<string>($"HandbookSearch.search({SiteWalk.Js(title)})[0].title");
        Assert.Equal(title, first);
        Assert.Empty(await page.EvaluateExpressionAsync<JsonElement[]>($"HandbookSearch.search({SiteWalk.Js(title + " zzqxwv")})"));
    }

    [SkippableFact]
    public async Task Keyboard_slash_focuses_arrows_move_escape_closes_enter_opens()
    {
        BrowserEnvironment.RequireChromium();
        var site = BuiltSite.OfRepository;
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(site.FileUrl("index.html").AbsoluteUri);
        var query = await SiteWalk.SampleQueryAsync(page);

        await page.Keyboard.PressAsync("/");
        Assert.Equal("hb-search-input", await page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(query);
        await page.WaitForSelectorAsync("#hb-search-results:not([hidden]) [role=option]");
        Assert.Equal("true", await page.EvaluateExpressionAsync<string>("document.getElementById('hb-search-input').getAttribute('aria-expanded')"));

        // Every result shows where it is (its section), and the query words are marked in the excerpt or title.
        var sections = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#hb-search-results .hb-result-section')).map(s => s.textContent)");
        var options = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#hb-search-results [role=option]').length");
        Assert.Equal(options, sections.Length);
        Assert.All(sections, s => Assert.False(string.IsNullOrWhiteSpace(s)));

        string Selected() => "document.getElementById('hb-search-input').getAttribute('aria-activedescendant')";
        Assert.Equal("hb-result-0", await page.EvaluateExpressionAsync<string>(Selected()));
        if (options > 1)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            Assert.Equal("hb-result-1", await page.EvaluateExpressionAsync<string>(Selected()));
            Assert.Equal("true", await page.EvaluateExpressionAsync<string>("document.getElementById('hb-result-1').getAttribute('aria-selected')"));
            await page.Keyboard.PressAsync("ArrowUp");
            Assert.Equal("hb-result-0", await page.EvaluateExpressionAsync<string>(Selected()));
        }

        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal($"hb-result-{options - 1}", await page.EvaluateExpressionAsync<string>(Selected()));

        await page.Keyboard.PressAsync("Escape");
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.getElementById('hb-search-results').hidden"));
        Assert.Equal("", await page.EvaluateExpressionAsync<string>("document.getElementById('hb-search-input').value"));

        await page.Keyboard.TypeAsync(query);
        await page.WaitForSelectorAsync("#hb-search-results:not([hidden]) [role=option]");
        await page.Keyboard.PressAsync("ArrowDown");
        var second = await page.EvaluateExpressionAsync<string>($"document.getElementById('hb-result-{(options > 1 ? 1 : 0)}').href");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"() => location.href === {SiteWalk.Js(second)} && document.readyState === 'complete'");
        Assert.StartsWith("file://", second, StringComparison.Ordinal);
    }
}

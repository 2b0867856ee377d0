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

        // For each word of any entry's title, search it: all results whose title matched come first, and every title that
        // holds the word itself is among them.
        var report = await page.EvaluateExpressionAsync<string>("""
            (() => {
              const words = new Set();
              for (const e of window.HANDBOOK_SEARCH) {
                for (const w of e.t.toLowerCase().split(/[^\p{L}\p{N}]+/u)) { if (w.length > 3) { words.add(w); } }
              }
              let mixed = 0; const wrong = [];
              for (const w of words) {
                const r = HandbookSearch.search(w, 100000);
                const flags = r.map(x => x.titleMatch);
                if (flags.some(f => f) && flags.some(f => !f)) { mixed++; }
                if (flags.indexOf(false) >= 0 && flags.lastIndexOf(true) > flags.indexOf(false)) { wrong.push(w); }
                if (r.some(x => !x.titleMatch && x.title.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(w))) { wrong.push(w + " (flag)"); }
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

    [SkippableTheory]
    [InlineData("postmortm", "Walk through a postmortem you ran.")]
    [InlineData("debuging", "1. Production debugging")]
    [InlineData("behavioural", "04. Behavioral and Lead")]
    [InlineData("tell me about a time you disagreed", "Tell me about a disagreement|4. Disagreement / pushback")]
    [InlineData("sso", "Turning an unscoped sales promise into a reusable SSO path")]
    [InlineData("mentorng", "5. Mentoring an engineer|Tell me about mentoring someone|Tell me about mentoring someone who got promoted.")]
    public async Task Misspelt_and_conversational_queries_find_the_right_page_first(string query, string expected)
    {
        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(BuiltSite.OfRepository.FileUrl("index.html").AbsoluteUri);
        var titles = await page.EvaluateExpressionAsync<string[]>($"HandbookSearch.search({SiteWalk.Js(query)}, 5).map(r => r.title)");
        Assert.True(titles.Length > 0 && expected.Split('|').Contains(titles[0]), $"'{query}' → [{string.Join(" | ", titles)}]");
    }

    [SkippableFact]
    public async Task Sso_does_not_match_inside_other_words_and_each_place_appears_once()
    {
        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(BuiltSite.OfRepository.FileUrl("index.html").AbsoluteUri);
        var titles = await page.EvaluateExpressionAsync<string[]>("HandbookSearch.search('sso', 100).map(r => r.title)");
        Assert.DoesNotContain(titles, t => t.Contains("esson", StringComparison.OrdinalIgnoreCase));

        // No question or archetype is in the index twice (once as a guide heading, once as itself), and no URL twice.
        var report = await page.EvaluateExpressionAsync<string>("""
            (() => {
              const seen = new Map(); const dup = [];
              for (const e of window.HANDBOOK_SEARCH) {
                for (const key of ["u:" + e.u, "t:" + e.t.toLowerCase().replace(/[?.!]+$/, "")]) {
                  if (seen.has(key)) { dup.push(key + " (" + seen.get(key) + ", " + e.k + ")"); } else { seen.set(key, e.k); }
                }
              }
              return JSON.stringify(dup);
            })()
            """);
        Assert.Equal("[]", report);
    }

    [SkippableFact]
    public async Task The_page_opened_from_a_result_marks_the_matched_words_from_disk()
    {
        BrowserEnvironment.RequireChromium();
        var site = BuiltSite.OfRepository;
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(site.FileUrl("index.html").AbsoluteUri);
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("postmortm");
        await page.WaitForSelectorAsync("#hb-search-results:not([hidden]) [role=option]");
        var href = await page.EvaluateExpressionAsync<string>("document.getElementById('hb-result-0').href");
        Assert.StartsWith("file://", href, StringComparison.Ordinal);
        Assert.Contains("?h=postmortem#", href, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.readyState === 'complete' && location.search.startsWith('?h=')");
        var marks = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('.hb-article mark.hb-hit')).map(m => m.textContent.toLowerCase())");
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.StartsWith("postmortem", m, StringComparison.Ordinal));

        // The snippet in the result list marks the word as the page has it, though the query was misspelt.
        await page.GoToAsync(site.FileUrl("index.html").AbsoluteUri);
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("debuging");
        await page.WaitForSelectorAsync("#hb-search-results:not([hidden]) [role=option]");
        var snippetMarks = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#hb-search-results mark')).map(m => m.textContent.toLowerCase())");
        Assert.Contains(snippetMarks, m => m.StartsWith("debug", StringComparison.Ordinal));
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

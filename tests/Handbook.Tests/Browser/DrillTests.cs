using System.Text.Json;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Handbook.Tests.Browser;

/// <summary>
/// drill.html in Chromium from file://, driven by the keyboard as a user would: the timer, reveal, marks remembered across a
/// reload in a new order, export → clear → import back to the same state, and bad files refused without a change.
/// Every test fails on a console error or an uncaught exception in the page.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class DrillTests(ChromiumFixture chromium)
{
    private const string Key = "JSON.parse(document.getElementById('drill-data').textContent).key";
    private const string Stored = "localStorage.getItem(" + Key + ")";
    private const string Current = "document.getElementById('drill').getAttribute('data-question')";

    [SkippableFact]
    public async Task Timer_reveal_and_marks_work_from_the_keyboard_and_a_reload_remembers_them_in_a_new_order()
    {
        BrowserEnvironment.RequireChromium();
        var (page, errors) = await OpenAsync();
        await using var _ = page;
        var ids = await page.EvaluateExpressionAsync<string[]>("JSON.parse(document.getElementById('drill-data').textContent).questions.map(q => q.id)");
        Assert.Equal(ids[0], await page.EvaluateExpressionAsync<string>(Current));
        Assert.Equal("Question 1 of " + ids.Length, await Text(page, "#drill-position"));

        // Space starts the clock; it runs; Space stops it and it stays stopped.
        Assert.Equal("idle", await TimerState(page));
        await page.Keyboard.PressAsync("Space");
        Assert.Equal("running", await TimerState(page));
        await page.WaitForFunctionAsync("() => document.getElementById('drill-time').textContent !== '0:00'", new WaitForFunctionOptions { Timeout = 5000 });
        await page.Keyboard.PressAsync("Space");
        Assert.Equal("stopped", await TimerState(page));
        var stoppedAt = await Text(page, "#drill-time");
        Assert.Matches(@"^0:0[1-9]$", stoppedAt);
        await Task.Delay(1300);
        Assert.Equal(stoppedAt, await Text(page, "#drill-time"));

        // R reveals the archetype it probes and the story to tell, with the result's numbers emphasised.
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.getElementById('drill-reveal').hidden"));
        await page.Keyboard.PressAsync("r");
        var shown = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#drill-reveal .drill-panel')).filter(p => !p.hidden && p.offsetParent !== null).map(p => p.id)");
        var question = await page.EvaluateExpressionAsync<JsonElement>("JSON.parse(document.getElementById('drill-data').textContent).questions[0]");
        var expected = question.GetProperty("archetypes").EnumerateArray().Select(n => "drill-a-" + n.GetInt32()).ToList();
        expected.Add("drill-s-" + question.GetProperty("story").GetString());
        Assert.Equal(expected.Order(StringComparer.Ordinal), shown.Where(id => !id.StartsWith("drill-ans-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.True(await page.EvaluateExpressionAsync<bool>("Array.from(document.querySelectorAll('.drill-story:not([hidden]) .result strong.num')).length > 0"));
        Assert.Equal("true", await page.EvaluateExpressionAsync<string>("document.getElementById('drill-reveal-button').getAttribute('aria-expanded')"));

        // 1 marks the first "nailed it", 3 the second "missed"; each moves on.
        await page.Keyboard.PressAsync("1");
        Assert.Equal(ids[1], await page.EvaluateExpressionAsync<string>(Current));
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.getElementById('drill-reveal').hidden"), "reveal stays open on the next question");
        Assert.Equal("0:00", await Text(page, "#drill-time"));
        await page.Keyboard.PressAsync("3");
        Assert.Equal(ids[2], await page.EvaluateExpressionAsync<string>(Current));
        Assert.Equal("2", await Text(page, "#drill-practised"));

        // After a reload: the missed question comes first, the nailed one waits at the end, and both marks are remembered.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#drill:not([hidden])");
        Assert.Equal(ids[1], await page.EvaluateExpressionAsync<string>(Current));
        Assert.StartsWith("Last time: missed", await Text(page, "#drill-last"), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal(ids[2], await page.EvaluateExpressionAsync<string>(Current));
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal(ids[0], await page.EvaluateExpressionAsync<string>(Current));
        Assert.StartsWith("Last time: nailed it", await Text(page, "#drill-last"), StringComparison.Ordinal);
        Assert.Equal("2", await Text(page, "#drill-practised"));
        Assert.Equal("1 day", await Text(page, "#drill-streak"));
        Assert.Equal("today", await Text(page, "#drill-last-practised"));
        var stored = JsonDocument.Parse(await page.EvaluateExpressionAsync<string>(Stored)).RootElement;
        Assert.Equal(1, stored.GetProperty("version").GetInt32());
        Assert.Equal("nailed", stored.GetProperty("questions").GetProperty(ids[0]).GetProperty("mark").GetString());
        Assert.Equal("missed", stored.GetProperty("questions").GetProperty(ids[1]).GetProperty("mark").GetString());
        Assert.True(stored.GetProperty("questions").GetProperty(ids[0]).GetProperty("seconds").GetInt32() >= 1);

        // A scope: "shaky or missed" holds just the missed question.
        await page.SelectAsync("#drill-scope", "weak");
        Assert.Equal("Question 1 of 1", await Text(page, "#drill-position"));
        Assert.Equal(ids[1], await page.EvaluateExpressionAsync<string>(Current));

        await ClearAsync(page);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Export_clear_and_import_give_back_the_same_state_and_a_bad_file_changes_nothing()
    {
        BrowserEnvironment.RequireChromium();
        var (page, errors) = await OpenAsync();
        await using var _ = page;
        var folder = Path.Combine(Path.GetTempPath(), "handbook-drill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await page.Keyboard.PressAsync("2");
            await page.Keyboard.PressAsync("f");
            await page.Keyboard.PressAsync("1");
            await page.Keyboard.PressAsync("3");
            var before = await page.EvaluateExpressionAsync<string>(Stored);
            Assert.False(string.IsNullOrEmpty(before));
            Assert.Single(JsonDocument.Parse(before).RootElement.GetProperty("flags").EnumerateArray());

            await page.Client.SendAsync("Page.setDownloadBehavior", new Dictionary<string, object> { ["behavior"] = "allow", ["downloadPath"] = folder });
            await page.ClickAsync("#drill-export");
            var exported = await WaitForFileAsync(folder);
            Assert.EndsWith("-drill-progress.json", exported, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllTextAsync(exported));

            page.Dialog += async (_, e) => await e.Dialog.Accept();
            await page.ClickAsync("#drill-clear");
            await page.WaitForFunctionAsync("() => " + Stored + " === null");
            Assert.Equal("0", await Text(page, "#drill-practised"));

            await UploadAsync(page, exported);
            await page.WaitForFunctionAsync("() => " + Stored + " !== null");
            Assert.Equal(before, await page.EvaluateExpressionAsync<string>(Stored));
            Assert.Equal("3", await Text(page, "#drill-practised"));
            Assert.Contains("Imported 3", await Text(page, "#drill-status"), StringComparison.Ordinal);

            // Corrupted, foreign and tampered files: refused with a message, nothing changed.
            var foreign = before.Replace("\"key\": \"handbook-drill/v1/", "\"key\": \"handbook-drill/v1/other-", StringComparison.Ordinal);
            var tampered = before.Replace("\"mark\": \"", "\"mark\": \"x", StringComparison.Ordinal);
            var bad = new Dictionary<string, string> { ["broken.json"] = "{\"format\": \"handbook-dr", ["foreign.json"] = foreign, ["tampered.json"] = tampered };
            foreach (var (name, text) in bad)
            {
                var path = Path.Combine(folder, name);
                await File.WriteAllTextAsync(path, text);
                await page.EvaluateExpressionAsync("document.getElementById('drill-status').textContent = ''");
                await UploadAsync(page, path);
                await page.WaitForFunctionAsync("() => document.getElementById('drill-status').textContent.startsWith('Not imported')");
                Assert.Contains(name, await Text(page, "#drill-status"), StringComparison.Ordinal);
                Assert.True(await page.EvaluateExpressionAsync<bool>("document.getElementById('drill-status').classList.contains('drill-error')"));
                Assert.Equal(before, await page.EvaluateExpressionAsync<string>(Stored));
                Assert.Equal("3", await Text(page, "#drill-practised"));
            }

            Assert.Contains("another handbook", await ImportMessageAsync(page, folder, "foreign.json"), StringComparison.Ordinal);
            await ClearAsync(page);
            Assert.Empty(errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task The_drill_respects_reduced_motion_fits_a_phone_and_is_accessible_with_reveal_open()
    {
        BrowserEnvironment.RequireChromium();
        BrowserEnvironment.RequireTooling();
        var (page, errors) = await OpenAsync(360, 740);
        await using var _ = page;
        Assert.NotEqual("0s", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.getElementById('drill-bar-fill')).transitionDuration"));
        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersReducedMotion, Value = "reduce" }]);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#drill:not([hidden])");
        Assert.Equal("0s", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.getElementById('drill-bar-fill')).transitionDuration"));

        await page.Keyboard.PressAsync("r");
        Assert.True(await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth - window.innerWidth") <= 0, "the drill scrolls sideways at 360px");
        // axe-core's own requests (for the stylesheets) fail on file:// and log errors of their own, some only after axe has
        // answered: the page's errors are counted before it, and the buttons are tried on the page loaded again without it.
        Assert.Empty(errors);
        Assert.Empty(await AccessibilityTests.AxeAsync(page));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#drill:not([hidden])");
        errors.Clear();

        // The buttons work by touch too, for phones without a keyboard.
        await page.ClickAsync("#drill-start");
        Assert.Equal("running", await TimerState(page));
        await page.ClickAsync("#drill-start");
        Assert.Equal("stopped", await TimerState(page));
        var first = await page.EvaluateExpressionAsync<string>(Current);
        await page.ClickAsync(".drill-mark[data-mark=shaky]");
        Assert.NotEqual(first, await page.EvaluateExpressionAsync<string>(Current));
        await ClearAsync(page);
        Assert.Empty(errors);
    }

    /// <summary>Opens the repository's drill page with no stored progress, collecting console errors and page exceptions.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenAsync(int width = 1280, int height = 900)
    {
        var page = await chromium.NewPageAsync(width, height);
        var errors = new List<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                errors.Add(e.Message.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e.Message);
        await page.GoToAsync(BuiltSite.OfRepository.FileUrl("drill.html").AbsoluteUri);
        await ClearAsync(page);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#drill:not([hidden])");
        return (page, errors);
    }

    private static async Task ClearAsync(IPage page) => await page.EvaluateExpressionAsync("localStorage.removeItem(" + Key + ")");

    private static async Task<string> Text(IPage page, string selector) =>
        await page.EvaluateExpressionAsync<string>($"document.querySelector({SiteWalk.Js(selector)}).textContent");

    private static async Task<string> TimerState(IPage page) =>
        await page.EvaluateExpressionAsync<string>("document.getElementById('drill-timer').getAttribute('data-state')");

    private static async Task UploadAsync(IPage page, string path)
    {
        var input = await page.QuerySelectorAsync("#drill-import");
        await input.UploadFileAsync(path);
    }

    private static async Task<string> ImportMessageAsync(IPage page, string folder, string name)
    {
        await page.EvaluateExpressionAsync("document.getElementById('drill-status').textContent = ''");
        await UploadAsync(page, Path.Combine(folder, name));
        await page.WaitForFunctionAsync("() => document.getElementById('drill-status').textContent.length > 0");
        return await Text(page, "#drill-status");
    }

    private static async Task<string> WaitForFileAsync(string folder)
    {
        for (var i = 0; i < 100; i++)
        {
            var done = Directory.GetFiles(folder).Where(f => !f.EndsWith(".crdownload", StringComparison.Ordinal)).ToList();
            if (done.Count > 0)
            {
                return done[0];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the export did not download within 10 s");
    }
}

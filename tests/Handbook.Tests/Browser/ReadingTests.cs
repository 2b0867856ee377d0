using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Handbook.Tests.Browser;

/// <summary>Themes, the phone layout, and screenshots of every page type to look at.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ReadingTests(ChromiumFixture chromium)
{
    private const string Background = "getComputedStyle(document.body).backgroundColor";

    [SkippableFact]
    public async Task Theme_follows_the_system_and_the_toggle_choice_is_remembered()
    {
        BrowserEnvironment.RequireChromium();
        var url = BuiltSite.OfRepository.FileUrl("index.html").AbsoluteUri;
        await using var page = await chromium.NewPageAsync();
        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = "dark" }]);
        await page.GoToAsync(url);
        await page.EvaluateExpressionAsync("localStorage.removeItem('hb-theme')");
        await page.ReloadAsync();
        var dark = await page.EvaluateExpressionAsync<string>(Background);
        Assert.Equal("true", await page.EvaluateExpressionAsync<string>("document.querySelector('.hb-theme-toggle').getAttribute('aria-pressed')"));

        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = "light" }]);
        var light = await page.EvaluateExpressionAsync<string>(Background);
        Assert.NotEqual(dark, light);

        // Choose dark with the toggle while the system says light; the choice survives a reload and other pages.
        await page.ClickAsync(".hb-theme-toggle");
        Assert.Equal(dark, await page.EvaluateExpressionAsync<string>(Background));
        Assert.Equal("dark", await page.EvaluateExpressionAsync<string>("localStorage.getItem('hb-theme')"));
        await page.ReloadAsync();
        Assert.Equal(dark, await page.EvaluateExpressionAsync<string>(Background));
        Assert.Equal("dark", await page.EvaluateExpressionAsync<string>("document.documentElement.getAttribute('data-theme')"));

        await page.ClickAsync(".hb-theme-toggle");
        Assert.Equal(light, await page.EvaluateExpressionAsync<string>(Background));
        await page.EvaluateExpressionAsync("localStorage.removeItem('hb-theme')");
    }

    [SkippableFact]
    public async Task At_360px_no_page_scrolls_sideways_and_the_sidebar_opens_behind_the_menu_button()
    {
        BrowserEnvironment.RequireChromium();
        var site = BuiltSite.OfRepository;
        await using var page = await chromium.NewPageAsync(360, 740);
        foreach (var path in site.PageTypes.Values)
        {
            await page.GoToAsync(site.FileUrl(path).AbsoluteUri);
            var overflow = await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 360px screen");
        }

        await page.GoToAsync(site.FileUrl("index.html").AbsoluteUri);
        Assert.False(await Visible(page, "#hb-sidebar"));
        Assert.True(await Visible(page, ".hb-menu-toggle"));
        await page.ClickAsync(".hb-menu-toggle");
        Assert.True(await Visible(page, "#hb-sidebar"));
        Assert.Equal("true", await page.EvaluateExpressionAsync<string>("document.querySelector('.hb-menu-toggle').getAttribute('aria-expanded')"));

        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        await page.ReloadAsync();
        Assert.True(await Visible(page, "#hb-sidebar"));
        Assert.False(await Visible(page, ".hb-menu-toggle"));
    }

    [SkippableFact]
    public async Task Focus_is_visible_and_fonts_are_the_system_stack()
    {
        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(BuiltSite.OfRepository.FileUrl("index.html").AbsoluteUri);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateExpressionAsync<string>("document.activeElement.className"));
        Assert.True(await Visible(page, ".skip-link:focus"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateExpressionAsync<string>("getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).outlineWidth");
        Assert.StartsWith("solid", outline, StringComparison.Ordinal);
        Assert.StartsWith("system-ui", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.body).fontFamily"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Screenshots_of_every_page_type_wide_and_phone_in_both_themes()
    {
        BrowserEnvironment.RequireChromium();
        var site = BuiltSite.OfRepository;
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var scheme in new[] { "light", "dark" })
        {
            foreach (var width in new[] { 1280, 360 })
            {
                await using var page = await chromium.NewPageAsync(width, width == 360 ? 740 : 900);
                await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = scheme }]);
                foreach (var (type, path) in site.PageTypes)
                {
                    await page.GoToAsync(site.FileUrl(path).AbsoluteUri);
                    var file = Path.Combine(folder, $"{type.Replace('/', '_').Replace('*', 'x')}-{width}-{scheme}.png");
                    await page.ScreenshotAsync(file);
                    Assert.True(new FileInfo(file).Length > 1000, file);
                }

                // The search results open over the home page.
                await page.GoToAsync(site.FileUrl("index.html").AbsoluteUri);
                await page.Keyboard.PressAsync("/");
                await page.Keyboard.TypeAsync(await SiteWalk.SampleQueryAsync(page));
                await page.WaitForSelectorAsync("#hb-search-results:not([hidden]) [role=option]");
                await page.ScreenshotAsync(Path.Combine(folder, $"search-{width}-{scheme}.png"));
            }
        }
    }

    private static Task<bool> Visible(IPage page, string selector) => page.EvaluateExpressionAsync<bool>(
        $"(() => {{ const e = document.querySelector({SiteWalk.Js(selector)}); if (!e) return false; const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.bottom > 0 && getComputedStyle(e).visibility !== 'hidden'; }})()");
}

using PuppeteerSharp;

namespace Handbook.Tests.Browser;

/// <summary>
/// One headless Chromium shared by every browser test (starting one costs about a second), launched from Debian's binary
/// with a fresh profile in a temporary folder. When Chromium is missing the fixture stays empty and each test skips or
/// fails through <see cref="BrowserEnvironment.RequireChromium"/>.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private readonly string profile = Path.Combine(Path.GetTempPath(), "handbook-chromium", Guid.NewGuid().ToString("N"));
    private IBrowser? browser;

    public static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The shared browser; call after <see cref="BrowserEnvironment.RequireChromium"/>.</summary>
    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium was not started: " + BrowserEnvironment.MissingChromium());

    public async Task InitializeAsync()
    {
        if (BrowserEnvironment.MissingChromium() is not null)
        {
            return;
        }

        Directory.CreateDirectory(profile);
        browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = [.. Arguments, "--user-data-dir=" + profile],
            Timeout = 60_000,
        });
    }

    /// <summary>A new tab; dispose it when done. Tabs share the profile, so tests that store a theme clear it.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var page = await Browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        page.DefaultTimeout = 20_000;
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }

        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}

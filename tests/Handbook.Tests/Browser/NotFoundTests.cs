using PuppeteerSharp;

namespace Handbook.Tests.Browser;

/// <summary>
/// 404.html is served at the missing URL's own depth (GitHub Pages does this): its stylesheet, scripts, navigation and
/// search must still resolve, with a configured base URL, under a project subpath on *.github.io, and at a domain root.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class NotFoundTests(ChromiumFixture chromium)
{
    [SkippableFact]
    public async Task With_a_base_url_a_deep_missing_url_under_a_subpath_gets_a_working_404()
    {
        BrowserEnvironment.RequireChromium();
        var port = StaticSiteServer.FreePort();
        var root = $"http://127.0.0.1:{port}/repo/";
        var site = BuiltSite.Build(root);
        await using var server = new StaticSiteServer(site.Folder, "/repo/", port);
        await using var page = await chromium.NewPageAsync();
        var requests = await PageRequests.TrackAsync(page);

        var response = await page.GoToAsync(root + "guide/old/deep/missing-page.html");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.Status);
        await AssertWorkingNotFoundAsync(page, root, url => Fetch(server, url));
        requests.AssertOnlyLocal();
    }

    [SkippableFact]
    public async Task Without_a_base_url_a_github_io_project_site_404_finds_its_root_from_the_address()
    {
        BrowserEnvironment.RequireChromium();
        var site = BuiltSite.OfRepository;
        const string root = "https://handbook-test.github.io/repo/";
        await using var page = await chromium.NewPageAsync();

        // GitHub Pages, emulated in-process: the request never leaves the browser.
        var requests = await PageRequests.TrackAsync(page, url => url.StartsWith(root, StringComparison.Ordinal) || url.StartsWith("https://handbook-test.github.io/", StringComparison.Ordinal)
            ? PagesResponse(site.Folder, url, root)
            : null);
        var response = await page.GoToAsync(root + "a/b/c/missing.html");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.Status);
        await AssertWorkingNotFoundAsync(page, root, url => PagesResponse(site.Folder, url, root).Status == System.Net.HttpStatusCode.OK);
        requests.AssertOnlyLocal("https://handbook-test.github.io/");
    }

    [SkippableFact]
    public async Task Without_a_base_url_a_site_at_the_domain_root_404_uses_the_root()
    {
        BrowserEnvironment.RequireChromium();
        var site = BuiltSite.OfRepository;
        await using var server = new StaticSiteServer(site.Folder, "/");
        await using var page = await chromium.NewPageAsync();
        var requests = await PageRequests.TrackAsync(page);

        var response = await page.GoToAsync(server.Root + "deep/er/missing.html");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.Status);
        await AssertWorkingNotFoundAsync(page, server.Root, url => Fetch(server, url));
        requests.AssertOnlyLocal();
    }

    private static async Task AssertWorkingNotFoundAsync(IPage page, string root, Func<string, bool> exists)
    {
        Assert.Equal("Page not found", await SiteWalk.HeadingAsync(page));
        Assert.True(await SiteWalk.IsStyledAsync(page), "the 404 page loaded without its stylesheet");
        Assert.True(await page.EvaluateExpressionAsync<bool>("!!window.HANDBOOK_SEARCH && !!window.HandbookSearch"), "the 404 page's scripts did not load");

        var links = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)");
        var internalLinks = links.Where(l => !l.Contains('#', StringComparison.Ordinal) || !l.StartsWith(root + "#", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(await SiteWalk.SidebarLinksAsync(page));
        foreach (var link in internalLinks)
        {
            Assert.StartsWith(root, link, StringComparison.Ordinal);
            Assert.True(exists(link.Split('#')[0]), $"the 404 page links to {link}, which does not exist");
        }

        // The home link, followed, lands on the real home page.
        await page.ClickAsync(".hb-home-link");
        await page.WaitForFunctionAsync($"() => location.href === {SiteWalk.Js(root + "index.html")} && document.readyState === 'complete'");
        Assert.True(await SiteWalk.IsStyledAsync(page));
    }

    private static bool Fetch(StaticSiteServer server, string url)
    {
        using var client = new HttpClient();
        using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, url));
        return response.IsSuccessStatusCode;
    }

    private static ResponseData PagesResponse(string folder, string url, string root)
    {
        var path = new Uri(url).AbsolutePath;
        var prefix = new Uri(root).AbsolutePath;
        if (path.StartsWith(prefix, StringComparison.Ordinal))
        {
            var relative = path[prefix.Length..];
            var file = Path.Combine(folder, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative);
            if (!relative.Contains("..", StringComparison.Ordinal) && File.Exists(file))
            {
                return new ResponseData { Status = System.Net.HttpStatusCode.OK, ContentType = StaticSiteServer.ContentType(file), BodyData = File.ReadAllBytes(file) };
            }
        }

        return new ResponseData { Status = System.Net.HttpStatusCode.NotFound, ContentType = "text/html; charset=utf-8", BodyData = File.ReadAllBytes(Path.Combine(folder, "404.html")) };
    }
}

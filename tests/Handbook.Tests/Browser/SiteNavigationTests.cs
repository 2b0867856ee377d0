namespace Handbook.Tests.Browser;

/// <summary>The built site works opened from disk and served under a project subpath, and never calls another host.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class SiteNavigationTests(ChromiumFixture chromium)
{
    [SkippableFact]
    public async Task From_file_every_sidebar_link_loads_and_search_finds_and_opens_a_result()
    {
        BrowserEnvironment.RequireChromium();
        var site = BuiltSite.OfRepository;
        await using var page = await chromium.NewPageAsync();
        var requests = await PageRequests.TrackAsync(page);

        var visited = await SiteWalk.FollowSidebarAsync(page, site.FileUrl("index.html").AbsoluteUri);
        Assert.All(visited, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));

        await page.GoToAsync(site.FileUrl("index.html").AbsoluteUri);
        await SiteWalk.SearchAndOpenFirstAsync(page, await SiteWalk.SampleQueryAsync(page));
        requests.AssertOnlyLocal();
        Assert.Contains(requests.Urls, u => u.EndsWith("/search-index.js", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Under_a_subpath_every_sidebar_link_loads_and_search_works_from_a_nested_page()
    {
        BrowserEnvironment.RequireChromium();
        var site = BuiltSite.OfRepository;
        await using var server = new StaticSiteServer(site.Folder, "/repo/");
        await using var page = await chromium.NewPageAsync();
        var requests = await PageRequests.TrackAsync(page);

        var visited = await SiteWalk.FollowSidebarAsync(page, server.Root);
        Assert.All(visited, url => Assert.StartsWith(server.Root, url, StringComparison.Ordinal));

        // Search from the deepest page there is, so the result links must climb back to the root.
        var deepest = site.Pages.Where(p => p != "404.html").OrderByDescending(p => p.Count(c => c == '/')).ThenBy(p => p, StringComparer.Ordinal).First();
        await page.GoToAsync(server.Root + deepest);
        await SiteWalk.SearchAndOpenFirstAsync(page, await SiteWalk.SampleQueryAsync(page));

        requests.AssertOnlyLocal();
        var failed = server.Requests.Where(r => r.Status != 200).ToList();
        Assert.True(failed.Count == 0, "requests that failed: " + string.Join(", ", failed));
    }
}

using System.Globalization;
using Handbook.Tests.Support;

namespace Handbook.Tests.Browser;

/// <summary>The sidebar of a large guide (its own folder opened, one link per other folder) validates and passes axe-core, from file://.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class PrunedNavigationTests(ChromiumFixture chromium)
{
    private static TempProject LargeGuide()
    {
        var project = new TempProject(new Dictionary<string, string> { ["content/index.md"] = "# Home\n\nThe guide.\n" });
        for (var folder = 1; folder <= 5; folder++)
        {
            for (var page = 1; page <= 25; page++)
            {
                project.Write(
                    string.Create(CultureInfo.InvariantCulture, $"content/part-{folder}/page-{page:D2}.md"),
                    string.Create(CultureInfo.InvariantCulture, $"---\norder: {page}\n---\n# Part {folder} page {page}\n\n## Notes\n\nText.\n"));
            }
        }

        return project;
    }

    [SkippableFact]
    public async Task The_pruned_sidebar_validates_and_passes_axe()
    {
        BrowserEnvironment.RequireTooling();
        using var project = LargeGuide();
        Assert.True(project.Build().Succeeded);
        HtmlValidateTests.AssertValid([Path.Combine(project.Site, "index.html"), Path.Combine(project.Site, "part-2", "page-01.html")]);

        BrowserEnvironment.RequireChromium();
        await using var page = await chromium.NewPageAsync();
        await page.GoToAsync(new Uri(Path.Combine(project.Site, "part-2", "page-03.html")).AbsoluteUri);
        var problems = await AccessibilityTests.AxeAsync(page);
        Assert.True(problems.Count == 0, $"axe-core violations:\n{string.Join('\n', problems)}");

        // Without JavaScript the open folder's chapters are links, and another folder is one link away.
        var sidebar = project.Page("part-2/page-03.html").QuerySelector("#hb-sidebar")!;
        Assert.Equal(25, sidebar.QuerySelectorAll(".hb-nav-folder li a").Length);
        Assert.NotNull(sidebar.QuerySelector("a[href='../part-4/page-01.html']"));
    }
}

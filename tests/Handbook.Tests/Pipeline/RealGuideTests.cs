using Handbook.Tests.Support;

namespace Handbook.Tests.Pipeline;

/// <summary>The repository's own handbook, built end to end and read back as HTML.</summary>
public sealed class RealGuideTests
{
    private static RepositoryBuild Built => RepositoryBuild.WithStories;

    [Fact]
    public void Builds_without_errors()
    {
        Assert.True(Built.Result.Succeeded, string.Join("\n", Built.Result.Diagnostics));
        Assert.Equal(0, Built.Result.Errors);
    }

    [Fact]
    public void Chapter_headings_have_python_markdown_ids()
    {
        var page = Built.Project.Page("04-behavioral-and-lead.html");
        var h1 = Assert.Single(page.QuerySelectorAll("article h1"));
        Assert.Equal("04-behavioral-and-lead", h1.Id);
        Assert.NotNull(page.GetElementById("2-ambiguity-01"));
        Assert.NotNull(page.GetElementById("question-archetype-retrieval"));
        Assert.NotNull(page.GetElementById("delivery-rules"));
        Assert.Equal("H3", page.GetElementById("1-production-debugging")!.TagName);
        Assert.Equal(10, page.QuerySelectorAll("article h3[id^='1'], article h3[id^='2-'], article h3[id^='3-'], article h3[id^='4-'], article h3[id^='5-'], article h3[id^='6-'], article h3[id^='7-'], article h3[id^='8-'], article h3[id^='9-']").Length);
    }

    [Fact]
    public void Retrieval_table_is_a_table_with_nine_rows()
    {
        var page = Built.Project.Page("04-behavioral-and-lead.html");
        var table = Assert.Single(page.QuerySelectorAll("article table"));
        Assert.Equal(9, table.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(["Question", "Best archetype"], table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public void Bullets_are_lists()
    {
        var page = Built.Project.Page("04-behavioral-and-lead.html");
        var delivery = page.GetElementById("delivery-rules")!;
        var list = delivery.NextElementSibling!;
        Assert.Equal("UL", list.TagName);
        Assert.Equal(6, list.Children.Length);
        Assert.True(page.QuerySelectorAll("article ul").Length >= 30);
    }

    [Fact]
    public void Navigation_and_pager_point_at_files_that_exist()
    {
        var page = Built.Project.Page("04-behavioral-and-lead.html");
        var navLinks = page.QuerySelectorAll("nav.hb-sidebar a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("index.html", navLinks);
        Assert.Contains("04-behavioral-and-lead.html", navLinks);
        Assert.Equal("page", page.QuerySelector("nav.hb-sidebar a[href='04-behavioral-and-lead.html']")!.GetAttribute("aria-current"));
        Assert.Equal("index.html", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        foreach (var href in navLinks)
        {
            Assert.True(Built.Project.Exists(href.Split('#')[0]), $"nav link {href} has no file");
        }

        var index = Built.Project.Page("index.html");
        Assert.Equal("04-behavioral-and-lead.html", index.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public void Table_of_contents_lists_sections()
    {
        var page = Built.Project.Page("04-behavioral-and-lead.html");
        var toc = page.QuerySelectorAll("nav.hb-toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#star-archetypes-to-prepare", toc);
        Assert.Contains("#anti-patterns", toc);
    }

    [Fact]
    public void Headings_have_permalinks()
    {
        var page = Built.Project.Page("04-behavioral-and-lead.html");
        var permalink = page.GetElementById("delivery-rules")!.QuerySelector("a.headerlink")!;
        Assert.Equal("#delivery-rules", permalink.GetAttribute("href"));
    }
}

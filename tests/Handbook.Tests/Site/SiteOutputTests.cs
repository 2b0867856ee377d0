using Handbook.Diagnostics;
using Handbook.Tests.Support;

namespace Handbook.Tests.Site;

/// <summary>The static-site files around the pages: 404.html, sitemap, .nojekyll, and what the search index may hold.</summary>
public sealed class SiteOutputTests
{
    private const string PrivateStory = """
        title: Zanzibar quokka secret reorg
        archetypes: [1]
        visibility: private
        situation: A confidential reorganisation nobody may read about, codeword quokkazanzibar.
        task: I had to keep it private.
        actions:
          - I kept it out of the published handbook.
        result: Nothing leaked, 100% of the time.
        """;

    [Fact]
    public void The_404_page_gets_the_configured_base_url_before_any_relative_url()
    {
        using var project = TempProject.CopyOfRepository(withStories: false);
        Assert.Equal(0, project.Build(r => r with { BaseUrl = "https://someone.github.io/handbook/" }).ExitCode);
        var head = project.Page("404.html").Head!;
        var first = head.Children.First(e => e.LocalName is "base" or "link" or "script");
        Assert.Equal("base", first.LocalName);
        Assert.Equal("https://someone.github.io/handbook/", first.GetAttribute("href"));
        Assert.Equal("noindex", head.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Null(head.QuerySelector("link[rel=canonical]"));
        Assert.DoesNotContain("404.html", project.Read("sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_base_url_the_404_page_sets_its_base_from_a_head_script_before_any_relative_url()
    {
        using var project = TempProject.CopyOfRepository(withStories: false);
        Assert.Equal(0, project.Build().ExitCode);
        var head = project.Page("404.html").Head!;
        var first = head.Children.First(e => e.LocalName is "base" or "link" or "script");
        Assert.Equal("script", first.LocalName);
        Assert.Contains("github\\.io", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("createElement(\"base\")", first.TextContent, StringComparison.Ordinal);
        Assert.Null(project.Page("index.html").Head!.QuerySelector("base"));
    }

    [Fact]
    public void Sitemap_and_canonical_links_are_absolute_only_when_a_base_url_is_set()
    {
        using var project = TempProject.CopyOfRepository(withStories: false);
        Assert.Equal(0, project.Build().ExitCode);
        Assert.False(project.Exists("sitemap.xml"));
        Assert.True(project.Exists(".nojekyll"));
        Assert.True(project.Exists("assets/favicon.svg"));
        Assert.Null(project.Page("index.html").QuerySelector("link[rel=canonical]"));

        Assert.Equal(0, project.Build(r => r with { BaseUrl = "https://someone.github.io/handbook/" }).ExitCode);
        var sitemap = project.Read("sitemap.xml");
        var locs = System.Text.RegularExpressions.Regex.Matches(sitemap, "<loc>([^<]*)</loc>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(locs);
        Assert.All(locs, l => Assert.StartsWith("https://someone.github.io/handbook/", l, StringComparison.Ordinal));
        Assert.Contains("https://someone.github.io/handbook/", locs);
        Assert.Equal(
            "https://someone.github.io/handbook/04-behavioral-and-lead.html",
            project.Page("04-behavioral-and-lead.html").QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_private_story_reaches_the_search_index_only_when_published_with_include_private(bool includePrivate)
    {
        using var project = TempProject.CopyOfRepository();
        project.Write("content/stories/zz-private.yml", PrivateStory);
        var result = project.Build(r => r with { IncludePrivate = includePrivate, Force = true });
        Assert.True(result.ExitCode == 0, string.Join('\n', result.Diagnostics));
        var index = project.Read("search-index.js");
        Assert.Equal(includePrivate, index.Contains("quokka", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(includePrivate, index.Contains("story-zz-private", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "search-private-story");
    }

    [Fact]
    public void The_search_index_has_guide_sections_with_their_place_and_every_entry_resolves()
    {
        using var project = TempProject.CopyOfRepository(withStories: false);
        var result = project.Build();
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("search-", StringComparison.Ordinal));
        var index = project.Read("search-index.js");
        Assert.StartsWith("window.HANDBOOK_SEARCH = [", index, StringComparison.Ordinal);
        // An archetype heading is one entry, the archetype's own (not a guide section too); a paragraph right under a heading is searchable.
        Assert.DoesNotContain("\"s\":\"04. Behavioral and Lead › STAR archetypes to prepare\"", index, StringComparison.Ordinal);
        Assert.Contains("\"t\":\"1. Production debugging\",\"s\":\"Archetype\"", index, StringComparison.Ordinal);
        Assert.Contains("\"s\":\"04. Behavioral and Lead\"", index, StringComparison.Ordinal);
        Assert.Contains("Behavioral rounds reward specific", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_validate_heading_rule_holds_the_sidebar_uses_labels_not_headings()
    {
        using var project = TempProject.CopyOfRepository(withStories: false);
        Assert.Equal(0, project.Build().ExitCode);
        var page = project.Page("04-behavioral-and-lead.html");
        var firstHeading = page.QuerySelector("h1, h2, h3, h4, h5, h6");
        Assert.Equal("H1", firstHeading?.TagName);
        Assert.Empty(page.QuerySelectorAll("#hb-sidebar h1, #hb-sidebar h2, #hb-sidebar h3"));
        Assert.Equal(0, project.Build().Diagnostics.Count(d => d.Severity == Severity.Error));
    }
}

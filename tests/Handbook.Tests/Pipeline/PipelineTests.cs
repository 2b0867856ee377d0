using Handbook.Tests.Support;

namespace Handbook.Tests.Pipeline;

public sealed class PipelineTests
{
    [Fact]
    public void Front_matter_sets_title_and_order_and_orders_navigation()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n",
            ["content/b.md"] = "---\ntitle: Second\norder: 2\n---\n# B heading\n",
            ["content/a.md"] = "---\ntitle: Third\norder: 3\n---\n# A heading\n",
            ["content/c.md"] = "---\norder: 1\n---\n# First by order\n",
            ["content/d.md"] = "# Unordered comes last\n",
        });
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var nav = project.Page("index.html").QuerySelectorAll("nav.hb-sidebar .hb-nav-section:first-child a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Home", "First by order", "Second", "Third", "Unordered comes last"], nav);
        Assert.Equal("Second · Test handbook", project.Page("b.html").Title);
    }

    [Fact]
    public void Front_matter_errors_point_at_their_line()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "---\ntitle: Home\norder: first\ncolour: red\n---\n# Home\n",
        });
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.ToString() == "content/index.md:3:8: error front-matter-type: 'order' must be a number, not 'first'");
        Assert.Contains(result.Diagnostics, d => d.Code == "front-matter-unknown-key" && d.Severity == Handbook.Diagnostics.Severity.Warning && d.Location.Line == 4 && d.Location.Column == 1);
    }

    [Fact]
    public void Project_template_overrides_the_built_in_one()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n\nHello.\n",
            ["templates/chapter.html"] = "<div class=\"custom-chapter\">{{ body }}</div>\n",
        });
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = project.Page("index.html");
        Assert.NotNull(page.QuerySelector("article .custom-chapter h1"));
        Assert.NotNull(page.QuerySelector("nav.hb-sidebar"));
    }

    [Fact]
    public void Template_syntax_errors_name_the_file_and_line()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n",
            ["templates/chapter.html"] = "<div>\n{{ if }}\n",
        });
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Code == "template-syntax" && d.Location.Path == "templates/chapter.html" && d.Location.Line == 2);
    }

    [Fact]
    public void Titles_are_escaped_as_text()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["handbook.yml"] = "title: \"<script>alert(1)</script> & co\"\n",
            ["content/index.md"] = "---\ntitle: \"<script>alert(2)</script>\"\n---\n# Home\n",
        });
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = project.Page("index.html");
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Equal("<script>alert(1)</script> & co", page.QuerySelector(".hb-site-title")!.TextContent);
        Assert.Contains("&lt;script&gt;alert(1)", project.Read("index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: T\ncolour: red\n", "handbook.yml:2:1: error config-unknown-key: unknown key 'colour'; known keys: title, description, base_url, author, language, link_check, content_dir, audience, repo_url, edit_uri, last_updated")]
    [InlineData("title: T\ndescripton: x\n", "handbook.yml:2:1: error config-unknown-key: unknown key 'descripton'; did you mean 'description'?")]
    [InlineData("title: T\nbase_url: not a url\n", "handbook.yml:2:11: error config-base-url: 'base_url' must be an absolute http(s) URL such as https://user.github.io/repo/, not 'not a url'")]
    [InlineData("title: [a, b]\n", "handbook.yml:1:8: error config-type: 'title' must be text, not a list")]
    [InlineData("title: T\nlink_check: maybe\n", "handbook.yml:2:13: error config-link-check: 'link_check' must be 'error' or 'warn', not 'maybe'")]
    [InlineData("title: \"unclosed\n", "handbook.yml:1:8: error yaml-syntax: YAML syntax error: while scanning a quoted scalar, found unexpected end of stream")]
    public void Config_errors_have_lines(string config, string expected)
    {
        using var project = new TempProject(new Dictionary<string, string> { ["handbook.yml"] = config, ["content/index.md"] = "# Home\n" });
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Missing_config_and_content_are_reported_together()
    {
        using var project = new TempProject(withConfig: false);
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["config-missing", "content-missing"], result.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Markdown_links_between_content_files_are_rewritten_and_broken_ones_reported_at_their_line()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n\nSee [rules](guide.md#rules) and [gone](missing.md).\n\nAnd [bad](guide.md#nope).\n",
            ["content/guide.md"] = "# Guide\n\n## Rules\n",
        });
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["content/index.md:3:33: error link-broken: broken link 'missing.md': there is no content file 'content/missing.md'",
             "content/index.md:5:5: error link-broken: broken link 'guide.md#nope': content/guide.md has no heading with id 'nope'"],
            result.Diagnostics.Select(d => d.ToString()));

        project.Write("content/index.md", "# Home\n\nSee [rules](guide.md#rules).\n");
        Assert.True(project.Build().Succeeded);
        Assert.Equal("guide.html#rules", project.Page("index.html").QuerySelector("article a[href^='guide']")!.GetAttribute("href"));
    }

    [Fact]
    public void Link_check_warn_mode_turns_broken_links_into_warnings()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["handbook.yml"] = "title: T\nlink_check: warn\n",
            ["content/index.md"] = "# Home\n\n[gone](missing.md) and <a href=\"nowhere.html\">raw</a> and <a href=\"raw.md\">raw md</a>\n",
        });
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == "link-broken" && d.Severity == Handbook.Diagnostics.Severity.Warning));
        Assert.Single(result.Diagnostics, d => d.Message.Contains("'missing.md'", StringComparison.Ordinal));
        Assert.Single(result.Diagnostics, d => d.Message.Contains("'raw.md'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site()
    {
        using var project = new TempProject(new Dictionary<string, string> { ["content/index.md"] = "# Home\n" });
        Assert.True(project.Build().Succeeded);
        var before = project.Read("index.html");
        project.Write("content/index.md", "---\norder: x\n---\n# Changed\n");
        Assert.Equal(1, project.Build().ExitCode);
        Assert.Equal(before, project.Read("index.html"));
        Assert.Empty(Directory.GetDirectories(project.Root, ".site.*"));
    }

    [Fact]
    public void Links_to_content_files_in_story_fields_are_rewritten_for_the_page_and_broken_ones_reported()
    {
        const string guide = "# Guide\n\n## Archetypes\n\n### 1. Debugging\n\n- Probes: p\n- Story shape: s\n- Template: Situation [a] · Task [b] · Action [c] · Result [d]\n\n## Rules\n\n- Keep it short.\n";
        const string story = "title: Race\narchetypes: [1]\nsituation: A race, see [the rules](../guide.md#rules).\ntask: I owned it.\nactions: [I traced it., I fixed it.]\nresult: Errors fell 90%.\n";
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n",
            ["content/guide.md"] = guide,
            ["content/stories/race.yml"] = story,
        });
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("../guide.html#rules", project.Page("archetypes/debugging.html").QuerySelector(".story a[href*='guide']")!.GetAttribute("href"));

        project.Write("content/stories/race.yml", story.Replace("#rules", "#nope", StringComparison.Ordinal));
        var broken = project.Build();
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("content/stories/race.yml:3:12: error link-broken: broken link '../guide.md#nope': content/guide.md has no heading with id 'nope'", broken.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void The_print_page_keeps_each_chapters_ids_apart_and_links_between_chapters_inside_the_document()
    {
        using var project = new TempProject(new Dictionary<string, string>
        {
            ["content/index.md"] = "# Home\n\n## Summary\n\nSee [the other summary](other.md#summary) and [above](#summary).\n",
            ["content/other.md"] = "# Other\n\n## Summary\n\nBack [home](index.md).\n",
        });
        var result = project.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = project.Page("print.html");
        var ids = page.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.NotNull(page.GetElementById("print-index-summary"));
        Assert.NotNull(page.GetElementById("print-other-summary"));
        var links = page.QuerySelectorAll(".print-part a:not(.headerlink)").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#print-other-summary", links);
        Assert.Contains("#print-index-summary", links);
        Assert.Contains("#print-index", links);

        // The chapter pages themselves keep their own ids and links.
        Assert.Equal("other.html#summary", project.Page("index.html").QuerySelector("article a[href^='other']")!.GetAttribute("href"));
    }
}


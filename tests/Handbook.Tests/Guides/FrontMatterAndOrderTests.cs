using AngleSharp.Dom;
using Handbook.Diagnostics;
using Handbook.Model;
using Handbook.Tests.Support;

namespace Handbook.Tests.Guides;

/// <summary>Issue 11: front matter written for other tools, page titles, navigation order and labels, README as index, links.</summary>
public sealed class FrontMatterAndOrderTests
{
    private static TempProject Project(params (string Path, string Text)[] files)
    {
        var all = new Dictionary<string, string>();
        foreach (var (path, text) in files)
        {
            all[path] = text;
        }

        return new TempProject(all);
    }

    private static string Lines(Handbook.Build.BuildResult result) => string.Join('\n', result.Diagnostics);

    private static List<string> Nav(IDocument page) =>
        page.QuerySelectorAll("nav.hb-sidebar .hb-nav-section")
            .Where(s => s.QuerySelector(".hb-nav-title")!.TextContent is not ("Archetypes" or "Practice"))
            .SelectMany(s => s.QuerySelectorAll("li a").Select(a => s.QuerySelector(".hb-nav-title")!.TextContent + ": " + a.TextContent))
            .ToList();

    [Fact]
    public void Keys_of_Docusaurus_MkDocs_Hugo_and_Jekyll_are_kept_silently_and_an_unknown_key_is_one_warning_with_a_suggestion()
    {
        using var project = Project(
            ("content/index.md", "---\nid: home\nsidebar_class_name: x\ntoc_max_heading_level: 3\nicon: material/home\nstatus: new\nlastmod: 2024-01-01\naliases: [/old/]\nlayout: page\npermalink: /home/\nnav_exclude: false\nsidebar_lable: Start\n---\n# Home\n"));
        var result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("content/index.md:12:1: warning front-matter-unknown-key: unknown front matter key 'sidebar_lable' is ignored; did you mean 'sidebar_label'?", warning.ToString());
        Assert.Equal(1, project.Build(r => r with { Strict = true }).ExitCode);
    }

    [Theory]
    [InlineData("sidebar_position: first", "content/page.md:2:19: error front-matter-type: 'sidebar_position' must be a number, not 'first'")]
    [InlineData("weight: [1]", "content/page.md:2:9: error front-matter-type: 'weight' must be a number, not a list")]
    [InlineData("draft: maybe", "content/page.md:2:8: error front-matter-type: 'draft' must be true or false, not 'maybe'")]
    [InlineData("sidebar_label: {a: b}", "content/page.md:2:16: error front-matter-type: 'sidebar_label' must be text, not a mapping")]
    [InlineData("tags: [[a]]", "content/page.md:2:8: error front-matter-type: 'tags' must be a list of words, not a list")]
    public void A_known_key_with_the_wrong_type_is_the_one_front_matter_error(string line, string expected)
    {
        using var project = Project(("content/index.md", "# Home\n"), ("content/page.md", $"---\n{line}\n---\n# Page\n"));
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error).ToString());
    }

    [Fact]
    public void Title_comes_from_front_matter_then_the_first_h1_then_the_file_name_and_a_page_always_has_exactly_one_h1()
    {
        using var project = Project(
            ("content/index.md", "Just text.\n"),
            ("content/from-front.md", "---\ntitle: From front matter\n---\nText.\n\n## Section\n"),
            ("content/from-h1.md", "Intro.\n\n# From the H1\n"),
            ("content/both.md", "---\ntitle: Front title\n---\n# Body title\n"),
            ("content/05-system_design-notes.md", "Only text.\n"));
        var result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        foreach (var (path, title, h1) in new[]
        {
            ("index.html", "Home", "Home"),
            ("from-front.html", "From front matter", "From front matter"),
            ("from-h1.html", "From the H1", "From the H1"),
            ("both.html", "Front title", "Body title"),
            ("05-system_design-notes.html", "System design notes", "System design notes"),
        })
        {
            var page = project.Page(path);
            var heading = Assert.Single(page.QuerySelectorAll("article h1"));
            Assert.Equal(h1, heading.TextContent.TrimEnd('¶'));
            // The home page's <title> is the site's; every other page's starts with its own.
            Assert.StartsWith(path == "index.html" ? "Test handbook" : title, page.Title, StringComparison.Ordinal);
        }

        // The injected H1 comes before the body, and the print page gives such a chapter its heading too.
        Assert.Equal("H1", project.Page("from-front.html").QuerySelector("article")!.FirstElementChild!.TagName);
        Assert.Contains(project.Page("print.html").QuerySelectorAll("section.print-part h2"), h => h.TextContent == "From front matter");
    }

    [Fact]
    public void Order_is_front_matter_then_numeric_prefix_then_name_with_folders_as_sections()
    {
        using var project = Project(
            ("content/index.md", "# Home\n"),
            ("content/zeta.md", "---\norder: 1\n---\n# Zeta\n"),
            ("content/10-ten.md", "# Ten\n"),
            ("content/02-two.md", "# Two\n"),
            ("content/alpha.md", "# Alpha\n"),
            ("content/beta.md", "---\nsidebar_label: Beta label\nnav_order: 3\n---\n# Beta\n"),
            ("content/09_career/README.md", "# Career home\n"),
            ("content/09_career/b.md", "---\nweight: 1\n---\n# B\n"),
            ("content/09_career/a.md", "# A\n"),
            ("content/01-intro/x.md", "# X\n"),
            ("content/01-intro/sub/y.md", "# Y\n"));
        var result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        Assert.Equal(
            [
                "Guide: Home", "Guide: Zeta", "Guide: Two", "Guide: Beta label", "Guide: Ten", "Guide: Alpha",
                "Intro: X", "Intro › Sub: Y",
                "Career: Career home", "Career: B", "Career: A",
            ],
            Nav(project.Page("index.html")));
        Assert.True(project.Exists("09_career/index.html"));
    }

    [Fact]
    public void Index_md_wins_over_README_md_with_a_warning_and_the_README_stays_reachable()
    {
        using var project = Project(
            ("content/index.md", "# Home\n\n[readme](guide/README.md) [folder](guide/)\n"),
            ("content/guide/index.md", "# Guide index\n"),
            ("content/guide/README.md", "# Guide readme\n"));
        var result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "readme-and-index");
        Assert.Equal("content/guide/README.md: warning readme-and-index: content/guide/index.md and this README both stand for the folder's index; index.md wins and this page is written to 'guide/README.html'", warning.ToString());
        Assert.Equal(["guide/README.html", "guide/index.html"], project.Page("index.html").QuerySelectorAll("article p a").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public void Drafts_and_unlisted_pages_are_left_out_like_private_stories_and_links_to_them_are_reported_at_their_line()
    {
        using var project = Project(
            ("content/index.md", "# Home\n\nSee [the plan](plan.md).\n"),
            ("content/plan.md", "---\ndraft: true\n---\n# Secret plan\n\n## Questions\n\n- What is the secret?\n"),
            ("content/hidden.md", "---\nunlisted: true\n---\n# Hidden page\n"));
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "content/index.md:3:5: error link-broken: broken link 'plan.md': content/plan.md is a draft (draft or unlisted in its front matter), left out of this build",
            Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error).ToString());

        project.Write("content/index.md", "# Home\n");
        result = project.Build(r => r with { BaseUrl = "https://example.org/" });
        Assert.True(result.Succeeded, Lines(result));
        Assert.False(project.Exists("plan.html"));
        Assert.False(project.Exists("hidden.html"));
        Assert.False(project.Exists("questions.html"));
        foreach (var file in project.OutputFiles())
        {
            var text = File.ReadAllText(Path.Combine(project.Site, file));
            Assert.DoesNotContain("Secret plan", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Hidden page", text, StringComparison.Ordinal);
        }

        // --include-private publishes them, as it publishes private stories.
        result = project.Build(r => r with { IncludePrivate = true });
        Assert.True(result.Succeeded, Lines(result));
        Assert.True(project.Exists("plan.html"));
        Assert.Contains("Hidden page", Nav(project.Page("index.html")).Select(n => n[(n.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
    }

    [Fact]
    public void Hide_navigation_drops_the_sidebar_and_hide_toc_the_table_of_contents()
    {
        using var project = Project(
            ("content/index.md", "---\nhide:\n  - navigation\n  - toc\n---\n# Home\n\n## A\n\n## B\n"),
            ("content/other.md", "# Other\n\n## A\n\n## B\n"));
        var result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        var home = project.Page("index.html");
        Assert.Null(home.QuerySelector("nav.hb-sidebar"));
        Assert.Null(home.QuerySelector(".hb-menu-toggle"));
        Assert.Null(home.QuerySelector("nav.hb-toc"));
        var other = project.Page("other.html");
        Assert.NotNull(other.QuerySelector("nav.hb-sidebar"));
        Assert.NotNull(other.QuerySelector("nav.hb-toc"));
    }

    [Fact]
    public void A_Docusaurus_category_orders_and_labels_its_folder_and_links_its_index_doc()
    {
        using var project = Project(
            ("content/index.md", "# Home\n"),
            ("content/a-guide/_category_.json", "{\n  \"label\": \"The guide\",\n  \"position\": 2,\n  \"link\": {\"type\": \"doc\", \"id\": \"start\"}\n}\n"),
            ("content/a-guide/one.md", "# One\n"),
            ("content/a-guide/start.md", "---\nid: start\n---\n# Start\n"),
            ("content/b-first/_category_.yml", "label: First\nposition: 1\ncolapsed: true\n"),
            ("content/b-first/p.md", "# P\n"));
        var result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        Assert.Equal("content/b-first/_category_.yml:3:1: warning category-unknown-key: unknown category key 'colapsed' is ignored; did you mean 'collapsed'?", Assert.Single(result.Diagnostics).ToString());
        Assert.Equal(["Guide: Home", "First: P", "The guide: Start", "The guide: One"], Nav(project.Page("index.html")));
    }

    [Fact]
    public void An_mkdocs_nav_entry_naming_a_missing_page_is_a_warning_at_its_line_and_unlisted_pages_are_noted()
    {
        using var project = Project(
            ("mkdocs.yml", "site_name: x\nnav:\n  - Home: index.md\n  - Guide: gide.md\n"),
            ("docs/index.md", "# Home\n"),
            ("docs/guide.md", "# Guide\n"));
        project.Write("handbook.yml", "title: T\ncontent_dir: docs\n");
        var result = project.Build();
        Assert.True(result.Succeeded, Lines(result));
        Assert.Contains("mkdocs.yml:4:12: warning nav-missing-page: mkdocs.yml's nav names 'gide.md', which is not a page of the content folder; did you mean 'guide.md'?", result.Diagnostics.Select(d => d.ToString()));
        Assert.Contains(result.Diagnostics, d => d.Code == "nav-not-listed" && d.Severity == Severity.Info && d.Message.Contains("guide.md", StringComparison.Ordinal));
        Assert.True(project.Exists("guide.html"));
    }

    [Fact]
    public void A_link_to_a_missing_file_of_the_content_folder_is_reported_at_its_line()
    {
        using var project = Project(
            ("content/index.md", "# Home\n\n![chart](img/chart.png)\n\n[gone](gone.md) [folder](sub/)\n"),
            ("content/sub/README.md", "# Sub\n"));
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "content/index.md:3:1: error link-broken: broken link 'img/chart.png': there is no file 'content/img/chart.png'",
                "content/index.md:5:1: error link-broken: broken link 'gone.md': there is no content file 'content/gone.md'",
            ],
            result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("04-behavioral.md", 4, "Behavioral")]
    [InlineData("09_career", 9, "Career")]
    [InlineData("1.intro", 1, "Intro")]
    [InlineData("2024", null, "2024")]
    [InlineData("system-design", null, "System design")]
    public void Numeric_prefixes_order_and_names_read_as_labels(string name, int? prefix, string label)
    {
        Assert.Equal(prefix, PageNames.NumberPrefix(name));
        Assert.Equal(label, PageNames.Humanize(Path.GetFileNameWithoutExtension(name) is var stem && name.EndsWith(".md", StringComparison.Ordinal) ? stem : name));
    }

    [Theory]
    [InlineData("01-guide/02-setup.md", null, "guide/setup")]
    [InlineData("01-guide/02-setup.md", "install", "guide/install")]
    [InlineData("intro.mdx", null, "intro")]
    public void Doc_ids_follow_Docusaurus(string contentPath, string? id, string expected) =>
        Assert.Equal(expected, PageNames.DocId(contentPath, id));
}

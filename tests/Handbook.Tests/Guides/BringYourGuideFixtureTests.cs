using AngleSharp.Dom;
using Handbook.Tests.Support;

namespace Handbook.Tests.Guides;

/// <summary>
/// Issue 11, end to end: a guide shaped like an MkDocs Material project and one shaped like a Docusaurus docs folder build
/// clean under --strict as they are, with pages at their paths, the navigation in the tools' order and labels, one H1 per page
/// and every link between files rewritten to the generated pages.
/// </summary>
public sealed class BringYourGuideFixtureTests
{
    private static (TempProject Project, Handbook.Build.BuildResult Result) Build(string fixture)
    {
        var project = TempProject.CopyOfFixture(fixture);
        var result = project.Build(r => r with { Strict = true });
        Assert.True(result.ExitCode == 0, string.Join('\n', result.Diagnostics));
        return (project, result);
    }

    private static List<(string Section, string Label, string Href)> Sidebar(IDocument page) =>
        page.QuerySelectorAll("nav.hb-sidebar .hb-nav-section")
            .SelectMany(s => s.QuerySelectorAll("li a").Select(a => (s.QuerySelector(".hb-nav-title")!.TextContent, a.TextContent, a.GetAttribute("href")!)))
            .Where(i => i.Item1 is not ("Archetypes" or "Practice"))
            .ToList();

    private static void AssertOneH1(IDocument page, string title)
    {
        var h1 = Assert.Single(page.QuerySelectorAll("article h1"));
        Assert.Equal(title, h1.TextContent.TrimEnd('¶'));
    }

    [Fact]
    public void MkDocs_project_builds_with_its_nav_folders_links_and_images()
    {
        var (project, result) = Build("mkdocs-material");
        using var _ = project;
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Handbook.Diagnostics.Severity.Info);

        foreach (var path in new[] { "index.html", "01-intro/index.html", "01-intro/01-why.html", "01-intro/02-getting-started.html", "04-behavioral.html", "09_career/index.html", "09_career/offers.html", "img/diagram.png" })
        {
            Assert.True(project.Exists(path), path);
        }

        // draft: true is left out like a private story: no page, no search entry.
        Assert.False(project.Exists("09_career/wip-notes.html"));
        Assert.DoesNotContain("Notes not ready", project.Read("search-index.js"), StringComparison.Ordinal);

        // mkdocs.yml's nav: its order (01-why after 02-getting-started, as listed), its titles, its sections, its external link.
        var home = project.Page("index.html");
        Assert.Equal(
            [
                ("Guide", "Home", "index.html"),
                ("Guide", "Behavioral and lead", "04-behavioral.html"),
                ("Guide", "Source on GitHub", "https://github.com/example/interview-guide"),
                ("Introduction", "Introduction", "01-intro/index.html"),
                ("Introduction", "Getting started", "01-intro/02-getting-started.html"),
                ("Introduction", "Why prepare stories", "01-intro/01-why.html"),
                ("Career", "Career", "09_career/index.html"),
                ("Career", "Offers", "09_career/offers.html"),
            ],
            Sidebar(home));

        // Previous/next follow the nav's reading order.
        var why = project.Page("01-intro/01-why.html");
        Assert.Equal("02-getting-started.html", why.QuerySelector("a.hb-prev")!.GetAttribute("href"));
        Assert.Equal("../04-behavioral.html", why.QuerySelector("a.hb-next")!.GetAttribute("href"));

        // A title from front matter becomes the H1 of a page without one; a page with its own H1 keeps just that one.
        AssertOneH1(project.Page("01-intro/index.html"), "Introduction");
        AssertOneH1(why, "Why prepare stories");
        AssertOneH1(project.Page("09_career/index.html"), "Career");

        // Relative .md links, a folder link, a README link and an image, rewritten to the generated files.
        Assert.Equal(["01-intro/index.html", "04-behavioral.html", "09_career/index.html"], home.QuerySelectorAll("article p a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(["../04-behavioral.html#delivery-rules"], why.QuerySelectorAll("article p:not(.question-link-line) a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal("../img/diagram.png", why.QuerySelector("article img")!.GetAttribute("src"));
        Assert.Equal(
            ["index.html", "../01-intro/02-getting-started.html#a-plan-for-two-weeks", "../index.html"],
            project.Page("09_career/offers.html").QuerySelectorAll("article p a").Select(a => a.GetAttribute("href")).ToList());

        // hide: [navigation] drops the sidebar (and its menu button), hide: [toc] the table of contents; tags are searchable.
        Assert.Null(project.Page("09_career/offers.html").QuerySelector("nav.hb-sidebar"));
        Assert.Null(project.Page("01-intro/02-getting-started.html").QuerySelector("nav.hb-toc"));
        Assert.Contains("planning schedule", project.Read("search-index.js"), StringComparison.Ordinal);

        // The guide's archetypes, questions and stories work from docs/ and docs/stories/.
        Assert.True(project.Exists("archetypes/production-debugging.html"));
        Assert.NotNull(project.Page("archetypes/production-debugging.html").QuerySelector("#story-checkout-race"));
    }

    [Fact]
    public void Docusaurus_docs_folder_builds_with_categories_positions_labels_and_doc_id_links()
    {
        var (project, result) = Build("docusaurus");
        using var _ = project;
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Handbook.Diagnostics.Severity.Info);

        // slug: / makes intro.md the home page; other pages keep their paths; _category_.json and archetypes.yml are not copied.
        Assert.True(project.Exists("index.html"));
        Assert.False(project.Exists("intro.html"));
        Assert.False(project.Exists("behavioral/_category_.json"));
        Assert.False(project.Exists("archetypes.yml"));

        var home = project.Page("index.html");
        Assert.Equal(
            [
                ("Guide", "Start here", "index.html"),
                ("Behavioral interviews", "Overview", "behavioral/overview.html"),
                ("Behavioral interviews", "STAR method", "behavioral/star.html"),
                ("Behavioral interviews", "Common questions", "behavioral/questions.html"),
                ("Career", "Offer checklist", "career/01-checklist.html"),
                ("Career", "Negotiation", "career/negotiation.html"),
            ],
            Sidebar(home));

        // The front matter title is the H1 of a body without one, and the page's <title>.
        AssertOneH1(home, "Interview prep");
        AssertOneH1(project.Page("behavioral/overview.html"), "Behavioral interviews");
        AssertOneH1(project.Page("behavioral/star.html"), "The STAR method");
        Assert.Equal("The STAR method · Interview Prep (Docusaurus)", project.Page("behavioral/star.html").Title);

        // Doc links: by path without extension, relative .md, and the site-absolute /docs/ route.
        Assert.Equal(
            ["behavioral/star.html", "behavioral/questions.html", "career/negotiation.html"],
            home.QuerySelectorAll("article p a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(["overview.html", "../index.html"], project.Page("behavioral/star.html").QuerySelectorAll("article p a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(["star.html"], project.Page("behavioral/overview.html").QuerySelectorAll("article p a").Select(a => a.GetAttribute("href")).ToList());

        // keywords are searchable.
        Assert.Contains("interviews behavioral", project.Read("search-index.js"), StringComparison.Ordinal);

        // archetypes.yml supplies the archetypes; a story naming a question is shown beside it and on its archetype's page.
        var questions = project.Page("questions.html");
        var conflict = questions.QuerySelector("#q-tell-me-about-a-conflict-with-a-teammate")!;
        Assert.Equal("Settled a schema debate with a benchmark", conflict.QuerySelector(".question-story a")!.TextContent);
        Assert.Equal("2. Conflict", conflict.QuerySelector(".question-archetypes a")!.TextContent);
        Assert.NotNull(questions.QuerySelector("#q-describe-a-decision-you-pushed-back-on"));
        Assert.NotNull(project.Page("archetypes/conflict.html").QuerySelector("#story-schema-debate"));
        Assert.True(project.Exists("cheatsheets/questions.html"));
    }

    [Fact]
    public void MkDocs_dialect_renders_admonitions_tabs_diagrams_abbreviations_and_question_callouts_with_no_syntax_left_as_text()
    {
        var (project, result) = Build("mkdocs-material");
        using var _ = project;
        var why = project.Page("01-intro/01-why.html");
        var article = why.QuerySelector("article")!;
        Assert.Equal("Lead with the result", article.QuerySelector(".admonition.tip .admonition-title")!.TextContent.Trim());
        var question = article.QuerySelector("details.admonition.question")!;
        Assert.Contains("Why should I prepare stories at all?", question.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Short answer", "Long answer"], article.QuerySelectorAll(".tabbed-set .tabbed-label").Select(l => l.TextContent.Trim()));
        Assert.NotNull(article.QuerySelector("[data-diagram=mermaid] code.language-mermaid"));
        Assert.Contains("mermaid.min.js", project.Read("01-intro/01-why.html"), StringComparison.Ordinal);
        Assert.Equal("Situation, Task, Action, Result", article.QuerySelector("abbr")!.GetAttribute("title"));
        foreach (var syntax in new[] { "!!!", "???", "===", "--8<--", "*[STAR]" })
        {
            Assert.DoesNotContain(syntax, article.TextContent, StringComparison.Ordinal);
        }

        // The question call-out joins the question index, linked back to its page; the snippet file is no page of its own.
        Assert.Contains("Why should I prepare stories at all?", project.Read("questions.html"), StringComparison.Ordinal);
        Assert.False(project.Exists("includes/abbreviations.html"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Handbook.Diagnostics.Severity.Info);
    }

    [Fact]
    public void Docusaurus_mdx_leftovers_are_dropped_with_one_info_and_its_admonitions_and_tabs_render()
    {
        var (project, result) = Build("docusaurus");
        using var _ = project;
        var article = project.Page("behavioral/star.html").QuerySelector("article")!;
        Assert.Equal("Lead with the result", article.QuerySelector(".admonition.tip .admonition-title")!.TextContent.Trim());
        Assert.Equal(["Short answer", "Long answer"], article.QuerySelectorAll(".tabbed-set .tabbed-label").Select(l => l.TextContent.Trim()));
        foreach (var leftover in new[] { "import ", "InDocAd", "<Tabs", "TabItem", ":::" })
        {
            Assert.DoesNotContain(leftover, article.InnerHtml.Replace("tabbed", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains("Delivery rules", article.TextContent, StringComparison.Ordinal);
        var dropped = Assert.Single(result.Diagnostics, d => d.Code == "mdx-dropped");
        Assert.Equal("website/docs/behavioral/star.md", dropped.Location.Path);
    }
}

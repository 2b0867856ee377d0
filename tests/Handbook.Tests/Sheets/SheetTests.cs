using Handbook.Tests.Support;

namespace Handbook.Tests.Sheets;

/// <summary>The printable sheets' structure, read back from the built HTML (the browser tests prove they print on one page).</summary>
public sealed class SheetTests
{
    private static RepositoryBuild WithStories => RepositoryBuild.WithStories;

    private static RepositoryBuild GuideOnly => RepositoryBuild.GuideOnly;

    [Fact]
    public void Cheat_sheet_lists_every_archetype_in_number_order_with_questions_and_the_rules_strip()
    {
        Assert.True(WithStories.Result.Succeeded, string.Join("\n", WithStories.Result.Diagnostics));
        var page = WithStories.Project.Page("cheatsheet.html");
        var titles = page.QuerySelectorAll(".cheat-card h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(10, titles.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => n + "."), titles.Select(t => t.Split(' ')[0]));
        var third = page.GetElementById("a-a-production-incident-you-caused")!;
        Assert.Contains("a production incident", third.QuerySelector(".cheat-questions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("a mistake", third.QuerySelector(".cheat-questions")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, page.QuerySelectorAll(".cheat-strip div:first-child li").Length);
        Assert.Equal(8, page.QuerySelectorAll(".cheat-strip div:last-child li").Length);
        Assert.NotNull(page.QuerySelector("button[data-print]"));
    }

    [Fact]
    public void Without_stories_the_cheat_sheet_shows_the_template_prompts()
    {
        Assert.True(GuideOnly.Result.Succeeded, string.Join("\n", GuideOnly.Result.Diagnostics));
        var card = GuideOnly.Project.Page("cheatsheet.html").GetElementById("a-production-debugging")!;
        Assert.Contains("[the flaky failure]", card.QuerySelector(".cheat-prompts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_map_has_every_interview_question_with_its_archetypes()
    {
        var page = GuideOnly.Project.Page("cheatsheets/questions.html");
        var rows = page.QuerySelectorAll("table.qmap tbody tr");
        Assert.Equal(30, rows.Length);
        var first = rows[0];
        Assert.Equal("Tell me about a production incident", first.Children[0].TextContent.Trim());
        Assert.Equal(["../archetypes/production-debugging.html", "../archetypes/a-production-incident-you-caused.html"], first.Children[1].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_scorecard_per_archetype_with_questions_probes_shape_anti_patterns_and_notes()
    {
        var page = GuideOnly.Project.Page("scorecards/a-production-incident-you-caused.html");
        Assert.Equal("Scorecard: 3. A production incident you caused", page.QuerySelector("h1")!.TextContent.Trim());
        var blocks = page.QuerySelectorAll(".score-block h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["What it probes", "Questions to ask", "The story shape to listen for", "Anti-patterns to watch", "Rating", "Notes"], blocks);
        Assert.Equal(3, page.QuerySelectorAll(".score-block ul:not(.checklist) li").Length);
        Assert.Equal(12, page.QuerySelectorAll(".ruled .rule").Length);
        Assert.Equal(10, GuideOnly.Project.OutputFiles().Count(f => f.StartsWith("scorecards/", StringComparison.Ordinal) && f != "scorecards/index.html"));
    }

    [Fact]
    public void Sheets_are_linked_from_navigation_and_archetype_pages()
    {
        var nav = GuideOnly.Project.Page("index.html").QuerySelectorAll("nav.hb-sidebar a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("cheatsheet.html", nav);
        Assert.Contains("cheatsheets/questions.html", nav);
        Assert.Contains("scorecards/index.html", nav);
        Assert.Contains("print.html", nav);
        var archetype = GuideOnly.Project.Page("archetypes/customer-empathy.html").QuerySelectorAll(".archetype-actions a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("../cheatsheet.html#a-customer-empathy", archetype);
        Assert.Contains("../cheatsheets/questions.html", archetype);
        Assert.Contains("../scorecards/customer-empathy.html", archetype);
    }

    [Fact]
    public void Print_page_holds_the_guide_archetypes_and_question_index_with_a_contents()
    {
        var page = WithStories.Project.Page("print.html");
        var parts = page.QuerySelectorAll(".print-part");
        Assert.Equal(4, parts.Length);
        Assert.NotNull(page.GetElementById("print-04-behavioral-and-lead-delivery-rules"));
        Assert.Equal("#print-archetype-a-production-incident-you-caused", page.QuerySelector("#print-04-behavioral-and-lead-walk-through-a-postmortem-you-ran + ul a.archetype-ref")!.GetAttribute("href"));
        Assert.Equal(10, page.QuerySelectorAll(".print-archetype").Length);
        Assert.Equal(30, page.QuerySelectorAll("#print-questions tbody tr").Length);
        foreach (var link in page.QuerySelectorAll(".print-toc a"))
        {
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")!.TrimStart('#')));
        }
    }
}

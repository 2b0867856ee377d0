using System.Globalization;
using Handbook.Render;
using Handbook.Tests.Support;

namespace Handbook.Tests.Site;

/// <summary>
/// Issue 12: no page grows with the size of the site (the sidebar of a large guide lists its own folder and one link per
/// folder), the link check still finds what templates and raw HTML add, at their line, and a large site builds the same bytes twice.
/// </summary>
public sealed class ScaleTests
{
    /// <summary>A guide of <paramref name="folders"/> folders of <paramref name="perFolder"/> chapters, each linking to the next folder.</summary>
    private static TempProject Guide(int folders, int perFolder)
    {
        var project = new TempProject(new Dictionary<string, string> { ["content/index.md"] = "# Home\n\nThe guide.\n" });
        for (var folder = 1; folder <= folders; folder++)
        {
            for (var page = 1; page <= perFolder; page++)
            {
                var next = folder % folders + 1;
                project.Write(
                    string.Create(CultureInfo.InvariantCulture, $"content/part-{folder:D3}/page-{page:D2}.md"),
                    string.Create(CultureInfo.InvariantCulture, $"---\norder: {page}\n---\n# Part {folder} page {page}\n\n## Notes\n\nSee [the next part](../part-{next:D3}/page-01.md#notes).\n"));
            }
        }

        return project;
    }

    private static long LargestChapterBytes(TempProject project, string folder) =>
        Directory.EnumerateFiles(Path.Combine(project.Site, folder), "*.html").Max(f => new FileInfo(f).Length);

    [Fact]
    public void A_chapter_page_does_not_grow_with_the_number_of_pages()
    {
        // 125 and 500 chapters: both past the full list, the second four times the first.
        using var small = Guide(folders: 5, perFolder: 25);
        using var large = Guide(folders: 20, perFolder: 25);
        Assert.True(small.Build().Succeeded);
        Assert.True(large.Build().Succeeded);

        // Each extra folder adds one link (about 60 bytes): 15 of them, where listing every chapter would add 375.
        var growth = LargestChapterBytes(large, "part-001") - LargestChapterBytes(small, "part-001");
        Assert.InRange(growth, 0, 15 * 100);

        var sidebar = large.Page("part-001/page-07.html").QuerySelector("#hb-sidebar")!;
        var guideLinks = sidebar.QuerySelectorAll(".hb-nav-section")[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(1 + 25 + 19, guideLinks.Count);
        Assert.Contains("../index.html", guideLinks);
        Assert.Contains("page-25.html", guideLinks);
        Assert.Contains("../part-020/page-01.html", guideLinks);
        Assert.DoesNotContain("../part-002/page-02.html", guideLinks);
        var current = Assert.Single(sidebar.QuerySelectorAll("[aria-current=page]"));
        Assert.Equal("page-07.html", current.GetAttribute("href"));
        Assert.Equal("Part 001", sidebar.QuerySelector(".hb-nav-folder > span")!.TextContent);
    }

    [Fact]
    public void The_print_page_does_not_grow_with_the_number_of_pages()
    {
        using var small = Guide(folders: 5, perFolder: 25);
        using var large = Guide(folders: 20, perFolder: 25);
        Assert.True(small.Build().Succeeded);
        Assert.True(large.Build().Succeeded);

        long PrintBytes(TempProject project) => new FileInfo(Path.Combine(project.Site, "print.html")).Length;
        // Its sidebar's one link per folder is all that grows (15 folders more); the chapters would add 375 sections.
        Assert.InRange(PrintBytes(large) - PrintBytes(small), 0, 15 * 100);
        var print = large.Page("print.html");
        Assert.Empty(print.QuerySelectorAll("section.print-part"));
        Assert.Contains("501 chapters are too many for one document", print.QuerySelector(".print-note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guide_within_the_full_list_is_printed_whole()
    {
        using var project = Guide(folders: 3, perFolder: 25);
        Assert.True(project.Build().Succeeded);
        var print = project.Page("print.html");
        Assert.Equal(1 + 75, print.QuerySelectorAll("section.print-part").Length);
        Assert.Null(print.QuerySelector(".print-note"));
    }

    [Theory]
    [InlineData(3, 40)] // pruned: past the full list
    [InlineData(2, 10)] // every chapter listed
    public void A_theme_that_reads_nav_renders_the_sidebar_the_shared_one_is(int folders, int perFolder)
    {
        // A template override that mentions nav (here in a comment that writes nothing) makes each page render its sidebar from
        // its own model through the built-in partial, instead of the layout writing the one rendered per folder.
        using var shared = Guide(folders, perFolder);
        using var perPage = Guide(folders, perFolder);
        var header = File.ReadAllText(Path.Combine(TempProject.RepositoryRoot(), "theme", "partials", "header.html"));
        perPage.Write("templates/partials/header.html", "{{ # reads nav }}" + header);
        Assert.True(shared.Build().Succeeded);
        Assert.True(perPage.Build().Succeeded);

        var pages = Directory.EnumerateFiles(shared.Site, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(shared.Site, f)).ToList();
        Assert.True(pages.Count > folders * perFolder);
        foreach (var page in pages)
        {
            Assert.Equal(shared.Page(page).QuerySelector("#hb-sidebar")?.OuterHtml, perPage.Page(page).QuerySelector("#hb-sidebar")?.OuterHtml);
        }

        Assert.NotNull(shared.Page("part-002/page-07.html").QuerySelector("#hb-sidebar [aria-current=page]"));
    }

    [Fact]
    public void A_theme_sidebar_replaces_the_built_in_one()
    {
        using var project = Guide(folders: 2, perFolder: 3);
        project.Write("templates/partials/sidebar.html", "<nav id=\"hb-sidebar\" class=\"mine\">{{ for section in nav }}<p>{{ section.title }}</p>{{ end }}</nav>");
        Assert.True(project.Build().Succeeded);
        var sidebar = project.Page("part-001/page-02.html").QuerySelector("#hb-sidebar")!;
        Assert.Equal("mine", sidebar.ClassName);
        Assert.Empty(sidebar.QuerySelectorAll("a"));
    }

    [Fact]
    public void A_small_guide_lists_every_chapter_on_every_page()
    {
        using var project = Guide(folders: 4, perFolder: 20);
        Assert.True(project.Build().Succeeded);
        // The home page and all 80 chapters, in the guide's sections (one per folder).
        var links = project.Page("part-001/page-01.html").QuerySelectorAll("#hb-sidebar a")
            .Count(a => a.GetAttribute("href") is { } href && (href.Contains("page-", StringComparison.Ordinal) || href == "../index.html"));
        Assert.Equal(1 + 80, links);
        Assert.Empty(project.Page("part-001/page-01.html").QuerySelectorAll(".hb-nav-folder"));
    }

    [Fact]
    public void A_broken_link_in_raw_html_is_reported_at_its_line()
    {
        using var project = Guide(folders: 5, perFolder: 25);
        project.Write("content/part-002/page-03.md", "# Raw\n\nText.\n\n<p>See <a href=\"../nowhere.html\">this</a>.</p>\n");
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        // On the chapter page (a guide this large is not copied into print.html).
        var broken = result.Diagnostics.Where(d => d.Code == "link-broken").ToList();
        Assert.Contains(broken, d => d.Location.ToString() == "content/part-002/page-03.md:5:17" && d.Message.Contains("'../nowhere.html'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_link_in_a_template_is_reported_at_its_line_once()
    {
        using var project = Guide(folders: 5, perFolder: 25);
        const string line3 = "<p><a href=\"{{ root }}\">home</a> <a href=\"missing-page.html\">gone</a></p>";
        project.Write("templates/chapter.html", "<article>\n{{ body }}\n" + line3 + "\n</article>\n");
        var result = project.Build();
        Assert.Equal(1, result.ExitCode);
        var broken = Assert.Single(result.Diagnostics, d => d.Code == "link-broken");
        Assert.Equal(new Handbook.Diagnostics.SourceLocation("templates/chapter.html", 3, line3.IndexOf("missing-page", StringComparison.Ordinal) + 1), broken.Location);
        Assert.Contains("(and on ", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_site_builds_to_the_same_bytes_twice()
    {
        using var project = Guide(folders: 6, perFolder: 25);
        Assert.True(project.Build().Succeeded);
        var first = project.OutputFiles().ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(project.Site, f)));
        Assert.True(project.Build().Succeeded);
        var second = project.OutputFiles().ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(project.Site, f)));
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, file => Assert.True(file.Value.AsSpan().SequenceEqual(second[file.Key]), file.Key + " differs"));
    }
}

using CsCheck;
using Handbook.Check;
using Handbook.Markdown;
using Handbook.Render;
using Handbook.Tests.Support;

namespace Handbook.Tests.Pipeline;

/// <summary>
/// Issue 12: the link check reads the Markdown the build rendered itself without a full HTML parse. It must find exactly the ids
/// and links AngleSharp finds: on every page of the repository's handbook and the bring-your-guide fixtures, and on random Markdown.
/// </summary>
public sealed class GeneratedMarkupScanTests
{
    public static TheoryData<string> Projects() => new() { "repository", "dialects", "mkdocs-material", "docusaurus", "stories-imperfect" };

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_page_scans_the_same_with_its_markdown_read_directly_as_parsed_in_full(string name)
    {
        using var project = name == "repository" ? TempProject.CopyOfRepository() : TempProject.CopyOfFixture(name);
        var (site, model) = RenderStages.SiteOf(project);

        var fragments = 0;
        foreach (var page in site.Pages)
        {
            var rendered = PageRenderer.RenderWithParts(site, page);
            fragments += rendered.Markdown.Count(m => !m.HasRawHtml);
            Assert.True(rendered.BuiltInTemplates, "the project overrides no template, so every page is read directly");
            var fast = PageScanner.Scan(page.OutputPath, rendered.Html, null, new SharedScans(), rendered.Markdown, rendered.BuiltInTemplates);
            var full = PageScanner.Scan(page.OutputPath, rendered.Html);
            AssertSameScan(full, fast, page.OutputPath);

            // With the sidebar cut out and read once per folder, as the build reads it.
            var parts = PageScanner.Scan(page.OutputPath, rendered.Html, rendered.Sidebar, new SharedScans(), rendered.Markdown, rendered.BuiltInTemplates);
            AssertSameScan(full, parts with { Links = [.. parts.Links, .. parts.Shared?.Links ?? []] }, page.OutputPath + " (sidebar shared)");
        }

        Assert.True(fragments >= model.Chapters.Count, $"only {fragments} Markdown fragments were read directly, for {model.Chapters.Count} chapters");
    }

    private static readonly string[] Pieces =
    [
        "# Title", "## Sub {#custom-id}", "### A & B <c>", "text", "**bold**", "*em*", "`<code> & \"q\"`", "[link](other.md)", "[l](#frag \"t\")",
        "[x](https://example.org/a?b=1&c=2)", "![img](pic.png)", "<https://example.org/auto>", "footnote[^1]", "[^1]: note", "- item", "1. one",
        "> quote", "| a | b |\n|---|---|\n| [c](d.md) | e |", "```\n<a href=\"no\">\n```", "    indented <a id=\"no\">", "!!! note \"T\"\n    body [l](#x)",
        "=== \"Tab\"\n    one", "*[HTML]: Hyper", "HTML here", "{.cls}", "Ünïcödé [ü](ü.md)", "a 'quote' \"double\"", "&amp; &lt; &#x41;", "\\<not a tag\\>",
        "[ref]\n\n[ref]: https://example.org/r", "```mermaid\ngraph TD; A-->B\n```", "- [ ] task", "~~strike~~", "line  \nbreak",
    ];

    [Fact]
    public void Random_markdown_scans_the_same_read_directly_as_parsed_in_full()
    {
        Gen.Int[0, Pieces.Length - 1].Array[1, 12].Sample(ix =>
        {
            var markdown = string.Join("\n\n", ix.Select(i => Pieces[i]));
            var document = Markdig.Markdown.Parse(markdown, MarkdownPipelines.Guide);
            if (RawHtml.In(document))
            {
                return; // such Markdown is parsed in full by the scan, never read directly
            }

            var html = MarkdownRenderer.Render((Markdig.Syntax.MarkdownObject)document, MarkdownPipelines.Guide, NoPageLinks.Instance);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var links = new List<PageLink>();
            Assert.True(GeneratedMarkupScanner.TryScan(html, ids, links), "Markdig's own markup is read directly");
            var full = PageScanner.Scan("page.html", "<!doctype html><html><head><title>t</title></head><body>" + html + "</body></html>");
            AssertSameScan(full, new PageScan("page.html", ids, links), markdown);
        }, iter: 300);
    }

    [Theory]
    [InlineData("<p><a href=unquoted.html>x</a></p>")]
    [InlineData("<p>a < b</p>")]
    [InlineData("<p>unclosed <a href=\"x.html\"</p>")]
    [InlineData("<!-- never closed")]
    [InlineData("<script>if (a<b) {}")]
    public void Markup_of_another_shape_is_left_to_a_full_parse(string html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<PageLink>();
        Assert.False(GeneratedMarkupScanner.TryScan(html, ids, links));
        Assert.Empty(ids);
        Assert.Empty(links);
    }

    [Fact]
    public void A_projects_own_template_is_parsed_in_full()
    {
        using var project = TempProject.CopyOfFixture("dialects");
        project.Write("templates/chapter.html", "<article>\n{{ body }}\n<p><a href=missing-page.html>gone</a> <span id=own-id></span></p>\n</article>\n");
        var result = project.Build();
        var broken = Assert.Single(result.Diagnostics, d => d.Code == "link-broken" && d.Message.Contains("missing-page.html", StringComparison.Ordinal));
        Assert.Equal("templates/chapter.html", broken.Location.Path);
    }

    private static void AssertSameScan(PageScan expected, PageScan actual, string what)
    {
        Assert.True(expected.Ids.SetEquals(actual.Ids), $"{what}: ids differ: only in the full parse [{string.Join(", ", expected.Ids.Except(actual.Ids))}], only read directly [{string.Join(", ", actual.Ids.Except(expected.Ids))}]");
        static IEnumerable<string> Sorted(PageScan scan) => scan.Links.Select(l => l.Element + " " + l.Url).Order(StringComparer.Ordinal);
        Assert.Equal(Sorted(expected), Sorted(actual));
    }
}

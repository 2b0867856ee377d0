using CsCheck;
using Handbook.Check;
using Handbook.Coach;
using Handbook.Diagnostics;
using Handbook.Link;
using Handbook.Load;
using Handbook.Markdown;
using Handbook.Model;
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
        var diagnostics = new DiagnosticBag();
        var sources = SourceLoader.Load(project.Root, diagnostics);
        var model = ModelBuilder.Build(sources, sources.Settings, diagnostics);
        var linked = Linker.Link(model, includePrivate: false, diagnostics);
        linked = linked with { Coaching = StoryCoach.Run(linked, diagnostics) };
        var site = new SiteContext(linked, PagePlanner.Plan(linked), TemplateSet.Load(sources.TemplateOverrides, diagnostics), new RenderOptions(false, null));

        var fragments = 0;
        foreach (var page in site.Pages)
        {
            var rendered = PageRenderer.RenderWithParts(site, page);
            fragments += rendered.GeneratedMarkup.Count;
            var fast = PageScanner.Scan(page.OutputPath, rendered.Html, null, new SharedScans(), rendered.GeneratedMarkup);
            var full = PageScanner.Scan(page.OutputPath, rendered.Html);
            AssertSameScan(full, fast, page.OutputPath);
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
            GeneratedMarkupScanner.Scan(html, ids, links);
            var full = PageScanner.Scan("page.html", "<!doctype html><html><head><title>t</title></head><body>" + html + "</body></html>");
            AssertSameScan(full, new PageScan("page.html", ids, links), markdown);
        }, iter: 300);
    }

    private static void AssertSameScan(PageScan expected, PageScan actual, string what)
    {
        Assert.True(expected.Ids.SetEquals(actual.Ids), $"{what}: ids differ: only in the full parse [{string.Join(", ", expected.Ids.Except(actual.Ids))}], only read directly [{string.Join(", ", actual.Ids.Except(expected.Ids))}]");
        static IEnumerable<string> Sorted(PageScan scan) => scan.Links.Select(l => l.Element + " " + l.Url).Order(StringComparer.Ordinal);
        Assert.Equal(Sorted(expected), Sorted(actual));
    }
}

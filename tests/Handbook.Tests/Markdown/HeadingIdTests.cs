using static Handbook.Tests.Markdown.DialectHarness;

namespace Handbook.Tests.Markdown;

public sealed class HeadingIdTests
{
    [Theory]
    [InlineData("## Title {#custom-id}", "custom-id", null)]
    [InlineData("## Title { #custom-id .wide }", "custom-id", "wide")]
    [InlineData("## Title {: #custom-id .wide }", "custom-id", "wide")]
    [InlineData("## Title {#custom-id}\n\n## Title {#custom-id}", "custom-id", null)]
    public void Explicit_ids_set_the_id_and_never_show(string markdown, string id, string? cssClass)
    {
        var (html, diagnostics) = RenderPage(markdown);
        Assert.Empty(diagnostics);
        var heading = html.QuerySelector("h2")!;
        Assert.Equal(id, heading.Id);
        Assert.StartsWith("Title", heading.TextContent);
        Assert.DoesNotContain("{", html.Body!.TextContent);
        Assert.DoesNotContain(":", heading.Attributes.Select(a => a.Name));
        if (cssClass is not null)
        {
            Assert.Contains(cssClass, heading.ClassList);
        }
    }

    [Fact]
    public void Other_headings_keep_python_markdown_ids()
    {
        var (html, _) = RenderPage("## Café & Co\n\n## Café & Co\n");
        Assert.Equal(["cafe-co", "cafe-co_1"], html.QuerySelectorAll("h2").Select(h => h.Id));
    }
}

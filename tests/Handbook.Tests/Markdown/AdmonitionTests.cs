using Handbook.Diagnostics;
using static Handbook.Tests.Markdown.DialectHarness;

namespace Handbook.Tests.Markdown;

public sealed class AdmonitionTests
{
    [Fact]
    public void MkDocs_admonition_is_a_labelled_note_with_its_title_and_indented_body()
    {
        var (html, diagnostics) = RenderPage("# P\n\n!!! warning \"Mind the gap\"\n    Body with **bold**.\n\n    Second paragraph.\n\nAfter.\n");
        Assert.Empty(diagnostics);
        var callout = Assert.Single(html.QuerySelectorAll("div.admonition"));
        Assert.Equal("admonition warning", callout.ClassName);
        Assert.Equal("note", callout.GetAttribute("role"));
        Assert.Equal("Warning: Mind the gap", callout.GetAttribute("aria-label"));
        Assert.Equal("Mind the gap", callout.QuerySelector(".admonition-title")!.TextContent);
        Assert.Equal(["Body with bold.", "Second paragraph."], callout.QuerySelectorAll("p:not(.admonition-title)").Select(p => p.TextContent));
        Assert.Equal("After.", html.Body!.Children.Last().TextContent);
        Assert.DoesNotContain("!!!", html.Body.TextContent);
    }

    [Theory]
    [InlineData("!!! tip\n    Body\n", "tip", "Tip")]
    [InlineData("!!! faq\n    Body\n", "question", "Faq")]
    [InlineData(":::danger\nBody\n:::\n", "danger", "Danger")]
    [InlineData("> [!NOTE]\n> Body\n", "note", "Note")]
    [InlineData("> [!TIP]\n> Body\n", "tip", "Tip")]
    [InlineData("> [!IMPORTANT]\n> Body\n", "important", "Important")]
    [InlineData("> [!WARNING]\n> Body\n", "warning", "Warning")]
    [InlineData("> [!CAUTION]\n> Body\n", "caution", "Caution")]
    public void A_type_without_a_title_gets_its_default_title(string markdown, string style, string title)
    {
        var (html, diagnostics) = RenderPage(markdown);
        Assert.Empty(diagnostics);
        var callout = Assert.Single(html.QuerySelectorAll(".admonition"));
        Assert.Contains(style, callout.ClassList);
        Assert.Equal(title, callout.QuerySelector(".admonition-title")!.TextContent);
        Assert.Equal("Body", callout.QuerySelector("p:not(.admonition-title)")!.TextContent);
        Assert.Empty(html.QuerySelectorAll("blockquote"));
        Assert.DoesNotContain("[!", html.Body!.TextContent);
    }

    [Fact]
    public void Collapsible_admonitions_are_details_closed_or_open()
    {
        var (html, diagnostics) = RenderPage("??? note \"Closed\"\n    Hidden body\n\n???+ tip \"Open\"\n    Shown body\n");
        Assert.Empty(diagnostics);
        var details = html.QuerySelectorAll("details.admonition");
        Assert.Equal(2, details.Length);
        Assert.False(details[0].HasAttribute("open"));
        Assert.Equal("Closed", details[0].QuerySelector("summary")!.TextContent);
        Assert.True(details[1].HasAttribute("open"));
        Assert.Equal("Shown body", details[1].QuerySelector("p")!.TextContent);
    }

    [Theory]
    [InlineData(":::tip Use the STAR shape\nBody\n:::\n")]
    [InlineData(":::tip[Use the STAR shape]\nBody\n:::\n")]
    public void Docusaurus_admonitions_take_a_title_either_way(string markdown)
    {
        var (html, diagnostics) = RenderPage(markdown);
        Assert.Empty(diagnostics);
        var callout = Assert.Single(html.QuerySelectorAll(".admonition.tip"));
        Assert.Equal("Use the STAR shape", callout.QuerySelector(".admonition-title")!.TextContent);
        Assert.DoesNotContain(":::", html.Body!.TextContent);
    }

    [Fact]
    public void Docusaurus_admonitions_nest_with_more_colons()
    {
        var (html, diagnostics) = RenderPage("::::info Outer\nOuter body\n\n:::danger Inner\nInner body\n:::\n\nMore outer\n::::\n\nAfter\n");
        Assert.Empty(diagnostics);
        var outer = Assert.Single(html.QuerySelectorAll("body > .admonition"));
        Assert.Contains("info", outer.ClassList);
        var inner = Assert.Single(outer.QuerySelectorAll(".admonition.danger"));
        Assert.Equal("Inner body", inner.QuerySelector("p:not(.admonition-title)")!.TextContent);
        Assert.Equal("More outer", outer.Children.Last().TextContent);
        Assert.Equal("After", html.Body!.Children.Last().TextContent);
    }

    [Fact]
    public void MkDocs_admonitions_nest_by_indentation_and_keep_code_blocks()
    {
        var (html, diagnostics) = RenderPage("!!! note\n    Outer\n\n    !!! warning\n        Inner\n\n    ```python\n    print(1)\n    ```\n");
        Assert.Empty(diagnostics);
        var outer = Assert.Single(html.QuerySelectorAll("body > .admonition"));
        Assert.Single(outer.QuerySelectorAll(".admonition.warning"));
        Assert.Equal("print(1)\n", outer.QuerySelector("pre code.language-python")!.TextContent);
    }

    [Fact]
    public void Unindented_body_is_taken_to_the_next_blank_line_with_a_warning()
    {
        var (html, diagnostics) = RenderPage("# P\n\n!!! note\nNot indented body\n\nAfter.\n");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, "markdown-indent", new SourceLocation("content/page.md", 4, 1)), (warning.Severity, warning.Code, warning.Location));
        var callout = Assert.Single(html.QuerySelectorAll(".admonition"));
        Assert.Equal("Not indented body", callout.QuerySelector("p:not(.admonition-title)")!.TextContent);
        Assert.Equal("After.", html.Body!.Children.Last().TextContent);
    }

    [Fact]
    public void Unclosed_docusaurus_block_runs_to_the_end_with_a_warning()
    {
        var (html, diagnostics) = RenderPage("# P\n\n:::warning Careful\nBody\n\n## Later\n\nText\n");
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("admonition-unclosed", 3), (warning.Code, warning.Location.Line));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("Text", html.QuerySelector(".admonition")!.TextContent);
    }

    [Fact]
    public void Title_quoted_across_two_lines_is_joined_with_a_warning()
    {
        var (html, diagnostics) = RenderPage("!!! note \"A long\ntitle\"\n    Body\n");
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("admonition-title", 1), (warning.Code, warning.Location.Line));
        Assert.Equal("A long title", html.QuerySelector(".admonition-title")!.TextContent);
        Assert.Equal("Body", html.QuerySelector(".admonition p:not(.admonition-title)")!.TextContent);
    }

    [Fact]
    public void Empty_title_shows_no_title_bar()
    {
        var (html, _) = RenderPage("!!! note \"\"\n    Body\n");
        Assert.Null(html.QuerySelector(".admonition-title"));
        Assert.Equal("Note", html.QuerySelector(".admonition")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void Markers_in_code_stay_code()
    {
        var (html, diagnostics) = RenderPage("```\n!!! note\n:::tip\n=== \"Tab\"\n```\n");
        Assert.Empty(diagnostics);
        Assert.Null(html.QuerySelector(".admonition"));
        Assert.Contains("!!! note", html.QuerySelector("pre")!.TextContent);
    }
}

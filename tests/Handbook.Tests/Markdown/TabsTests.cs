using static Handbook.Tests.Markdown.DialectHarness;

namespace Handbook.Tests.Markdown;

public sealed class TabsTests
{
    [Fact]
    public void MkDocs_consecutive_tabs_are_one_set_of_labelled_panels()
    {
        var (html, diagnostics) = RenderPage("=== \"Python\"\n\n    ```python\n    print(1)\n    ```\n\n===+ \"C#\"\n\n    Console.WriteLine\n\nAfter\n\n=== \"Alone\"\n    Own set\n");
        Assert.Empty(diagnostics);
        var sets = html.QuerySelectorAll(".tabbed-set");
        Assert.Equal(2, sets.Length);
        var panels = sets[0].QuerySelectorAll(".tabbed-panel");
        Assert.Equal(["Python", "C#"], panels.Select(p => p.QuerySelector(".tabbed-label")!.TextContent));
        Assert.NotNull(panels[0].QuerySelector("pre code.language-python"));
        Assert.True(panels[1].HasAttribute("data-default"));
        Assert.Equal("Own set", sets[1].QuerySelector(".tabbed-panel p:not(.tabbed-label)")!.TextContent);
        Assert.DoesNotContain("===", html.Body!.TextContent);
    }

    [Fact]
    public void Bang_starts_a_new_set()
    {
        var (html, _) = RenderPage("=== \"A\"\n    a\n\n===! \"B\"\n    b\n");
        Assert.Equal(2, html.QuerySelectorAll(".tabbed-set").Length);
    }

    [Fact]
    public void Docusaurus_tabs_with_indented_content_are_tabs_not_code()
    {
        var markdown = """
            import Tabs from '@theme/Tabs';
            import TabItem from '@theme/TabItem';

            <Tabs>
              <TabItem value="apple" label="Apple" default>
                This is an **apple**.
              </TabItem>
              <TabItem value="orange" label="Orange">

                - an orange

              </TabItem>
            </Tabs>

            After
            """;
        var (html, diagnostics) = RenderPage(markdown, "content/fruit.mdx");
        Assert.Equal(["mdx-dropped"], diagnostics.Select(d => d.Code));
        var set = Assert.Single(html.QuerySelectorAll(".tabbed-set"));
        var panels = set.QuerySelectorAll(".tabbed-panel");
        Assert.Equal(["Apple", "Orange"], panels.Select(p => p.QuerySelector(".tabbed-label")!.TextContent));
        Assert.True(panels[0].HasAttribute("data-default"));
        Assert.Equal("apple", panels[0].QuerySelector("strong")!.TextContent);
        Assert.Null(html.QuerySelector("pre"));
        Assert.Equal("an orange", panels[1].QuerySelector("li")!.TextContent);
        Assert.Equal("After", html.Body!.Children.Last().TextContent);
        Assert.DoesNotContain("<", html.Body.TextContent);
    }

    [Fact]
    public void Unclosed_tabs_keep_the_rest_of_the_page_with_a_warning()
    {
        var (html, diagnostics) = RenderPage("<Tabs>\n<TabItem value=\"a\" label=\"A\">\n\nText\n\n## Later\n\nMore\n");
        Assert.Contains(diagnostics, d => d.Code == "tabs-unclosed" && d.Location.Line == 1);
        Assert.Contains("More", html.Body!.TextContent);
    }
}

using Handbook.Diagnostics;
using static Handbook.Tests.Markdown.DialectHarness;

namespace Handbook.Tests.Markdown;

public sealed class SnippetAndMdxTests
{
    [Fact]
    public void Abbreviations_become_abbr_including_definitions_from_an_included_snippet()
    {
        var files = new Dictionary<string, string>
        {
            ["content/page.md"] = "# P\n\nUse RAG and an SLO.\n\n--8<-- \"_abbreviations.md\"\n",
            ["content/_abbreviations.md"] = "*[RAG]: Retrieval-Augmented Generation\n*[SLO]: Service level objective\n",
        };
        var (html, diagnostics) = RenderPage(files, "content/page.md");
        Assert.Empty(diagnostics);
        Assert.Equal(
            [("RAG", "Retrieval-Augmented Generation"), ("SLO", "Service level objective")],
            html.QuerySelectorAll("abbr").Select(a => (a.TextContent, a.GetAttribute("title"))));
        Assert.DoesNotContain("*[", html.Body!.TextContent);
        Assert.DoesNotContain("--8<--", html.Body.TextContent);
    }

    [Fact]
    public void Snippet_files_are_not_pages()
    {
        var files = new Dictionary<string, string>
        {
            ["content/page.md"] = "# P\n\n--8<--\nincludes/abbreviations.md\nshared.md\n--8<--\n",
            ["content/includes/abbreviations.md"] = "*[RAG]: Retrieval-Augmented Generation\n",
            ["content/shared.md"] = "Shared RAG text.\n",
            ["content/_partial.md"] = "Never a page.\n",
        };
        var (chapter, diagnostics) = Read(files, "content/page.md");
        Assert.Empty(diagnostics);
        Assert.NotNull(chapter);
        Assert.Null(Read(files, "content/shared.md").Chapter);
        Assert.Null(Read(files, "content/_partial.md").Chapter);
        Assert.Null(Read(files, "content/includes/abbreviations.md").Chapter);
        var (html, _) = RenderPage(files, "content/page.md");
        Assert.Equal("Retrieval-Augmented Generation", html.QuerySelector("abbr")!.GetAttribute("title"));
    }

    [Fact]
    public void Snippets_resolve_beside_the_including_file_keep_indentation_and_support_line_ranges()
    {
        var files = new Dictionary<string, string>
        {
            ["content/guide/page.md"] = "# P\n\n!!! note\n    --8<-- \"part.md:2:3\"\n",
            ["content/guide/part.md"] = "line one\nline two\nline three\nline four\n",
        };
        var (html, diagnostics) = RenderPage(files, "content/guide/page.md");
        Assert.Empty(diagnostics);
        Assert.Equal("line two\nline three", html.QuerySelector(".admonition p:not(.admonition-title)")!.TextContent);
    }

    [Fact]
    public void Missing_outside_and_cyclic_snippets_are_errors_at_their_line()
    {
        var files = new Dictionary<string, string>
        {
            ["content/page.md"] = "# P\n\n--8<-- \"missing.md\"\n--8<-- \"../handbook.yml\"\n--8<-- \"_a.md\"\n",
            ["content/_a.md"] = "A\n--8<-- \"_b.md\"\n",
            ["content/_b.md"] = "B\n--8<-- \"_a.md\"\n",
        };
        var (_, diagnostics) = Read(files, "content/page.md");
        Assert.Equal(
            ["content/_b.md:2:1 Error snippet-cycle", "content/page.md:3:1 Error snippet-missing", "content/page.md:4:1 Error snippet-outside"],
            diagnostics.Select(d => $"{d.Location} {d.Severity} {d.Code}"));
    }

    [Fact]
    public void Diagnostics_inside_included_text_name_the_snippet_file_and_line()
    {
        var files = new Dictionary<string, string>
        {
            ["content/page.md"] = "# P\n\n--8<-- \"_part.md\"\n\n!!! note\nunindented\n",
            ["content/_part.md"] = "first\n\n:::tip Unclosed\nbody\n",
        };
        var (_, diagnostics) = Read(files, "content/page.md");
        Assert.Equal(
            ["content/_part.md:3:1 Warning admonition-unclosed", "content/page.md:6:1 Warning markdown-indent"],
            diagnostics.Select(d => $"{d.Location} {d.Severity} {d.Code}"));
    }

    [Fact]
    public void Mdx_leftovers_are_removed_with_one_info_naming_them()
    {
        var markdown = """
            ---
            title: Behavioural
            ---
            import InDocAd from '@site/src/InDocAd';
            import {
              Thing,
            } from './thing';
            export const meta = {
              a: 1,
            };

            <head>
              <title>Custom</title>
            </head>

            # Behavioural questions

            <InDocAd />

            Text {/* a comment */} with <Highlight color="#25c2a0">a highlight</Highlight> and `{code}` kept.

            ![diagram]({require('./img.png').default})

            ```jsx
            <InDocAd />
            ```

            <Wrapper
              prop="x">

            Child text stays.

            </Wrapper>

            Last line.
            """;
        var (html, diagnostics) = RenderPage(markdown, "content/behavioural.mdx");
        var info = Assert.Single(diagnostics);
        Assert.Equal((Severity.Info, "mdx-dropped", 4), (info.Severity, info.Code, info.Location.Line));
        Assert.Contains("2 imports", info.Message);
        Assert.Contains("an export", info.Message);
        Assert.Contains("<InDocAd>, <Highlight>, <Wrapper>", info.Message);
        Assert.Contains("<head> block", info.Message);
        var text = html.Body!.TextContent;
        foreach (var leftover in new[] { "import", "export", "InDocAd />\n\nText", "comment", "require", "Custom", "<Wrapper" })
        {
            Assert.DoesNotContain(leftover, text.Replace("<InDocAd />\n```", "", StringComparison.Ordinal));
        }

        Assert.StartsWith("Behavioural questions", html.QuerySelector("h1")!.TextContent);
        Assert.Contains("a highlight", text);
        Assert.Equal("{code}", html.QuerySelector("p code")!.TextContent);
        Assert.Equal("<InDocAd />\n", html.QuerySelector("pre code")!.TextContent);
        Assert.Contains("Child text stays.", text);
        Assert.Equal("Last line.", html.Body.Children.Last().TextContent);
    }

    [Fact]
    public void An_unclosed_component_never_swallows_the_page()
    {
        var (html, diagnostics) = RenderPage("import X from 'x';\n\n<Broken prop=\"x\"\n\nStill here.\n", "content/p.mdx");
        Assert.Contains(diagnostics, d => d.Code == "mdx-unclosed" && d.Location.Line == 3);
        Assert.Equal("Still here.", html.Body!.Children.Last().TextContent);
    }

    [Fact]
    public void Plain_markdown_keeps_its_braces()
    {
        var (html, diagnostics) = RenderPage("Sets {1, 2} and {a + b}.\n");
        Assert.Empty(diagnostics);
        Assert.Equal("Sets {1, 2} and {a + b}.", html.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Mermaid_fence_is_a_diagram_over_its_readable_source()
    {
        var (html, diagnostics) = RenderPage("```mermaid\ngraph TD\n  A --> B\n```\n\n```js\nx\n```\n");
        Assert.Empty(diagnostics);
        var diagram = Assert.Single(html.QuerySelectorAll(".diagram[data-diagram=mermaid]"));
        Assert.Equal("graph TD\n  A --> B\n", diagram.QuerySelector("pre.diagram-source code")!.TextContent);
        Assert.NotNull(html.QuerySelector("pre code.language-js"));
    }
}

using Handbook.Markdown;
using Handbook.Model;
using Handbook.Tests.Support;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Tests.Pipeline;

/// <summary>A chapter's links, archetype references and block ids are found in one walk of its tree; Markdig's own walks find the same.</summary>
public sealed class ChapterFactsTests
{
    public static TheoryData<string> Guides()
    {
        var data = new TheoryData<string>();
        var root = TempProject.RepositoryRoot();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests", "fixtures"), "*.md*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "content"), "*.md", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".mdx", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void One_walk_finds_what_markdigs_descendants_find_in_the_same_order(string path) =>
        AssertSameAsMarkdig(File.ReadAllText(Path.Combine(TempProject.RepositoryRoot(), path)));

    [Fact]
    public void Links_and_references_nested_in_emphasis_links_tables_and_quotes_are_found_in_order()
    {
        const string Text = "# T\n\n**see [a](a.md) and *see #3* then [![img](i.png)](b.md)**\n\n> - quoted [c](c.md#x) #4\n\n| h | k |\n|---|---|\n| [d](d.md) | *see #5* |\n\nPara {#para-id}\n";
        var (links, references, ids) = ChapterFacts.Walk(Markdig.Markdown.Parse(Text, MarkdownPipelines.Guide));

        Assert.Equal(["a.md", "b.md", "i.png", "c.md#x", "d.md"], links.Select(l => l.Url));
        Assert.Equal([3, 4, 5], references.Select(r => r.Number));
        AssertSameAsMarkdig(Text);
    }

    private static void AssertSameAsMarkdig(string text)
    {
        var document = Markdig.Markdown.Parse(text, MarkdownPipelines.Guide);

        var (links, references, ids) = ChapterFacts.Walk(document);

        Assert.Equal(document.Descendants<LinkInline>().Select(l => new MarkdownLink(l.Url ?? "", l.Line, l.Column)), links);
        Assert.Equal(
            document.Descendants<LeafBlock>().Where(l => l.Inline is not null).SelectMany(l => l.Inline!.Descendants<ArchetypeReferenceInline>())
                .Select(r => new ArchetypeReference(r.Number, r.Line, r.Column)),
            references);
        Assert.Equal(document.Descendants().OfType<Block>().Where(b => b is not HeadingBlock).Select(b => b.TryGetAttributes()?.Id).OfType<string>(), ids);
    }
}
